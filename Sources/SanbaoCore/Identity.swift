/// Who a member or a household is, across devices. Positions and locally numbered ids
/// identify nothing when two devices work offline: two of them may give the next free
/// number to different people. What both devices agree on is the person: the ID
/// number where both records have one, else the name with the birth date.
extension Member {
    /// Whether `other` is the same person. ID numbers decide when both are known (case
    /// of the check character aside); otherwise the name and birth date together.
    public func isSamePerson(as other: Member) -> Bool {
        if let a = Self.comparable(idNumber), let b = Self.comparable(other.idNumber) { return a == b }
        return name == other.name && birthDate == other.birthDate
    }

    private static func comparable(_ id: String?) -> String? {
        guard let id, !id.isEmpty else { return nil }
        return id.uppercased()
    }

    /// How a member is named to a person deciding a clash: `刘菊花（1978-05-29）`.
    public var identityLabel: String { "\(name)（\(birthDate)）" }
}

extension Household {
    /// Whether `other` is a record of the same family: at least one person is in both.
    /// Two records of one family differ in who joined or left, never in everyone.
    public func isSameFamily(as other: Household) -> Bool {
        members.contains { m in other.members.contains { m.isSamePerson(as: $0) } }
    }

    /// How a household is named to a person deciding a clash: `户主 刘建军，户编号 …`.
    public var identityLabel: Bilingual {
        let head = head?.identityLabel ?? "—"
        return Bilingual(zh: "户主 \(head)，户编号 \(number)，\(members.count) 人",
                         en: "head \(head), household number \(number), \(members.count) people")
    }
}

/// Ids for members and households added after registration, which no other device
/// gives to anyone else.
///
/// Registration gives members 1, 2, 3 … and households `<village>-0001` …; every device
/// has those from the same roster. A member or household added on one device offline
/// must not take "the next free number", which another device may give to someone else
/// at the same time. Its id is a hash of who it is (`seed`), in a range registration
/// never uses: the same person makes the same id everywhere, different people different
/// ids (two collide in one household with odds below one in 10^12, and if they ever did
/// the merge finds two people under one id and refuses, never mixes).
public enum NewID {
    /// Member ids made on a device start here; registration's are far below.
    public static let firstDeviceMemberID = 1_000_000

    /// A member id: 1,000,000 + 47 bits of the seed's hash (exact in a JSON number).
    public static func member(seed: String) -> Int {
        firstDeviceMemberID + Int(hash(seed) & ((1 << 47) - 1))
    }

    /// The id `person` gets on joining `household`, made from who they are (the ID number,
    /// else name and birth date): two devices adding the same person give the same id,
    /// so the merge sees one person twice (a conflict to settle), never two people.
    /// Different people get different ids; an id already taken by someone else here is
    /// passed over.
    public static func member(for person: Member, in household: Household) -> Int {
        let who = person.idNumber.flatMap { $0.isEmpty ? nil : $0.uppercased() } ?? "\(person.name)|\(person.birthDate)"
        var salt = 0
        while true {
            let id = member(seed: "\(household.id)|\(who)" + (salt == 0 ? "" : "|\(salt)"))
            guard let taken = household.member(id), !taken.isSamePerson(as: person) else { return id }
            salt += 1
        }
    }

    /// The id of a household added on a device, made from its head (the ID number, else
    /// name and birth date): the household number (户编号) the township gives stays a
    /// field of its own and is not the id.
    public static func household(headedBy head: Member, village: String) -> String {
        household(village: village, seed: head.idNumber.flatMap { $0.isEmpty ? nil : $0.uppercased() } ?? "\(head.name)|\(head.birthDate)")
    }

    /// The id of a cadre added on a device, from the name and the work unit.
    public static func cadre(name: String, unit: String) -> String {
        "c-" + String(StableHash.hex("\(name)|\(unit)").prefix(10))
    }

    /// A household id: the village code, `-`, `n` and 10 letters and digits of the hash
    /// (50 bits), so it never looks like, or equals, a registered `<village>-0001`.
    public static func household(village: String, seed: String) -> String {
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")  // Crockford's base 32, lower case
        var h = hash(village + "|" + seed)
        var tail = ""
        for _ in 0..<10 { tail.append(alphabet[Int(h & 31)]); h >>= 5 }
        return "\(village)-n\(tail)"
    }

    private static func hash(_ seed: String) -> UInt64 {
        UInt64(StableHash.hex(seed), radix: 16) ?? 0
    }
}
