import Foundation
import SanbaoCore

/// Why a report could not be made, in words a person can act on. `isUsage` tells a
/// mistake on the command line (exit 64) from bad input data (exit 65).
public struct ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: Bilingual
    public var isUsage: Bool

    public init(_ message: Bilingual, usage: Bool) {
        self.message = message
        self.isUsage = usage
    }

    public var description: String { message.en }
}

/// What to export: the selection, the period and whether ID numbers are shown.
public struct ExportRequest: Hashable, Sendable {
    /// 12-digit village codes; empty for every village.
    public var villageCodes: [String]
    /// A cadre's name or id: the households paired with them on the assessment date.
    public var cadre: String?
    /// First day whose checks count as visits in the period; default 12 months before `to`.
    public var from: LocalDate?
    /// The assessment date.
    public var to: LocalDate
    public var fullIDs: Bool
    /// When the report is made, ISO 8601 UTC (the caller's clock: the domain has none).
    public var generatedAt: String

    public init(villageCodes: [String] = [], cadre: String? = nil, from: LocalDate? = nil, to: LocalDate,
                fullIDs: Bool = false, generatedAt: String) {
        self.villageCodes = villageCodes
        self.cadre = cadre
        self.from = from
        self.to = to
        self.fullIDs = fullIDs
        self.generatedAt = generatedAt
    }

    /// `date` twelve months earlier (29 February becomes 28 February).
    public static func yearBefore(_ date: LocalDate) -> LocalDate {
        let y = date.year - 1
        return LocalDate(year: y, month: date.month, day: min(date.day, LocalDate.daysIn(month: date.month, year: y)))!
    }

    public var period: SummaryReport.Period { .init(from: from ?? Self.yearBefore(to), to: to) }
}

