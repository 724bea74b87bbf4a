import Foundation
import SanbaoCore

/// The township roll-up: several summary JSON files (from several cadres or villages)
/// combined into one report.
///
/// - A household (by id) found in more than one input is kept once: the record whose
///   latest check is later (by visit date, then time saved, then check id) wins. Each
///   such household is listed in `clashes` with every input that held it.
/// - The gap list of a household comes from the input whose record was kept.
/// - The thresholds are those of the first input; every input whose thresholds differ is
///   listed in `threshold_mismatches` and warned about. Inputs judged on different
///   assessment dates are warned about too.
/// - ID numbers are masked unless `fullIDs` (an input that was masked stays masked).
public enum Rollup {
    public struct Input: Sendable {
        public var name: String
        public var report: SummaryReport
        public init(name: String, report: SummaryReport) { self.name = name; self.report = report }
    }

    /// Decodes each file and combines them. Throws a data error naming the first file that
    /// is not a summary JSON.
    public static func combine(files: [(name: String, data: Data)], generatedAt: String,
                               fullIDs: Bool = false) throws -> SummaryReport {
        let inputs = try files.map { Input(name: $0.name, report: try SummaryReport.decode($0.data, name: $0.name)) }
        return try combine(inputs, generatedAt: generatedAt, fullIDs: fullIDs)
    }

    public static func combine(_ inputs: [Input], generatedAt: String, fullIDs: Bool = false) throws -> SummaryReport {
        guard let first = inputs.first else {
            throw ExportError(Bilingual(zh: "没有要汇总的文件", en: "no summary files to combine"), usage: true)
        }
        let thresholds = first.report.thresholds
        var warnings: [Bilingual] = []
        var mismatches: [String] = []
        var sources: [SummaryReport.Source] = []
        for input in inputs {
            let r = input.report
            let match = r.thresholds == thresholds
            if !match {
                mismatches.append(input.name)
                warnings.append(Bilingual(zh: "\(input.name) 的判定标准与 \(first.name) 不同，合并后的统计口径不一致",
                                          en: "\(input.name) was judged with thresholds that differ from \(first.name)'s"))
            }
            let codes = r.households.reduce(into: [String]()) { if !$0.contains($1.villageCode) { $0.append($1.villageCode) } }
            sources.append(SummaryReport.Source(
                file: input.name, kind: r.kind, generatedAt: r.generatedAt, sanbaoVersion: r.sanbaoVersion,
                period: r.period, villageCodes: codes.sorted(), cadres: r.cadres.map(\.name),
                households: r.households.count, thresholdsMatch: match))
        }
        let dates = Set(inputs.map(\.report.period.to))
        if dates.count > 1 {
            let list = dates.sorted().map(\.description).joined(separator: ", ")
            warnings.append(Bilingual(zh: "各文件的评估日期不同（\(list)）", en: "the inputs were assessed on different dates (\(list))"))
        }

        // Every record of each household id, in input order.
        var candidates: [String: [(input: Int, record: HouseholdRecord)]] = [:]
        var firstSeen: [String] = []
        for (n, input) in inputs.enumerated() {
            for h in input.report.households {
                if candidates[h.id] == nil { firstSeen.append(h.id) }
                candidates[h.id, default: []].append((n, h))
            }
        }
        var kept: [HouseholdRecord] = []
        var keptFrom: [String: Int] = [:]
        var clashes: [Clash] = []
        for id in firstSeen {
            let all = candidates[id]!
            var best = all[0]
            for c in all.dropFirst() where later(c.record.lastCheck, than: best.record.lastCheck) { best = c }
            var record = best.record
            record.source = inputs[best.input].name
            if !fullIDs { record.headIDNumber = record.headIDNumber.map(IDNumber.masked) }
            kept.append(record)
            keptFrom[id] = best.input
            guard all.count > 1 else { continue }
            let resolution: Clash.Resolution
            if all.allSatisfy({ $0.record.lastCheck == nil }) {
                resolution = .noChecks
            } else if all.filter({ $0.record.lastCheck == best.record.lastCheck }).count > 1 {
                resolution = .sameCheck
            } else {
                resolution = .laterCheck
            }
            clashes.append(Clash(householdID: id, number: record.number, head: record.head,
                                 entries: all.map { Clash.Entry(file: inputs[$0.input].name, lastCheck: $0.record.lastCheck) },
                                 kept: inputs[best.input].name, resolution: resolution))
        }
        if !clashes.isEmpty {
            warnings.append(Bilingual(zh: "\(clashes.count) 户出现在多个文件中，已按最近核查较晚的一份保留（见“重复户”）",
                                      en: "\(clashes.count) household(s) appear in more than one file; the later check was kept (see Clashes)"))
        }
        let households = SummaryReport.sortedByNumber(kept)
        let position = Dictionary(households.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var gaps: [Gap] = []
        for (n, input) in inputs.enumerated() {
            gaps += input.report.gaps.filter { keptFrom[$0.householdID] == n }
        }
        gaps = gaps.enumerated().sorted {
            (position[$0.element.householdID] ?? 0, $0.offset) < (position[$1.element.householdID] ?? 0, $1.offset)
        }.map(\.element)

        var villages: [String: SummaryReport.Village] = [:]
        var cadres: [SummaryReport.CadreRef] = []
        for input in inputs {
            for v in input.report.villages where villages[v.code] == nil { villages[v.code] = v }
            for c in input.report.cadres where !cadres.contains(c) { cadres.append(c) }
        }
        let present = Set(households.map(\.villageCode))
        let period = SummaryReport.Period(from: inputs.map(\.report.period.from).min()!,
                                          to: inputs.map(\.report.period.to).max()!)
        let allFull = inputs.allSatisfy { $0.report.idNumbers == .full }
        return SummaryReport(
            kind: .rollup, generatedAt: generatedAt, period: period, selection: SummaryReport.Selection(),
            idNumbers: fullIDs && allFull ? .full : .masked, thresholds: thresholds,
            villages: villages.values.filter { present.contains($0.code) }.sorted { $0.code < $1.code },
            cadres: cadres, sources: sources, thresholdMismatches: mismatches, warnings: warnings,
            households: households, gaps: gaps, clashes: clashes)
    }

    /// Whether `a` is a later check than `b`; any check is later than none.
    static func later(_ a: CheckRef?, than b: CheckRef?) -> Bool {
        switch (a, b) {
        case (nil, _): false
        case (_?, nil): true
        case let (a?, b?): b < a
        }
    }
}
