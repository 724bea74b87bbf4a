import Foundation
import SanbaoCore

/// Compares one household of the data with the roster's record of it, field by field,
/// touching only what the roster states, and makes an edit per changed field.
struct IntakePlanner {
    let log: EditLog
    let asOf: LocalDate
    let deviceID: String
    let now: String
    let source: String
    /// Cadre id → name, for saying a change of cadre in words.
    let cadreNames: [String: String]
    private(set) var edits: [HouseholdEdit] = []
    private(set) var notes: [Bilingual] = []

    init(log: EditLog, asOf: LocalDate, deviceID: String, now: String, source: String, cadreNames: [String: String]) {
        self.cadreNames = cadreNames
        self.log = log
        self.asOf = asOf
        self.deviceID = deviceID
        self.now = now
        self.source = source
    }

    mutating func changes(_ mine: Household, _ theirs: Household, _ stated: StatedFields) throws -> IntakePlan.HouseholdChange {
        var change = IntakePlan.HouseholdChange(householdID: mine.id, head: mine.head?.name ?? "", fields: [], membersAdded: [])
        let a = try Self.json(mine)
        let b = try Self.json(theirs)
        for key in ["phone", "type"] where stated.household.contains(key) {
            try compare(mine.id, key, a[key] ?? .null, b[key] ?? .null, &change)
        }
        for key in ["causes", "status", "address"] {
            let merged = Self.overlay(a[key] ?? .object([:]), b[key] ?? .object([:]), keys: stated.household, prefix: key + ".")
            try compare(mine.id, key, a[key] ?? .null, merged, &change)
        }
        if theirs.address.villageCode != mine.address.villageCode {
            notes.append(Bilingual(zh: "\(mine.id)：花名册中的村代码 \(theirs.address.villageCode) 与本机不同，保留本机的",
                                   en: "\(mine.id): the roster's village code \(theirs.address.villageCode) differs; kept this device's"))
        }
        if stated.household.contains("pairings"), let cadre = theirs.pairings.first?.cadreID, mine.cadreID(on: asOf) != cadre {
            try compare(mine.id, "pairings", a["pairings"] ?? .null, try Self.json(repaired(mine.pairings, to: cadre)), &change)
        }
        try members(mine, theirs, stated, &change)
        return change
    }

    /// The pairings with the current ones ended the day before `asOf` and `cadre` paired
    /// from `asOf`: a change of cadre keeps the history.
    func repaired(_ pairings: [Pairing], to cadre: String) -> [Pairing] {
        var out: [Pairing] = []
        for var p in pairings {
            if p.start >= asOf { continue }  // replaced before it began
            if p.end.map({ $0 >= asOf }) ?? true { p.end = asOf.adding(days: -1) }
            out.append(p)
        }
        return out + [Pairing(cadreID: cadre, start: asOf)]
    }

    mutating func members(_ mine: Household, _ theirs: Household, _ stated: StatedFields, _ change: inout IntakePlan.HouseholdChange) throws {
        for (i, m) in theirs.members.enumerated() {
            let keys = i < stated.members.count ? stated.members[i] : []
            if let existing = Self.match(m, in: mine.members) {
                let a = try Self.json(existing)
                let b = try Self.json(m)
                for key in keys.sorted() {
                    try compare(mine.id, "members[\(existing.id)].\(key)", a[key] ?? .null, b[key] ?? .null, &change, label: existing.name)
                }
            } else {
                // Not the next free number: another device may give it to someone else.
                var added = m
                added.id = NewID.member(for: m, in: mine)
                try edit(mine.id, "members[\(added.id)]", try Self.json(added))
                change.membersAdded.append(m.name)
            }
        }
    }

    func absentMembers(_ mine: Household, _ theirs: Household) -> [IntakePlan.Absent] {
        mine.members.filter { m in !theirs.members.contains { Self.match($0, in: [m]) != nil } }
            .map { IntakePlan.Absent(householdID: mine.id, head: mine.head?.name ?? "", member: $0.name) }
    }

    /// The member of `members` that `m` is: the same ID number, else (neither side
    /// having one to compare) the same name.
    static func match(_ m: Member, in members: [Member]) -> Member? {
        if let id = m.idNumber, let same = members.first(where: { $0.idNumber?.uppercased() == id }) { return same }
        return members.first { $0.name == m.name && ($0.idNumber == nil || m.idNumber == nil) }
    }

    mutating func compare(_ household: String, _ field: String, _ old: JSONValue, _ new: JSONValue,
                          _ change: inout IntakePlan.HouseholdChange, label: String? = nil) throws {
        guard old != new else { return }
        try edit(household, field, new)
        change.fields.append(IntakePlan.FieldChange(
            field: field, label: FieldDisplay.label(field, memberName: label),
            old: FieldDisplay.value(field, old, cadres: cadreNames), new: FieldDisplay.value(field, new, cadres: cadreNames)))
    }

    mutating func edit(_ household: String, _ field: String, _ value: JSONValue) throws {
        let parents = log.parents(householdID: household, field: field)
        let key = try String(decoding: JSONCoding.encoder().encode(value), as: UTF8.self)
        // From content, not time or device: two devices taking in one roster make one edit.
        let id = "i-" + StableHash.hex("\(household)|\(field)|\(key)|\(parents.joined(separator: ","))")
        edits.append(HouseholdEdit(id: id, householdID: household, field: field, value: value, parents: parents,
                                   deviceID: deviceID, recordedAt: now, source: source))
    }

    /// `base` with the sub-fields of `over` that `keys` names (`causes.main` …).
    static func overlay(_ base: JSONValue, _ over: JSONValue, keys: Set<String>, prefix: String) -> JSONValue {
        guard case .object(var o) = base else { return base }
        for k in keys where k.hasPrefix(prefix) {
            let sub = String(k.dropFirst(prefix.count))
            o[sub] = over[sub] == .null ? nil : over[sub]
        }
        return .object(o)
    }

    static func json(_ value: some Encodable) throws -> JSONValue {
        try JSONCoding.decoder().decode(JSONValue.self, from: JSONCoding.encoder().encode(value))
    }
}
