/// A change to one field of a household record, kept forever like a check.
///
/// Household data is never overwritten in place: the registration record stays as it
/// was, and each change is an edit naming the field, the new value and the edits it
/// replaces (`parents`: the field's latest edits the editor had seen; empty when it
/// replaces the registration value). Merging two devices is then a union of edits, and a
/// real conflict — the same field changed on both sides without either seeing the
/// other — shows up as a field with two latest edits, both kept.
public struct HouseholdEdit: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var householdID: String
    /// `phone`, `housing`, `members[3].school`, or `members[5]` for a new member.
    public var field: String
    public var value: JSONValue
    public var parents: [String]
    public var deviceID: String
    public var cadreID: String?
    public var recordedAt: String
    /// Where the change came from when no person typed it: `intake 花名册.xlsx` for a
    /// roster taken in. Nil for an edit made by hand.
    public var source: String?

    public init(id: String, householdID: String, field: String, value: JSONValue, parents: [String],
                deviceID: String, cadreID: String? = nil, recordedAt: String, source: String? = nil) {
        self.id = id
        self.householdID = householdID
        self.field = field
        self.value = value
        self.parents = parents
        self.deviceID = deviceID
        self.cadreID = cadreID
        self.recordedAt = recordedAt
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id
        case householdID = "household_id"
        case field, value, parents
        case deviceID = "device_id"
        case cadreID = "cadre_id"
        case recordedAt = "recorded_at"
        case source
    }

    /// The fields an edit may name: every top-level field but `id` and `members`, and
    /// `members[N]` or `members[N].key` for one member.
    public static func fieldProblem(_ field: String) -> Bilingual? {
        let topLevel: Set = ["number", "address", "phone", "type", "causes", "status", "pairings", "measures",
                             "income", "food_clothing", "water", "housing"]
        if topLevel.contains(field) { return nil }
        if let (_, key) = memberField(field) {
            guard let key else { return nil }
            if key != "id" && Member.keys.contains(key) { return nil }
            let keys = Member.keys.subtracting(["id"]).sorted().joined(separator: ", ")
            return Bilingual(zh: "成员没有字段“\(key)”（可改：\(keys)）", en: "a member has no field \"\(key)\" (it has: \(keys))")
        }
        return Bilingual(zh: "不能修改字段“\(field)”（可改：\(topLevel.sorted().joined(separator: ", "))、members[N].字段）",
                         en: "field \"\(field)\" cannot be edited (editable: \(topLevel.sorted().joined(separator: ", ")), members[N].KEY)")
    }

    /// `members[3].school` → (3, "school"); `members[5]` → (5, nil).
    public static func memberField(_ field: String) -> (Int, String?)? {
        guard field.hasPrefix("members["), let close = field.firstIndex(of: "]") else { return nil }
        guard let n = Int(field[field.index(field.startIndex, offsetBy: 8)..<close]) else { return nil }
        let rest = field[field.index(after: close)...]
        if rest.isEmpty { return (n, nil) }
        guard rest.hasPrefix(".") else { return nil }
        return (n, String(rest.dropFirst()))
    }
}

/// The state of every edited field: which edits are current, and where they conflict.
public struct EditLog: Sendable {
    /// One field of one household with more than one current edit.
    public struct Conflict: Hashable, Sendable {
        public var householdID: String
        public var field: String
        /// The competing current edits, oldest first. The last one is the value in force
        /// until someone resolves the conflict.
        public var heads: [HouseholdEdit]
    }

    public let edits: [HouseholdEdit]
    /// Current edits per household and field, oldest first.
    public let heads: [String: [String: [HouseholdEdit]]]

    public init(_ edits: [HouseholdEdit]) {
        self.edits = edits
        var byField: [String: [String: [HouseholdEdit]]] = [:]
        for e in edits { byField[e.householdID, default: [:]][e.field, default: []].append(e) }
        heads = byField.mapValues { fields in
            fields.mapValues { list in
                let replaced = Set(list.flatMap(\.parents))
                return list.filter { !replaced.contains($0.id) }.sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) }
            }
        }
    }

    /// The winning value of each edited field of a household: the newest current edit.
    /// Every device computes the same winner from the same edits.
    public func values(for householdID: String) -> [(field: String, value: JSONValue)] {
        (heads[householdID] ?? [:]).compactMap { field, list in list.last.map { (field, $0.value) } }
            .sorted { Self.order($0.field, $1.field) }
    }

    /// The ids a new edit of `field` replaces: all its current edits.
    public func parents(householdID: String, field: String) -> [String] {
        (heads[householdID]?[field] ?? []).map(\.id)
    }

    /// Fields edited on two sides without either seeing the other, sorted.
    public var conflicts: [Conflict] {
        heads.flatMap { h, fields in
            fields.filter { $0.value.count > 1 }.map { Conflict(householdID: h, field: $0.key, heads: $0.value) }
        }.sorted { ($0.householdID, $0.field) < ($1.householdID, $1.field) }
    }

    /// Whole members before member fields, so an added member exists before its fields change.
    static func order(_ a: String, _ b: String) -> Bool {
        func rank(_ f: String) -> Int {
            guard let (_, key) = HouseholdEdit.memberField(f) else { return 0 }
            return key == nil ? 1 : 2
        }
        return (rank(a), a) < (rank(b), b)
    }
}
