import Foundation
import SanbaoCore

/// What taking in a roster changes, worked out in memory before anything is written:
/// households new to the data, fields the roster states differently (each an edit, as if
/// typed, naming the roster as its source), members who joined, cadres new to the data,
/// and what the data holds that the roster no longer lists (never deleted, only named).
public struct IntakePlan: Sendable {
    /// One field of one household, before and after, as people read them.
    public struct FieldChange: Hashable, Sendable {
        /// The edited field (`phone`, `members[3].school`).
        public var field: String
        /// The field as a person reads it (`联系电话`, `马军 在校生状况`).
        public var label: Bilingual
        public var old: Bilingual
        public var new: Bilingual
    }

    public struct HouseholdChange: Sendable {
        public var householdID: String
        public var head: String
        public var fields: [FieldChange]
        public var membersAdded: [String]
    }

    public struct Absent: Hashable, Sendable {
        public var householdID: String
        public var head: String
        /// Nil for a whole household.
        public var member: String?
    }

    public var newHouseholds: [Household] = []
    public var changed: [HouseholdChange] = []
    public var unchanged = 0
    public var newCadres: [Cadre] = []
    public var absent: [Absent] = []
    /// Things the intake kept as they are, for the user to know.
    public var notes: [Bilingual] = []
    /// The edits that carry `changed`.
    public var edits: [HouseholdEdit] = []

    public var isEmpty: Bool { newHouseholds.isEmpty && edits.isEmpty && newCadres.isEmpty }
    public var membersAdded: Int { newHouseholds.reduce(0) { $0 + $1.members.count } + changed.reduce(0) { $0 + $1.membersAdded.count } }

    /// Plans taking `roster` into data holding `current` (households with edits applied).
    /// - Parameters:
    ///   - log: the data's edits, for the parents of each new edit.
    ///   - source: `intake 花名册.xlsx`, recorded on every edit.
    public init(roster: RosterContent, current: [Household], cadres: [Cadre], log: EditLog, asOf: LocalDate,
                deviceID: String, now: String, source: String) throws {
        let names = Dictionary((cadres + roster.cadres).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var planner = IntakePlanner(log: log, asOf: asOf, deviceID: deviceID, now: now, source: source, cadreNames: names)
        let byNumber = Dictionary(current.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        var ids = Set(current.map(\.id))
        var listed = Set<String>()
        for incoming in roster.households {
            listed.insert(incoming.number)
            let stated = roster.stated[incoming.number] ?? StatedFields()
            if let mine = byNumber[incoming.number] {
                let change = try planner.changes(mine, incoming, stated)
                if change.fields.isEmpty && change.membersAdded.isEmpty { unchanged += 1 } else { changed.append(change) }
                absent += planner.absentMembers(mine, incoming)
            } else {
                var h = incoming
                if ids.contains(h.id) { h.id = h.address.villageCode + "-" + h.number }
                ids.insert(h.id)
                newHouseholds.append(h)
            }
        }
        edits = planner.edits
        notes = planner.notes
        let known = Set(cadres.map(\.id))
        let used = Set(newHouseholds.flatMap { $0.pairings.map(\.cadreID) } + edits.filter { $0.field == "pairings" }.flatMap { Self.cadreIDs($0.value) })
        newCadres = roster.cadres.filter { !known.contains($0.id) && used.contains($0.id) }
        let villages = Set(roster.households.map(\.address.villageCode))
        for h in current where villages.contains(h.address.villageCode) && !listed.contains(h.number) {
            absent.append(Absent(householdID: h.id, head: h.head?.name ?? "", member: nil))
        }
    }

    static func cadreIDs(_ pairings: JSONValue) -> [String] {
        guard case .array(let list) = pairings else { return [] }
        return list.compactMap { if case .string(let s)? = $0["cadre_id"] { s } else { nil } }
    }
}
