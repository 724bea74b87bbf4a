import Foundation
import SanbaoCore
@testable import SanbaoExport

/// The report built the straightforward way, as SummaryReport(dataset, request) did before
/// it was made fast (one loop, every household assessed from all of its checks, a stable
/// sort of the records, gaps ordered by their household's position). The fast builder must
/// give exactly this report.
///
/// What this oracle is independent of, and what not (issue 20): it decides selection,
/// order, gap positions and totals by a second, plain algorithm, so it catches the fast
/// builder's bookkeeping. It calls the same `Assessor` and `CheckHistory` for each
/// household's states on purpose — a second rule engine would be a second product — and
/// those are pinned elsewhere by hand-worked expectations (RuleTests, AssessorTests, the
/// demo's situations in DemoVillageTests, the counts of DemoVillageTests.testSummaryMatchesTheHandCount)
/// and counted again outside Swift by SummaryOracleTests (openpyxl and a Python tally).
enum ReferenceBuilder {
    static func report(_ dataset: Dataset, _ request: ExportRequest) throws -> SummaryReport {
        let period = request.period
        let date = period.to
        var cadreIDs: Set<String>?
        if let cadre = request.cadre { cadreIDs = dataset.cadreIDs(matching: cadre) }
        let villageFilter = request.villageCodes.isEmpty ? nil : Set(request.villageCodes)
        let cadres = Dictionary(dataset.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let checks = Dictionary(grouping: dataset.checks, by: \.householdID)
        let assessor = Assessor(dataset)

        var records: [HouseholdRecord] = []
        var gaps: [Gap] = []
        var villages: [String: SummaryReport.Village] = [:]
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
            villages[h.address.villageCode] = villages[h.address.villageCode] ?? SummaryReport.Village(
                code: h.address.villageCode, name: h.address.village, township: h.address.township,
                county: h.address.county)
            if let cadreID, !pairedCadres.contains(cadreID) { pairedCadres.append(cadreID) }
        }
        let order = records.sorted { ($0.villageCode, $0.number, $0.id) < ($1.villageCode, $1.number, $1.id) }
        let position = Dictionary(order.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        gaps = gaps.enumerated().sorted {
            (position[$0.element.householdID] ?? 0, $0.offset) < (position[$1.element.householdID] ?? 0, $1.offset)
        }.map(\.element)
        let selectedCadres = cadreIDs.map { ids in dataset.cadres.filter { ids.contains($0.id) }.map(\.id) } ?? pairedCadres.sorted()
        return SummaryReport(kind: .export, generatedAt: request.generatedAt, period: period,
                             selection: SummaryReport.Selection(villageCodes: request.villageCodes, cadre: request.cadre),
                             idNumbers: request.fullIDs ? .full : .masked, thresholds: dataset.rules,
                             villages: villages.values.sorted { $0.code < $1.code },
                             cadres: selectedCadres.map { id in
                                 SummaryReport.CadreRef(id: id, name: cadres[id]?.name ?? id, unit: cadres[id]?.unit ?? "")
                             },
                             households: order, gaps: gaps)
    }

    static func record(_ h: Household, _ a: HouseholdAssessment, history: [Check], period: SummaryReport.Period,
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

    /// Totals as they were computed: a village's totals copied out of a dictionary and back
    /// for every household.
    static func totals(_ households: [HouseholdRecord]) -> (all: TallyRecord, villages: [Totals.VillageTotals]) {
        var all = TallyRecord()
        var villages: [String: (code: String, name: String, tally: TallyRecord, groups: [(String, TallyRecord)])] = [:]
        for h in households {
            all.add(h)
            var v = villages[h.villageCode] ?? (h.villageCode, h.village, TallyRecord(), [])
            v.tally.add(h)
            if let g = v.groups.firstIndex(where: { $0.0 == h.group }) {
                v.groups[g].1.add(h)
            } else {
                var t = TallyRecord()
                t.add(h)
                v.groups.append((h.group, t))
            }
            villages[h.villageCode] = v
        }
        let sorted = villages.values.sorted { $0.code < $1.code }
        return (all, sorted.map { v in
            Totals.VillageTotals(code: v.code, name: v.name, tally: v.tally,
                                 groups: v.groups.map { Totals.GroupTotals(group: $0.0, tally: $0.1) })
        })
    }
}
