import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoStore

/// `sanbao export --household`: households' printable pages (明白卡), one A4 page each, in
/// one HTML file. The pages are made by SanbaoExport (`HouseholdPage`); this file picks the
/// households and refuses what makes no sense for a page.
extension Export {
    /// What `--household` names besides ids: every selected household, narrowed by
    /// `--cadre` and `--village` as the summary is.
    static let allHouseholds = "all"

    func writePages() throws {
        try refuseForPages()
        try out.refuseOverwrite(options)
        let d = try loadForReading(options).dataset
        let date = to ?? options.date
        let households = try pageHouseholds(d, on: date)
        // Grouped once: a cadre's pages, or a village's, each need only their own checks.
        let checks = Dictionary(grouping: d.checks, by: \.householdID)
        let pages = households.map {
            HouseholdPage(household: $0, checks: checks[$0.id] ?? [], cadres: d.cadres, rules: d.rules, on: date, fullIDs: out.fullIds)
        }
        try out.write(HouseholdPageDocument(pages: pages, language: options.language).render(), options)
        out.report(pages.isEmpty
            ? Bilingual(zh: "已写入 \(out.output)：没有符合条件的户", en: "wrote \(out.output): no households selected")
            : Bilingual(zh: "已写入 \(out.output)：\(pages.count) 户，每户一页", en: "wrote \(out.output): \(pages.count) household\(pages.count == 1 ? "" : "s"), one page each"),
            options)
    }

    /// A page is HTML, judged on one date: another format, another file type, a period or
    /// a CSV option is a usage error (64), said before anything is read.
    func refuseForPages() throws {
        func refuse(_ zh: String, _ en: String) throws -> Never {
            warn("sanbao: " + options.say(Bilingual(zh: zh, en: en)))
            throw ExitCode(Exit.usage)
        }
        if let f = out.format, f != .html {
            try refuse("户页（--household）只写成 html，不能是 \(f.rawValue)", "household pages (--household) are written as html, not \(f.rawValue)")
        }
        if out.output != "-" && ExportFormat(fileName: out.output) != .html {
            try refuse("户页（--household）要写到 .html 文件：\(out.output)", "household pages (--household) go to an .html file: \(out.output)")
        }
        if out.table != nil || out.noBom || from != nil {
            try refuse("--table、--no-bom 和 --from 不用于户页（--household）", "--table, --no-bom and --from do not apply to household pages (--household)")
        }
        let all = household.contains(Self.allHouseholds)
        if all && household.count > 1 {
            try refuse("--household all 不能和户编号一起用", "--household all cannot be given with household ids")
        }
        if !all && (cadre != nil || !village.isEmpty) {
            try refuse("--cadre 和 --village 与 --household all 一起用，选出这些户的全部页", "--cadre and --village go with --household all, for every page of those households")
        }
    }

    /// The households named, in the order given (each once), or with `all` every household
    /// of the selection by village and number. An unknown id is 65, an ambiguous one 64,
    /// an unknown cadre 64, as for every command.
    func pageHouseholds(_ d: Dataset, on date: LocalDate) throws -> [Household] {
        guard household == [Self.allHouseholds] else {
            var seen = Set<String>()
            return try household.map { try resolveHousehold($0, in: d, options) }.filter { seen.insert($0.id).inserted }
        }
        return try selected(d, on: date).sorted { ($0.address.villageCode, $0.number) < ($1.address.villageCode, $1.number) }
    }

    /// The households `--village` and `--cadre` select on `date` (the cadre paired then);
    /// an unknown cadre is a usage error (64).
    func selected(_ d: Dataset, on date: LocalDate) throws -> [Household] {
        var households = d.households
        if !village.isEmpty { households = households.filter { village.contains($0.address.villageCode) } }
        if let cadre {
            let ids = d.cadreIDs(matching: cadre)
            guard !ids.isEmpty else {
                warn("sanbao: " + options.say(Bilingual(zh: "没有名为“\(cadre)”的干部", en: "no cadre named \"\(cadre)\"")))
                throw ExitCode(Exit.usage)
            }
            households = households.filter { $0.cadreID(on: date).map(ids.contains) ?? false }
        }
        return households
    }
}
