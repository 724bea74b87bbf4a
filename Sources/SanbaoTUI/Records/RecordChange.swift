import SanbaoCore
import SanbaoStore

/// A change to the records that a record form asks the app to save, through the same
/// store calls as the command line (`Store+Records.swift`, `Store.edit`).
public enum RecordChange {
    /// `sanbao member add`.
    case addMember(householdID: String, Member, joined: MemberChange<JoinReason>)
    /// `sanbao member leave`.
    case memberLeaves(householdID: String, memberID: Int, name: String, MemberChange<LeaveReason>)
    /// `sanbao member set` and `sanbao household set`: edits of fields, in order.
    case edit(householdID: String, what: String, [(field: String, value: JSONValue)])
    /// `sanbao pair`.
    case pair(householdID: String, cadreID: String, name: String, from: LocalDate)
    /// `sanbao cadre add`, then `sanbao pair` with the cadre added.
    case pairNew(householdID: String, Cadre, from: LocalDate)
    /// `sanbao household add`.
    case addHousehold(Household)

    /// The household the change is about.
    var householdID: String {
        switch self {
        case .addMember(let id, _, _), .memberLeaves(let id, _, _, _), .edit(let id, _, _), .pair(let id, _, _, _), .pairNew(let id, _, _): id
        case .addHousehold(let h): h.id
        }
    }

    /// What is saved, in a few words: for the question before and the line after.
    var summary: Bilingual {
        switch self {
        case .addMember(_, let m, let joined): UIText.recordAddMember(m.name, joined.reason.label, joined.date)
        case .memberLeaves(_, _, let name, let change): UIText.recordLeave(name, change.reason.label, change.date)
        case .edit(_, let what, let edits): UIText.recordEdit(what, fields: Self.names(edits.map(\.field)))
        case .pair(_, _, let name, let from): UIText.recordPair(name, from)
        case .pairNew(_, let c, let from): UIText.recordPairNew(c.name, unit: c.unit, from)
        case .addHousehold(let h): UIText.recordAddHousehold(h.head?.name ?? "", group: h.address.group)
        }
    }

    /// The fields in words (`与户主关系`, not `members[3].relation`; FieldDisplay, as
    /// history says them), each once: `housing.grade` and `housing.structure` are both `住房`.
    static func names(_ fields: [String]) -> [Bilingual] {
        var said: [Bilingual] = []
        for f in fields.map(FieldDisplay.name) where !said.contains(f) { said.append(f) }
        return said
    }
}
