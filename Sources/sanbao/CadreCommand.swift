import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore

/// `sanbao cadre add NAME --unit …`: a new paired cadre.
struct CadreCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadre", abstract: L("增加帮扶责任人。", "Add a paired cadre (帮扶责任人)."), subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("增加干部；用 sanbao pair 结对。", "Add a cadre; pair households with `sanbao pair`."))

        @OptionGroup var options: GlobalOptions
        @Argument(help: ArgumentHelp(L("干部姓名。", "The cadre's name."), valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp(L("工作单位，如 通渭县水务局。", "Work unit, e.g. 通渭县水务局."))) var unit: String
        @Option(help: ArgumentHelp(L("电话。", "Phone."))) var phone: String = ""

        func run() throws {
            let store = try openForWriting(options)
            defer { store.close() }
            do {
                let c = try store.addCadre(Cadre(id: "", name: name, unit: unit, level: UnitLevel(unit: unit), phone: phone), today: options.date)
                out(options.say(Bilingual(zh: "已添加干部 \(c.name)（\(c.unit)，\(c.level.label.zh)）", en: "added cadre \(c.name) (\(c.unit), \(c.level.label.en))")))
            } catch { throw fail(error, options) }
        }
    }
}

/// `sanbao pair ID --cadre NAME [--from DATE]`: a change of paired cadre, history kept.
struct Pair: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("从某日起把一户与干部结对；原结对在前一天结束。", "Pair a household with a cadre from a date; the current pairing ends the day before."))

    @OptionGroup var options: GlobalOptions
    @Argument(help: ArgumentHelp(L("户 ID 或户编号。", "Household id or number."), valueName: "ID")) var household: String
    @Option(help: ArgumentHelp(L("干部姓名。", "The cadre's name."))) var cadre: String
    @Option(help: ArgumentHelp(L("结对开始日期（默认今天）。", "First day of the pairing (default today)."))) var from: String?

    func run() throws {
        let w = RecordWords(options: options)
        let start = try from.map { try w.date($0, what: Bilingual(zh: "开始日期", en: "start date")) } ?? options.date
        let store = try openForWriting(options)
        defer { store.close() }
        let h = try w.household(household, in: store)
        let ids = store.dataset.cadreIDs(matching: cadre)
        guard ids.count == 1, let id = ids.first else {
            throw w.refuse(ids.isEmpty
                ? Bilingual(zh: "没有名为“\(cadre)”的干部（用 sanbao cadre add 添加）", en: "no cadre named \"\(cadre)\" (add one with sanbao cadre add)")
                : Bilingual(zh: "有 \(ids.count) 名干部叫“\(cadre)”", en: "\(ids.count) cadres are named \"\(cadre)\""))
        }
        do {
            // The change is recorded as made by the cadre paired until now.
            try store.pair(householdID: h.id, cadreID: id, from: start, by: h.cadreID(on: start))
            out(options.say(Bilingual(zh: "\(h.id) 自 \(start) 起由 \(cadre) 帮扶", en: "\(h.id) paired with \(cadre) from \(start)")))
        } catch { throw fail(error, options) }
    }
}
