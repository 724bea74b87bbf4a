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
        let plan = try Plan(cadres: dataset.cadres, rules: dataset.rules, request)
        let chosen = Self.selection(dataset, plan)
        self.init(plan, Self.judge(dataset, chosen, plan))
    }

    /// The report of the households judged, in `plan`: records put in household-number
    /// order, gaps in the same order.
    init(_ plan: Plan, _ judged: consuming Judged) {
        var records = judged.records
        judged.records = []
        let order = Self.numberOrder(records)
        let gaps = Self.gapsInOrder(judged.part.gaps, ranges: judged.part.gapRanges, order: order, records: records,
                                    uniqueIDs: !judged.repeatedIDs)
        Self.permute(&records, order)
        let request = plan.request
        let selectedCadres = plan.cadreIDs.map { ids in plan.cadres.filter { ids.contains($0.id) }.map(\.id) }
            ?? judged.part.cadreIDs.sorted()
        self.init(kind: .export, generatedAt: request.generatedAt, period: plan.period,
                  selection: Selection(villageCodes: request.villageCodes, cadre: request.cadre),
                  idNumbers: request.fullIDs ? .full : .masked, thresholds: plan.rules,
                  villages: judged.part.villages.values.sorted { $0.code < $1.code },
                  cadres: selectedCadres.map { id in
                      CadreRef(id: id, name: plan.cadreByID[id]?.name ?? id, unit: plan.cadreByID[id]?.unit ?? "")
                  },
                  households: records, gaps: gaps)
    }

    /// A request checked against the cadres and rules: what every household is judged by.
    struct Plan: Sendable {
        let request: ExportRequest
        let period: Period
        /// The cadres asked for, by id; nil for every household.
        let cadreIDs: Set<String>?
        let villageFilter: Set<String>?
        let cadres: [Cadre]
        let cadreByID: [String: Cadre]
        let rules: RulesConfig

        /// Throws a usage error for a malformed village code, an unknown cadre or a
        /// period that ends before it starts.
        init(cadres: [Cadre], rules: RulesConfig, _ request: ExportRequest) throws {
            for code in request.villageCodes {
                if let problem = DivisionCode.problem(code) { throw ExportError(problem, usage: true) }
            }
            let period = request.period
            guard period.from <= period.to else {
                throw ExportError(Bilingual(zh: "统计期间起始日 \(period.from) 晚于截止日 \(period.to)",
                                            en: "--from \(period.from) is after --to \(period.to)"), usage: true)
            }
            var cadreIDs: Set<String>?
            if let cadre = request.cadre {
                let ids = Dataset(cadres: cadres).cadreIDs(matching: cadre)
                guard !ids.isEmpty else {
                    let known = cadres.map(\.name).joined(separator: ", ")
                    throw ExportError(Bilingual(zh: "没有名为“\(cadre)”的干部（现有：\(known)）",
                                                en: "no cadre named \"\(cadre)\" (known: \(known))"), usage: true)
                }
                cadreIDs = ids
            }
            self.request = request
            self.period = period
            self.cadreIDs = cadreIDs
            villageFilter = request.villageCodes.isEmpty ? nil : Set(request.villageCodes)
            self.cadres = cadres
            cadreByID = Dictionary(cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            self.rules = rules
        }
    }

    /// Households judged, in list order: their records, what they give besides, and
    /// whether some household id was repeated among them.
    struct Judged: Sendable {
        var records: [HouseholdRecord]
        var part: Part
        var repeatedIDs: Bool

        /// The stretches one after the other, as one stretch of the whole list. Records
        /// and gaps are moved, not copied: the stretches are left without them.
        init(joining all: inout [Judged]) {
            var lists: [[HouseholdRecord]] = []
            var parts: [Part] = []
            lists.reserveCapacity(all.count)
            parts.reserveCapacity(all.count)
            for k in all.indices {
                lists.append(all[k].records)
                all[k].records = []
                parts.append(all[k].part)
                all[k].part = Part()
            }
            records = .joining(moving: &lists, placeholder: .placeholder)
            part = Part(joining: &parts)
            repeatedIDs = all.contains { $0.repeatedIDs }
        }

        init(records: [HouseholdRecord], part: Part, repeatedIDs: Bool) {
            self.records = records
            self.part = part
            self.repeatedIDs = repeatedIDs
        }
    }

    /// The selected households (by index) and their cadres on the assessment date, in list order.
    static func selection(_ dataset: Dataset, _ plan: Plan) -> [(index: Int, cadreID: String?)] {
        let date = plan.period.to
        var selected: [(index: Int, cadreID: String?)] = []
        // Read in place through the buffer: `for h in households`, or even a method called
        // on `households[n]`, copies every household (a retain and release per field).
        dataset.households.withUnsafeBufferPointer { households in
            for n in households.indices {
                if let villageFilter = plan.villageFilter, !villageFilter.contains(households[n].address.villageCode) { continue }
                let cadreID = households[n].cadreID(on: date)
                if let cadreIDs = plan.cadreIDs, !(cadreID.map(cadreIDs.contains) ?? false) { continue }
                selected.append((n, cadreID))
            }
        }
        return selected
    }

    /// What judging one household of a dataset needs, made once per dataset.
    struct Judge: Sendable {
        let households: [Household]
        let checks: [Check]
        let byHousehold: ChecksByHousehold
        let assessor: Assessor
        let plan: Plan

        init(_ dataset: Dataset, _ plan: Plan) {
            households = dataset.households
            checks = dataset.checks
            byHousehold = ChecksByHousehold(dataset)
            assessor = Assessor(config: plan.rules, clock: FactClock(dataset.edits))
            self.plan = plan
        }

        /// The record of the household at index `n`, its gaps and village added to `part`.
        func record(_ n: Int, cadreID: String?, part: inout Part, shared: inout SharedValues) -> HouseholdRecord {
            let date = plan.period.to
            // The history is worked out once, as positions of the household's checks (no
            // copies), and given to the assessor settled. The household is read in place
            // through the buffer (borrowed, not copied: a retain and release per field).
            let history = CheckHistory.effectiveIndices(checks, among: byHousehold.positions(of: n), through: date)
            return households.withUnsafeBufferPointer { households in
                let a = assessor.assess(households[n], checks: checks, history: history, on: date)
                let record = SummaryReport.record(households[n], a, checks: checks, history: history, period: plan.period,
                                                  cadreID: cadreID, cadre: cadreID.flatMap { plan.cadreByID[$0] },
                                                  fullIDs: plan.request.fullIDs, shared: &shared)
                part.add(gaps: SummaryReport.gaps(record, checks: checks, history: history),
                         village: households[n].address, cadreID: cadreID)
                return record
            }
        }
    }

    /// The record of each chosen household, in the order chosen, with what they give
    /// besides. Each household is judged on its own, so pieces are judged on every core,
    /// each record written straight into its place: the same records as one loop, and no
    /// second copy of them.
    static func judge(_ dataset: Dataset, _ chosen: [(index: Int, cadreID: String?)], _ plan: Plan) -> Judged {
        let judge = Judge(dataset, plan)
        let pieces = Parallel.ranges(chosen.count, minimum: 500)
        var parts: [Part] = []
        let records = [HouseholdRecord](unsafeUninitializedCapacity: chosen.count) { buffer, initialized in
            let out = Slots(buffer)
            parts = (0..<pieces.count).concurrentMap { k in
                var part = Part()
                var shared = SharedValues()
                for j in pieces[k] {
                    out.initialize(j, to: judge.record(chosen[j].index, cadreID: chosen[j].cadreID, part: &part,
                                                       shared: &shared))
                }
                return part
            }
            initialized = chosen.count
        }
        return Judged(records: records, part: Part(joining: &parts), repeatedIDs: judge.byHousehold.hasRepeatedIDs)
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
        /// The position of each household id (the first, when repeated).
        let households: [String: Int]
        /// The household ids of checks that name no household here.
        let strayIDs: Set<String>

        init(_ dataset: Dataset) {
            let households = dataset.households
            var first: [String: Int] = [:]
            first.reserveCapacity(households.count)
            var owner = [Int](repeating: 0, count: households.count)
            for n in households.indices {
                if let m = first[households[n].id] { owner[n] = m } else { first[households[n].id] = n; owner[n] = n }
            }
            let checks = dataset.checks
            let household = first
            let pieces = Parallel.ranges(checks.count, minimum: 20_000)
            let found = (0..<pieces.count).concurrentMap { k in pieces[k].map { household[checks[$0].householdID] ?? -1 } }
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
            var strays = Set<String>()
            c = 0
            for piece in found {
                for h in piece {
                    if h < 0 { strays.insert(checks[c].householdID) }
                    c += 1
                }
            }
            self.checks = checks
            self.owner = owner
            self.order = order
            self.start = start
            hasRepeatedIDs = first.count < households.count
            self.households = first
            strayIDs = strays
        }

        /// Where the checks of the household at `index` in the dataset are, in the order
        /// they appear.
        func positions(of index: Int) -> ArraySlice<Int> {
            let h = owner[index]
            return order[start[h]..<start[h + 1]]
        }
    }

    /// Equal labels kept once: a household's status label is made anew for each (a year
    /// in it), and a few dozen distinct ones stand for 200,000 households. One per piece,
    /// so no locking. (Reasons were kept once too, but that hashed six lists a household;
    /// the common ones are now shared by the rules themselves, and the rest cost about
    /// 0.5 KB a household, well within the memory target.)
    struct SharedValues {
        private var labels: Set<ByBytes<Bilingual>> = []

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

        /// The parts one after the other, as one part of the whole list. Their gaps are
        /// moved, not copied (`Array.joining(moving:)`): the parts are left without them.
        init(joining parts: inout [Part]) {
            var lists: [[Gap]] = []
            lists.reserveCapacity(parts.count)
            var offset = 0
            for k in parts.indices {
                gapRanges += parts[k].gapRanges.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
                offset += parts[k].gaps.count
                // The first household of a village names it, as in list order.
                villages.merge(parts[k].villages) { first, _ in first }
                cadreIDs.formUnion(parts[k].cadreIDs)
                lists.append(parts[k].gaps)
                parts[k].gaps = []
            }
            gaps = .joining(moving: &lists, placeholder: .placeholder)
        }

        mutating func add(gaps new: [Gap], village address: borrowing Address, cadreID: String?) {
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

    /// The record of household `h`, assessed as `a`; `history` are the positions in
    /// `checks` of its effective checks up to the assessment date, oldest first.
    static func record(_ h: borrowing Household, _ a: HouseholdAssessment, checks: [Check], history: [Int], period: Period,
                       cadreID: String?, cadre: Cadre?, fullIDs: Bool, shared: inout SharedValues) -> HouseholdRecord {
        let last = history.last
        // The history is in date order: the visits of the period are its tail.
        let inPeriod = history[(history.firstIndex { checks[$0].date >= period.from } ?? history.endIndex)...]
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
                return IndicatorRecord(state: s?.state ?? .unchecked, reasons: s?.reasons ?? [])
            },
            lastCheck: last.map { CheckRef(id: checks[$0].id, date: checks[$0].date, recordedAt: checks[$0].recordedAt,
                                           cadreID: checks[$0].cadreID) },
            nextFollowUp: a.followUp, visitsInPeriod: inPeriod.count,
            notes: inPeriod.filter { !checks[$0].note.isEmpty }.map {
                VisitNote(date: checks[$0].date, checkID: checks[$0].id, text: checks[$0].note)
            })
    }

    /// Every indicator of `record` that does not pass, with the measures and follow-up
    /// date of the latest check that recorded a finding for it (the visit that verified
    /// it). A check's measures are agreed for the visit, not per indicator, so measures of
    /// earlier visits are not carried over: they may concern another indicator.
    static func gaps(_ record: HouseholdRecord, checks: [Check], history: [Int]) -> [Gap] {
        Indicator.allCases.compactMap { i in
            let state = record.indicators[i].state
            guard !state.passes else { return nil }
            // Fields are read in place: copying the whole check is most of the cost here.
            let c = history.last { checks[$0].findings[i] != nil }
            return Gap(householdID: record.id, number: record.number, head: record.head, village: record.village,
                       villageCode: record.villageCode, group: record.group, cadre: record.cadre, indicator: i,
                       state: state, reasons: record.indicators[i].reasons, measures: c.map { checks[$0].measures } ?? [],
                       followUp: c.flatMap { checks[$0].followUp }, checkDate: c.map { checks[$0].date },
                       checkID: c.map { checks[$0].id })
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

