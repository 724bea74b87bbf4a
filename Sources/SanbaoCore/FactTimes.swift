/// When each fact of one household was last set by an edit (intake, `sanbao edit`,
/// `member set`, the record form), so that a visit's observation recorded earlier gives
/// way to it: the one rule for facts, "a fact recorded later wins" (docs/rules.md).
///
/// A side table built from the edit log, not a property of `Household`: the record stays
/// the plain value every file and merge knows, and the log stays the one source of when.
/// The registration record has no time: it is older than everything.
public struct FactTimes: Hashable, Sendable {
    /// `housing`, `water`, `food_clothing` → the time of the edit in force.
    var fields: [String: RecordedTime] = [:]
    /// Income year → the time of the `income` edit in force, for each year it states.
    var incomeYears: [Int: RecordedTime] = [:]
    /// Member id → member key (`school`, `insured` …) → time; the key `""` is the whole
    /// member (added or replaced by one edit), which sets every key at once.
    var members: [Int: [String: RecordedTime]] = [:]

    public init() {}

    /// The times of one household's current edits: `heads` is field → current edits,
    /// oldest first, as `EditLog.heads` holds them.
    public init(heads: [String: [HouseholdEdit]]) {
        for (field, list) in heads {
            guard let edit = list.last else { continue }
            note(field, edit.value, at: RecordedTime(edit.recordedAt))
        }
    }

    /// The times of household `householdID` among `edits` (which may hold others').
    public init(_ edits: [HouseholdEdit], of householdID: String) {
        let mine: [HouseholdEdit] = edits.filter { (e: HouseholdEdit) -> Bool in e.householdID == householdID }
        self = FactClock(mine)[householdID]
    }

    public var isEmpty: Bool { fields.isEmpty && incomeYears.isEmpty && members.isEmpty }

    private mutating func note(_ field: String, _ value: JSONValue, at time: RecordedTime) {
        if let (id, key) = HouseholdEdit.memberField(field) {
            members[id, default: [:]][key ?? ""] = time
        } else if field == "income" {
            guard case .array(let records) = value else { return }
            for record in records {
                guard case .number(let year)? = record["year"] else { continue }
                incomeYears[Int(year)] = time
            }
        } else {
            fields[field] = time
        }
    }

    /// Whether an observation of `field` recorded at `time` is in force: no edit of the
    /// field was recorded after it.
    func observation(of field: String, at time: RecordedTime) -> Bool {
        guard let edited = fields[field] else { return true }
        return time > edited
    }

    /// Whether an observation of the income of `year` recorded at `time` is in force.
    func observation(ofIncome year: Int, at time: RecordedTime) -> Bool {
        guard let edited = incomeYears[year] else { return true }
        return time > edited
    }

    /// Whether an observation of member `id`'s `key` recorded at `time` is in force.
    func observation(ofMember id: Int, _ key: String, at time: RecordedTime) -> Bool {
        guard let keys = members[id] else { return true }
        if let whole = keys[""], !(time > whole) { return false }
        guard let edited = keys[key] else { return true }
        return time > edited
    }
}

/// The fact times of every household of a data set, made once from its edits: what an
/// `Assessor` is given so every view judges the same current facts.
public struct FactClock: Sendable {
    let byHousehold: [String: FactTimes]

    public init() { byHousehold = [:] }

    /// A clock of the households in `table` only.
    public init(single table: [String: FactTimes]) { byHousehold = table }

    public init(_ edits: [HouseholdEdit]) {
        self.init(EditLog(edits))
    }

    public init(_ log: EditLog) {
        var table: [String: FactTimes] = [:]
        for (householdID, fields) in log.heads { table[householdID] = FactTimes(heads: fields) }
        byHousehold = table
    }

    public subscript(householdID: String) -> FactTimes { byHousehold[householdID] ?? FactTimes() }
}

/// A recorded time (`2026-11-02T10:00:00Z`, `2026-11-02T10:00:00.123Z`) made comparable
/// as text: seconds, then the fraction padded to nine digits, so `…00Z` is not taken for
/// later than `…00.123Z` (as plain text order would). The store records every time in
/// UTC, checks and edits alike, so one clock compares them.
struct RecordedTime: Hashable, Sendable, Comparable {
    let key: String

    init(_ text: String) {
        let seconds = String(text.prefix(19))
        let rest = text.dropFirst(19)
        var digits = ""
        if rest.first == "." {
            for c in rest.dropFirst() {
                guard c.isASCII, c.isNumber else { break }
                digits.append(c)
            }
        }
        let padding = String(repeating: "0", count: max(0, 9 - digits.count))
        key = seconds + "." + digits + padding
    }

    static func < (a: RecordedTime, b: RecordedTime) -> Bool { a.key < b.key }
}
