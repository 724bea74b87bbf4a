import SanbaoCore

/// One id naming different people on two devices: a household id held by two families,
/// or a member id held by two people of one family. Never merged field by field (that
/// mixes a birth date from one person with the ID number of another); the import that
/// finds one is refused whole, naming both sides.
public struct IdentityClash: Hashable, Sendable {
    public var householdID: String
    /// Who the id names here and in the bundle.
    public var here: Bilingual
    public var there: Bilingual
    /// The member id, when the clash is one member's.
    public var memberID: Int?

    /// The household under `mine.id` is another family in `theirs`, or one of its member
    /// ids names another person; nil when the two records are of the same people.
    static func between(_ mine: Household, _ theirs: Household) -> IdentityClash? {
        guard mine.isSameFamily(as: theirs) else {
            return IdentityClash(householdID: mine.id, here: mine.identityLabel, there: theirs.identityLabel)
        }
        for m in theirs.members {
            if let clash = between(mine, member: m) { return clash }
        }
        return nil
    }

    /// `member` would take the id of another person of `household`.
    static func between(_ household: Household, member: Member) -> IdentityClash? {
        guard let local = household.member(member.id), !local.isSamePerson(as: member) else { return nil }
        return IdentityClash(householdID: household.id, here: Bilingual(zh: local.identityLabel, en: local.identityLabel),
                             there: Bilingual(zh: member.identityLabel, en: member.identityLabel), memberID: member.id)
    }

    /// `621121103201-0002：本机 户主 刘建军（…）；导入包 户主 何永福（…）`.
    public var message: Bilingual {
        let who = memberID.map { Bilingual(zh: " 成员 \($0)", en: " member \($0)") } ?? Bilingual(zh: "", en: "")
        return Bilingual(zh: "\(householdID)\(who.zh)：本机为 \(here.zh)；导入包中为 \(there.zh)",
                         en: "\(householdID)\(who.en): here \(here.en); in the bundle \(there.en)")
    }
}