extension SummaryReport {
    /// Builds the report of `dataset` for `request`. Throws a usage error for a malformed
    /// village code, an unknown cadre or a period that ends before it starts. A selection
    /// that matches no household is not an error: it gives an empty report.
    public init(_ dataset: Dataset, _ request: ExportRequest) throws {
        for code in request.villageCodes {
            if let problem = DivisionCode.problem(code) { throw ExportError(problem, usage: true) }
        }
        let period = request.period
        guard period.from <= period.to else {
            throw ExportError(Bilingual(zh: "统计期间起始日 \(period.from) 晚于截止日 \(period.to)",
                                        en: "--from \(period.from) is after --to \(period.to)"), usage: true)
        }
        let date = period.to
        var cadreIDs: Set<String>?
        if let cadre = request.cadre {
            let ids = dataset.cadreIDs(matching: cadre)
            guard !ids.isEmpty else {
                let known = dataset.cadres.map(\.name).joined(separator: ", ")
                throw ExportError(Bilingual(zh: "没有名为“\(cadre)”的干部（现有：\(known)）",
                                            en: "no cadre named \"\(cadre)\" (known: \(known))"), usage: true)
            }
            cadreIDs = ids
        }
        let chosen = Self.selection(dataset, villageCodes: request.villageCodes, cadreIDs: cadreIDs, on: date)
        var (records, parts, repeatedIDs) = Self.judge(dataset, chosen, period: period, fullIDs: request.fullIDs)
        let joined = Part(joining: parts)
        parts = []
        let order = Self.numberOrder(records)
        let gaps = Self.gapsInOrder(joined.gaps, ranges: joined.gapRanges, order: order, records: records,
                                    uniqueIDs: !repeatedIDs)
        Self.permute(&records, order)
        let cadres = Dictionary(dataset.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let selectedCadres = cadreIDs.map { ids in dataset.cadres.filter { ids.contains($0.id) }.map(\.id) }
            ?? joined.cadreIDs.sorted()
        self.init(kind: .export, generatedAt: request.generatedAt, period: period,
                  selection: Selection(villageCodes: request.villageCodes, cadre: request.cadre),
                  idNumbers: request.fullIDs ? .full : .masked, thresholds: dataset.rules,
                  villages: joined.villages.values.sorted { $0.code < $1.code },
                  cadres: selectedCadres.map { id in
                      CadreRef(id: id, name: cadres[id]?.name ?? id, unit: cadres[id]?.unit ?? "")
                  },
                  households: records, gaps: gaps)
    }

    /// The selected households (by index) and their cadres on `date`, in list order.
    static func selection(_ dataset: Dataset, villageCodes: [String], cadreIDs: Set<String>?,
                          on date: LocalDate) -> [(index: Int, cadreID: String?)] {
        let villageFilter = villageCodes.isEmpty ? nil : Set(villageCodes)
        var selected: [(index: Int, cadreID: String?)] = []
        for (n, h) in dataset.households.enumerated() {
            if let villageFilter, !villageFilter.contains(h.address.villageCode) { continue }
            let cadreID = h.cadreID(on: date)
            if let cadreIDs, !(cadreID.map(cadreIDs.contains) ?? false) { continue }
            selected.append((n, cadreID))
        }
        return selected
    }

    /// The record of each chosen household, in the order chosen, what each piece of them
    /// gives besides (gaps, villages, cadres), and whether some household id is repeated. Each household is judged on its own, so
    /// pieces are judged on every core, each record written straight into its place: the
    /// same records as one loop, and no second copy of them.
    static func judge(_ dataset: Dataset, _ chosen: [(index: Int, cadreID: String?)], period: Period,
                      fullIDs: Bool) -> ([HouseholdRecord], [Part], Bool) {
        let date = period.to
        let checks = ChecksByHousehold(dataset)
        let assessor = Assessor(config: dataset.rules)
        let households = dataset.households
        let cadres = Dictionary(dataset.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let pieces = Parallel.ranges(chosen.count, minimum: 500)
        var parts: [Part] = []
        let records = [HouseholdRecord](unsafeUninitializedCapacity: chosen.count) { buffer, initialized in
            let out = Slots(buffer)
            parts = Parallel.map(pieces.count) { k in
                var part = Part()
                var shared = SharedValues()
                for j in pieces[k] {
                    let (n, cadreID) = chosen[j]
                    let h = households[n]
                    let history = CheckHistory.effective(checks.of(household: n)).filter { $0.date <= date }
                    // The effective history up to the date gives the assessor the same checks
                    // it would keep from all of the household's: it then has no amendment left
                    // to settle and nothing to drop, so the history is worked out once.
                    let a = assessor.assess(h, checks: history, on: date)
                    let record = Self.record(h, a, history: history, period: period, cadreID: cadreID,
                                             cadre: cadreID.flatMap { cadres[$0] }, fullIDs: fullIDs, shared: &shared)
                    part.add(gaps: Self.gaps(record, history: history), address: h.address, cadreID: cadreID)
                    out.initialize(j, to: consume record)
                }
                return part
            }
            initialized = chosen.count
        }
        return (records, parts, checks.hasRepeatedIDs)
    }

    /// Uninitialized memory that the pieces of a parallel loop fill, each its own indexes.
    /// Unchecked Sendable: no two tasks write the same index, and the memory is read only
    /// after every task is done.
    final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<T>
        init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
        func initialize(_ i: Int, to value: consuming T) { (buffer.baseAddress! + i).initialize(to: value) }
    }

    /// Puts `records` in `order` (`records[k]` becomes the old `records[order[k]]`) by
    /// swapping along each cycle of the permutation: no second array of records.
    static func permute(_ records: inout [HouseholdRecord], _ order: [Int]) {
        var done = [Bool](repeating: false, count: order.count)
        for i in order.indices where !done[i] && order[i] != i {
            var j = i
            while order[j] != i {
                records.swapAt(j, order[j])
                done[j] = true
                j = order[j]
            }
            done[j] = true
        }
    }

    /// The checks of each household, found by position: each check's household is looked
    /// up once (on every core), then the checks are put in household order by counting, in
    /// the order they appear — as grouping them by household id would, without copying
    /// each check into a dictionary.
    struct ChecksByHousehold: Sendable {
        private let checks: [Check]
        /// For each household, the household whose id it has first (itself, unless an id
        /// appears twice: both then have the checks of that id).
        private let owner: [Int]
        /// Indexes into `checks`, household by household; the checks of household `h` are
        /// `order[start[h]..<start[h + 1]]`.
        private let order: [Int]
        private let start: [Int]
        /// Whether some household id appears more than once.
        let hasRepeatedIDs: Bool

        init(_ dataset: Dataset) {
            let households = dataset.households
            var first: [String: Int] = [:]
            first.reserveCapacity(households.count)
            var owner = [Int](repeating: 0, count: households.count)
            for (n, h) in households.enumerated() {
                if let m = first[h.id] { owner[n] = m } else { first[h.id] = n; owner[n] = n }
            }
            let checks = dataset.checks
            let household = first
            let pieces = Parallel.ranges(checks.count, minimum: 20_000)
            let found = Parallel.map(pieces.count) { k in pieces[k].map { household[checks[$0].householdID] ?? -1 } }
            var start = [Int](repeating: 0, count: households.count + 1)
            for piece in found { for h in piece where h >= 0 { start[h + 1] += 1 } }
            for h in households.indices { start[h + 1] += start[h] }
            var next = start
            var order = [Int](repeating: 0, count: start[households.count])
            var c = 0
            for piece in found {
                for h in piece {
                    if h >= 0 { order[next[h]] = c; next[h] += 1 }
                    c += 1
                }
            }
            self.checks = checks
            self.owner = owner
            self.order = order
            self.start = start
            hasRepeatedIDs = first.count < households.count
        }

        /// The checks of the household at `index` in the dataset, in the order they appear.
        func of(household index: Int) -> [Check] {
            let h = owner[index]
            return order[start[h]..<start[h + 1]].map { checks[$0] }
        }
    }

    /// Equal values kept once. Most households share their reasons with many others (at
    /// 2,000 generated households, 1,906 distinct lists of reasons among 12,000): keeping
    /// one copy of each list, not one per household, halves the report's memory (about
    /// 2.3 KB a household otherwise, most of it reasons). One per piece, so no locking.
    struct SharedValues {
        private var reasons: Set<ByBytes<[Bilingual]>> = []
        private var labels: Set<ByBytes<Bilingual>> = []

        mutating func one(_ list: [Bilingual]) -> [Bilingual] {
            list.isEmpty ? list : reasons.insert(ByBytes(list)).memberAfterInsert.value
        }

        mutating func one(_ label: Bilingual) -> Bilingual { labels.insert(ByBytes(label)).memberAfterInsert.value }
    }

    /// A value hashed and compared by the UTF-8 bytes of its texts. String's own hashing
    /// and == work on the canonical (NFC) form, which for Chinese text costs several times
    /// more; values with the same bytes are equal Strings too, so sharing them changes
    /// nothing.
    struct ByBytes<Value: TextBytes>: Hashable {
        let value: Value
        init(_ value: Value) { self.value = value }
        func hash(into hasher: inout Hasher) { value.hashBytes(into: &hasher) }
        static func == (a: Self, b: Self) -> Bool { a.value.sameBytes(as: b.value) }
    }

    /// What one piece of the selection gives besides its records: the gaps of each record,
    /// the villages it names and the cadres paired with it.
    struct Part: Sendable {
        /// The gaps of every record, and where each record's are.
        var gaps: [Gap] = []
        var gapRanges: [Range<Int>] = []
        var villages: [String: Village] = [:]
        var cadreIDs: Set<String> = []

        init() {}

        /// The parts one after the other, as one part of the whole list.
        init(joining parts: [Part]) {
            for part in parts {
                let offset = gaps.count
                gaps += part.gaps
                gapRanges += part.gapRanges.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
                // The first household of a village names it, as in list order.
                villages.merge(part.villages) { first, _ in first }
                cadreIDs.formUnion(part.cadreIDs)
            }
        }

        mutating func add(gaps new: [Gap], address: Address, cadreID: String?) {
            gapRanges.append(gaps.count..<(gaps.count + new.count))
            gaps += new
            if villages[address.villageCode] == nil {
                villages[address.villageCode] = Village(code: address.villageCode, name: address.village,
                                                        township: address.township, county: address.county)
            }
            if let cadreID { cadreIDs.insert(cadreID) }
        }
    }

    /// Indexes of `records` by village code, then household number, then id; equal keys
    /// keep their order (as a stable sort of the records would). Households usually come
    /// in this order already (one file per village, numbers ascending): then no sort.
    static func numberOrder(_ records: [HouseholdRecord]) -> [Int] {
        records.withUnsafeBufferPointer { r in
            // The keys read in place: passing records to compare would copy them whole.
            func before(_ a: Int, _ b: Int) -> Bool {
                (r[a].villageCode, r[a].number, r[a].id) < (r[b].villageCode, r[b].number, r[b].id)
            }
            if r.indices.dropFirst().allSatisfy({ !before($0, $0 - 1) }) { return Array(r.indices) }
            return r.indices.sorted { i, j in before(i, j) || (!before(j, i) && i < j) }
        }
    }

    /// Households by village code, then household number, then id (a stable sort).
    static func sortedByNumber(_ records: [HouseholdRecord]) -> [HouseholdRecord] {
        numberOrder(records).map { records[$0] }
    }

    /// The gap list in household order: all gaps of the first household, then the next.
    /// When an id appears twice (data that does not validate), every gap of that id goes
    /// where the id first appears, in list order: what ordering each gap by the position of
    /// its household's id gives.
    static func gapsInOrder(_ gaps: [Gap], ranges: [Range<Int>], order: [Int], records: [HouseholdRecord],
                            uniqueIDs: Bool) -> [Gap] {
        // Records in list order: the gaps already are in theirs.
        if uniqueIDs && order.elementsEqual(order.indices) { return gaps }
        var out: [Gap] = []
        out.reserveCapacity(gaps.count)
        if uniqueIDs {
            for i in order { out += gaps[ranges[i]] }
            return out
        }
        var byID: [String: [Int]] = [:]
        for (i, r) in records.enumerated() { byID[r.id, default: []].append(i) }
        var done: Set<String> = []
        for i in order where done.insert(records[i].id).inserted {
            for j in byID[records[i].id]! { out += gaps[ranges[j]] }
        }
        return out
    }

    static func record(_ h: Household, _ a: HouseholdAssessment, history: [Check], period: Period,
                       cadreID: String?, cadre: Cadre?, fullIDs: Bool, shared: inout SharedValues) -> HouseholdRecord {
        let last = history.last
        // The history is in date order: the visits of the period are its tail.
        let inPeriod = history[(history.firstIndex { $0.date >= period.from } ?? history.endIndex)...]
        let head = h.head
        let idNumber = head?.idNumber.flatMap { $0.isEmpty ? nil : $0 }
        return HouseholdRecord(
            id: h.id, number: h.number, head: head?.name ?? "",
            headIDNumber: fullIDs ? idNumber : idNumber.map(TextTools.maskedIDNumber),
            village: h.address.village, villageCode: h.address.villageCode, group: h.address.group,
            cadreID: cadreID, cadre: cadre?.name ?? cadreID, members: h.members.count,
            type: LabelledCode(h.type), monitoring: h.status.monitoring.map(LabelledCode.init),
            status: shared.one(h.status.label), meetsStandard: a.meetsStandard, overdue: a.overdue,
            indicators: PerIndicator { i in
                let s = a.indicators[i]
                return IndicatorRecord(state: s?.state ?? .unchecked, reasons: shared.one(s?.reasons ?? []))
            },
            lastCheck: last.map { CheckRef(id: $0.id, date: $0.date, recordedAt: $0.recordedAt, cadreID: $0.cadreID) },
            nextFollowUp: a.followUp, visitsInPeriod: inPeriod.count,
            notes: inPeriod.filter { !$0.note.isEmpty }.map { VisitNote(date: $0.date, checkID: $0.id, text: $0.note) })
    }

    /// Every indicator of `record` that does not pass, with the measures and follow-up
    /// date of the latest check that recorded a finding for it (the visit that verified
    /// it). A check's measures are agreed for the visit, not per indicator, so measures of
    /// earlier visits are not carried over: they may concern another indicator.
    static func gaps(_ record: HouseholdRecord, history: [Check]) -> [Gap] {
        Indicator.allCases.compactMap { i in
            let state = record.indicators[i].state
            guard !state.passes else { return nil }
            // Fields are read in place: copying the whole check is most of the cost here.
            let c = history.lastIndex { $0.findings[i] != nil }
            return Gap(householdID: record.id, number: record.number, head: record.head, village: record.village,
                       villageCode: record.villageCode, group: record.group, cadre: record.cadre, indicator: i,
                       state: state, reasons: record.indicators[i].reasons, measures: c.map { history[$0].measures } ?? [],
                       followUp: c.flatMap { history[$0].followUp }, checkDate: c.map { history[$0].date },
                       checkID: c.map { history[$0].id })
        }
    }

    /// The report as the `json` format: pretty-printed, keys sorted, UTF-8, a final newline.
    public func jsonData() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self) + Data("\n".utf8)
    }

    /// Reads a summary JSON file (the `json` format). `name` is used in the error message.
    public static func decode(_ data: Data, name: String) throws -> SummaryReport {
        do {
            return try JSONDecoder().decode(SummaryReport.self, from: data)
        } catch let e as DecodingError {
            let why = Self.describe(e)
            throw ExportError(Bilingual(zh: "\(name) 不是有效的三保汇总 JSON：\(why)",
                                        en: "\(name) is not a valid Sanbao summary JSON: \(why)"), usage: false)
        } catch {
            throw ExportError(Bilingual(zh: "\(name) 不是有效的三保汇总 JSON：\(error)",
                                        en: "\(name) is not a valid Sanbao summary JSON: \(error)"), usage: false)
        }
    }

    private static func describe(_ e: DecodingError) -> String {
        func path(_ c: [CodingKey]) -> String {
            "$" + c.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch e {
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? c.debugDescription : "\(path(c.codingPath)): \(c.debugDescription)"
        case .keyNotFound(let k, let c): return "\(path(c.codingPath + [k])): missing"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}

/// Texts hashed and compared as bytes (see `SummaryReport.ByBytes`).
protocol TextBytes {
    func hashBytes(into hasher: inout Hasher)
    func sameBytes(as other: Self) -> Bool
}

extension String {
    /// The length and the first and last eight bytes: enough to tell reasons apart (they
    /// differ in a name at the start or a figure or date at the end) at a fraction of the
    /// cost of hashing every byte; equality still compares every byte.
    func hashBytes(into hasher: inout Hasher) {
        let n = utf8.count
        hasher.combine(n)
        let contiguous = utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard n >= 8, let base = b.baseAddress else {
                for byte in b { hasher.combine(byte) }
                return true
            }
            hasher.combine(UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            hasher.combine(UnsafeRawPointer(base + n - 8).loadUnaligned(as: UInt64.self))
            return true
        }
        if contiguous == nil { for byte in utf8 { hasher.combine(byte) } }
    }

    func sameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
            }
        }
        return (fast ?? nil) ?? utf8.elementsEqual(other.utf8)
    }
}

extension Bilingual: TextBytes {
    /// The Chinese text alone: the English one says the same (equality compares both).
    func hashBytes(into hasher: inout Hasher) {
        zh.hashBytes(into: &hasher)
    }

    func sameBytes(as other: Bilingual) -> Bool { zh.sameBytes(as: other.zh) && en.sameBytes(as: other.en) }
}

extension Array: TextBytes where Element: TextBytes {
    // Elements are read through the buffer: iterating would copy (retain) each one.
    func hashBytes(into hasher: inout Hasher) {
        hasher.combine(count)
        withUnsafeBufferPointer { for i in $0.indices { $0[i].hashBytes(into: &hasher) } }
    }

    func sameBytes(as other: [Element]) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBufferPointer { a in
            other.withUnsafeBufferPointer { b in a.indices.allSatisfy { a[$0].sameBytes(as: b[$0]) } }
        }
    }
}
