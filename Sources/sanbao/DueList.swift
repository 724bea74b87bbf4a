import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoText

/// `sanbao list --due [DATE]`: the follow-up worklist (`Worklist`), in its own file so the
/// roster's fast paths in ListCommand.swift stay apart.
struct DueOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(L("跟进名单：截至 DATE（默认今天）到期的跟进和逾期走访，最早的在前。",
                               "The follow-up worklist: follow-ups due and visits overdue by DATE (default: today), soonest first.")))
    var due = false

    @Argument(help: ArgumentHelp(L("与 --due 一起用：截止日期。", "With --due: the date to list up to."), valueName: "DATE"))
    var by: LocalDate?

    func validate() throws {
        if by != nil && !due { throw ValidationError(L("日期只能跟在 --due 后面", "a DATE is taken only after --due")) }
    }
}

struct DueList {
    var worklist: Worklist
    var by: LocalDate
    var dataset: Dataset
    var options: GlobalOptions

    func show(json: Bool) throws {
        let households = Dictionary(dataset.households.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if json { return outJSON(try encoded(households)) }
        let lang = options.language, zh = lang == .zh
        for item in worklist.items {
            guard let h = households[item.householdID] else { continue }
            let when = item.due?.description ?? (zh ? "从未走访" : "never")
            let kind = item.kind == .followUp ? (zh ? "跟进" : "follow-up") : (zh ? "走访逾期" : "visit due")
            var what = item.indicators.map { o in
                o.indicator.label.text(lang) + (o.note.isEmpty ? "" : (zh ? "：" : ": ") + o.note.replacingOccurrences(of: "\n", with: " "))
            }.joined(separator: zh ? "；" : "; ")
            if item.kind == .visit, let last = item.lastCheck { what = (zh ? "上次走访 " : "last visit ") + last.description + (what.isEmpty ? "" : "  " + what) }
            outLine([DisplayWidth.fit(when, width: 10), DisplayWidth.fit(kind, width: 10), String(h.id.suffix(4)),
                     DisplayWidth.fit(h.head?.name ?? "", width: 8), DisplayWidth.fit(h.address.village + h.address.group, width: 14), what]
                .joined(separator: " ").replacingOccurrences(of: " +$", with: "", options: .regularExpression))
        }
        out(zh ? "共 \(worklist.items.count) 项（截至 \(by)）" : "\(worklist.items.count) item(s) due by \(by)")
    }

    func encoded(_ households: [String: Household]) throws -> String {
        struct Open: Encodable { var indicator: String; var note: String }
        struct Row: Encodable {
            var id, number, head, kind: String
            var due, last_check: String?
            var indicators: [Open]
        }
        let rows = worklist.items.compactMap { item -> Row? in
            guard let h = households[item.householdID] else { return nil }
            return Row(id: h.id, number: h.number, head: h.head?.name ?? "", kind: item.kind == .followUp ? "follow_up" : "visit",
                       due: item.due?.description, last_check: item.lastCheck?.description,
                       indicators: item.indicators.map { Open(indicator: $0.indicator.rawValue, note: $0.note) })
        }
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(rows), as: UTF8.self)
    }
}
