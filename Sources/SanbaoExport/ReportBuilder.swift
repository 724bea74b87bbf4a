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
        let villageFilter = request.villageCodes.isEmpty ? nil : Set(request.villageCodes)
        let cadres = Dictionary(dataset.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let checks = Dictionary(grouping: dataset.checks, by: \.householdID)
        let assessor = Assessor(config: dataset.rules)

        var records: [HouseholdRecord] = []
        var gaps: [Gap] = []
        var villages: [String: Village] = [:]
        var pairedCadres: [String] = []
        for h in dataset.households {
            if let villageFilter, !villageFilter.contains(h.address.villageCode) { continue }
            let cadreID = h.cadreID(on: date)
            if let cadreIDs, !(cadreID.map(cadreIDs.contains) ?? false) { continue }
            let mine = checks[h.id] ?? []
            let a = assessor.assess(h, checks: mine, on: date)
            let history = CheckHistory.effective(mine).filter { $0.date <= date }
            let record = Self.record(h, a, history: history, period: period, cadreID: cadreID,
                                     cadre: cadreID.flatMap { cadres[$0] }, fullIDs: request.fullIDs)
            records.append(record)
            gaps += Self.gaps(record, history: history)
            villages[h.address.villageCode] = villages[h.address.villageCode] ?? Village(
                code: h.address.villageCode, name: h.address.village, township: h.address.township,
                county: h.address.county)
            if let cadreID, !pairedCadres.contains(cadreID) { pairedCadres.append(cadreID) }
        }
        let order = Self.sortedByNumber(records)
        let position = Dictionary(order.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        gaps = gaps.enumerated().sorted { (position[$0.element.householdID] ?? 0, $0.offset) < (position[$1.element.householdID] ?? 0, $1.offset) }.map(\.element)
        let selectedCadres = cadreIDs.map { ids in dataset.cadres.filter { ids.contains($0.id) }.map(\.id) } ?? pairedCadres.sorted()
        self.init(kind: .export, generatedAt: request.generatedAt, period: period,
                  selection: Selection(villageCodes: request.villageCodes, cadre: request.cadre),
                  idNumbers: request.fullIDs ? .full : .masked, thresholds: dataset.rules,
                  villages: villages.values.sorted { $0.code < $1.code },
                  cadres: selectedCadres.map { id in
                      CadreRef(id: id, name: cadres[id]?.name ?? id, unit: cadres[id]?.unit ?? "")
                  },
                  households: order, gaps: gaps)
    }

    /// Households by village code, then household number, then id.
    static func sortedByNumber(_ records: [HouseholdRecord]) -> [HouseholdRecord] {
        records.sorted { ($0.villageCode, $0.number, $0.id) < ($1.villageCode, $1.number, $1.id) }
    }

    static func record(_ h: Household, _ a: HouseholdAssessment, history: [Check], period: Period,
                       cadreID: String?, cadre: Cadre?, fullIDs: Bool) -> HouseholdRecord {
        let last = history.last
        let inPeriod = history.filter { $0.date >= period.from }
        let idNumber = h.head?.idNumber.flatMap { $0.isEmpty ? nil : $0 }
        return HouseholdRecord(
            id: h.id, number: h.number, head: h.head?.name ?? "",
            headIDNumber: fullIDs ? idNumber : idNumber.map(IDNumber.masked),
            village: h.address.village, villageCode: h.address.villageCode, group: h.address.group,
            cadreID: cadreID, cadre: cadre?.name ?? cadreID, members: h.members.count,
            type: LabelledCode(h.type), monitoring: h.status.monitoring.map(LabelledCode.init),
            status: h.status.label, meetsStandard: a.meetsStandard, overdue: a.overdue,
            indicators: PerIndicator { i in
                let s = a.indicators[i]
                return IndicatorRecord(state: s?.state ?? .unchecked, reasons: s?.reasons ?? [])
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
            let check = history.last { $0.findings[i] != nil }
            return Gap(householdID: record.id, number: record.number, head: record.head, village: record.village,
                       villageCode: record.villageCode, group: record.group, cadre: record.cadre, indicator: i,
                       state: state, reasons: record.indicators[i].reasons, measures: check?.measures ?? [],
                       followUp: check?.followUp, checkDate: check?.date, checkID: check?.id)
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
