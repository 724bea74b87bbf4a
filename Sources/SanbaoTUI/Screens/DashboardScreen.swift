import SanbaoCore
import SanbaoText

/// Per indicator, how many households are met / not met / follow-up / unchecked, as
/// horizontal bars; the same per village and group; and the overdue visits.
public struct DashboardScreen: Screen {
    var pager = Pager()
    var model: Model
    var width = 80
    public var context: KeyContext { .dashboard }

    public init(model: Model) {
        self.model = model
        pager = Self.build(model, width: width)
    }

    public mutating func layout(_ area: Rect) {
        if area.columns != width {
            width = area.columns
            let cursor = pager.cursor
            pager = Self.build(model, width: width)
            pager.cursor = cursor
        }
        pager.layout(area)
    }

    public mutating func modelChanged(_ model: Model) {
        self.model = model
        pager = Self.build(model, width: width)
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        if pager.apply(command) { return [] }
        if command == .export { return [.openExport] }
        return command == .back ? [.pop] : []
    }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        pager.render(into: &canvas, area: area, model: model)
    }

    static let shown: [IndicatorState] = [.met, .notMet, .followUp, .unchecked, .notApplicable]

    static func build(_ model: Model, width: Int) -> Pager {
        var p = Pager(scrolls: true)
        let say = model.say
        var tally = Tally()
        var byGroup: [String: Tally] = [:]
        var order: [String] = []
        for r in model.rows {
            let a = assessment(r, model)
            tally.add(a)
            let key = r.village + r.group
            if byGroup[key] == nil { order.append(key) }
            byGroup[key, default: Tally()].add(a)
        }
        p.add(say(UIText.dashboardHeadline(households: tally.households, meeting: tally.meetingStandard, overdue: tally.overdue)), Style(.title))
        p.add(legend(model))
        p.blank()
        let labelWidth = UIWidth.dashboardLabel(model.language)
        let barWidth = max(10, width - labelWidth - 26)
        for i in Indicator.allCases {
            p.add(bar(DisplayWidth.fit(say(i.label), width: labelWidth), tally, i, width: barWidth, model))
        }
        p.blank()
        p.add(say(UIText.byGroup), Style(.title))
        for key in order.sorted(by: GroupOrder.less) {
            let t = byGroup[key]!
            let failing = Indicator.allCases.map { t.count($0, .notMet) }.reduce(0, +)
            let fraction = t.households == 0 ? 0 : t.meetingStandard * barWidth / t.households
            p.add([(DisplayWidth.fit(key, width: labelWidth + 8), .normal),
                   (String(repeating: model.glyphs.bar, count: fraction), Style(.met)),
                   (String(repeating: ".", count: barWidth - fraction), Style(.muted)),
                   ("  \(t.meetingStandard)/\(t.households)  X\(failing)", .normal)])
        }
        p.blank()
        p.add(say(UIText.overdueList), Style(.title))
        let overdue = model.rows.filter(\.overdue).sorted { ($0.lastCheck?.dayNumber ?? Int.min) < ($1.lastCheck?.dayNumber ?? Int.min) }
        if overdue.isEmpty { p.add("  -", Style(.muted)) }
        for r in overdue {
            let since = say(r.lastCheck.map { UIText.lastVisit($0, daysAgo: r.daysSinceVisit(on: model.today)!) } ?? UIText.neverVisited)
            p.add("  " + DisplayWidth.fit(r.head, width: 8) + " " + DisplayWidth.fit(r.village + r.group, width: 12) + " " + since, Style(.warning))
        }
        return p
    }

    static func assessment(_ r: RosterRow, _ model: Model) -> HouseholdAssessment {
        HouseholdAssessment(householdID: r.id, date: model.today,
                            indicators: r.states.mapValues { Assessment(state: $0, reasons: []) },
                            lastCheck: r.lastCheck, followUp: r.followUp, overdue: r.overdue)
    }

    static func legend(_ model: Model) -> [Pager.Span] {
        shown.map { ("\(model.glyphs.bar)\($0.letter) " + model.say($0.label) + "  ", Style($0.role)) }
    }

    /// One indicator as a bar: a run per state, each as long as its share.
    static func bar(_ label: String, _ t: Tally, _ i: Indicator, width: Int, _ model: Model) -> [Pager.Span] {
        var spans: [Pager.Span] = [(label + " ", .normal)]
        let total = max(1, t.households)
        var used = 0
        for (k, s) in shown.enumerated() {
            let n = t.count(i, s)
            var len = n * width / total
            if k == shown.count - 1 { len = n == 0 ? 0 : width - used }
            if n > 0 && len == 0 { len = 1 }
            len = min(len, width - used)
            used += len
            spans.append((String(repeating: s == .met ? model.glyphs.bar : s.letter, count: len), Style(s.role)))
        }
        let counts = shown.prefix(4).map { "\($0.letter)\(t.count(i, $0))" }.joined(separator: " ")
        spans.append((" " + counts, .normal))
        return spans
    }
}
