import SanbaoCore
import SanbaoText

/// The follow-up worklist (跟进名单), from the roster: open follow-ups due and visits
/// falling due by today, soonest first, with the indicators to look at and their notes —
/// the same list as `sanbao list --due` (`Worklist`). Enter opens the household, `n`
/// starts its check.
public struct WorklistScreen: Screen {
    var items: [Worklist.Item] = []
    var rows: [String: RosterRow] = [:]
    var cursor = ListCursor()
    var height = 20
    public var context: KeyContext { .worklist }

    public init(model: Model) { modelChanged(model) }

    /// Only the rows the roster says may be due are read in full (their checks, for the
    /// notes): a county's worklist does not load every household.
    public mutating func modelChanged(_ model: Model) {
        let interval = model.rules.visitIntervalDays
        let candidates = model.rows.filter { r in
            (r.followUp.map { $0 <= model.today } ?? false) || (r.lastCheck.map { $0.days(to: model.today) > interval } ?? true)
        }
        rows = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let households = candidates.compactMap { model.household($0.id) }
        let d = Dataset(households: households, checks: households.flatMap { model.checks(of: $0.id) }, rules: model.rules)
        items = Worklist(d, by: model.today).items
        cursor.clamp(count: items.count, height: height)
    }

    public mutating func layout(_ area: Rect) {
        height = max(1, area.rows - 3)  // the title, a blank line, and the "more below" line
        cursor.clamp(count: items.count, height: height)
    }

    public func unavailable(_ command: Command, model: Model) -> Bilingual? {
        (command == .open || command == .newCheck) && items.isEmpty ? UIText.nothingToOpen : nil
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        if cursor.apply(command, count: items.count, height: height) { return [] }
        switch command {
        case .open: return items.indices.contains(cursor.selected) ? [.push(HouseholdScreen(householdID: items[cursor.selected].householdID, model: model))] : []
        case .newCheck: return items.indices.contains(cursor.selected) ? CheckFormScreen.open(householdID: items[cursor.selected].householdID, model: model) : []
        case .back: return [.pop]
        default: return []
        }
    }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        canvas.put(model.say(UIText.worklistTitle(by: model.today, count: items.count)), row: area.row, column: area.column,
                   width: area.columns, style: Style(.title))
        if items.isEmpty {
            canvas.put(model.say(UIText.worklistEmpty), row: area.row + 2, column: area.column, style: Style(.muted))
            return
        }
        // The last row says how many lie below, so a long list never looks complete.
        let below = items.count - cursor.top - height
        if below > 0 {
            canvas.put(model.say(UIText.moreBelow(below)), row: area.row + 2 + height, column: area.column, width: area.columns, style: Style(.muted))
        }
        for k in 0..<height where cursor.top + k < items.count {
            let item = items[cursor.top + k]
            let selected = cursor.top + k == cursor.selected
            let style = selected ? Style(.selected, [.reverse]) : Style(item.kind == .followUp ? .followUp : .warning)
            canvas.put(line(item, model, width: area.columns), row: area.row + 2 + k, column: area.column, width: area.columns, style: style)
        }
    }

    /// `2026-12-15 跟进 0012 刘建军 文峰村二组 医疗：2026 年度仍未参保…`, cut with `…`.
    func line(_ item: Worklist.Item, _ model: Model, width: Int) -> String {
        let say = model.say
        let r = rows[item.householdID]
        let when = item.due.map(\.description) ?? say(UIText.worklistNever)
        let kind = say(item.kind == .followUp ? UIText.worklistFollowUp : UIText.worklistVisit)
        var what = item.indicators.map { o in say(o.indicator.label) + (o.note.isEmpty ? "" : say(UIText.colon) + o.note) }
            .joined(separator: say(UIText.listSeparator))
        if item.kind == .visit, let last = item.lastCheck { what = say(UIText.lastVisitOn(last)) + (what.isEmpty ? "" : "  " + what) }
        let head = [DisplayWidth.fit(when, width: 10), DisplayWidth.fit(kind, width: UIWidth.worklistKind(model.language)),
                    String(item.householdID.suffix(4)), DisplayWidth.fit(r?.head ?? "", width: 8),
                    DisplayWidth.fit((r?.village ?? "") + (r?.group ?? ""), width: 12)].joined(separator: " ")
        return DisplayWidth.fit(TerminalText.safe(head + " " + what), width: width, ellipsis: model.glyphs.ellipsis)
    }
}
