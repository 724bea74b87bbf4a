import SanbaoCore
import SanbaoText

/// One check in full: findings with notes, facts observed, measures, follow-up.
public struct CheckDetailScreen: Screen {
    var pager = Pager(scrolls: true)
    public var context: KeyContext { .check }

    public init(check c: Check, model: Model) {
        let say = model.say
        pager.add("\(c.date)  \(model.cadreNames[c.cadreID] ?? c.cadreID)  \(c.id)", Style(.title))
        if let s = c.supersedes { pager.add(say(UIText.corrects(s)), Style(.muted)) }
        pager.add(say(UIText.recordedAt(LocalTime.written(c.recordedAt), confirmed: c.confirmed)))
        pager.blank()
        for i in Indicator.allCases {
            guard let f = c.findings[i] else { continue }
            let state = f.state.map { say($0.label) } ?? say(UIText.auto)
            pager.add([(DisplayWidth.fit(say(i.label), width: UIWidth.checkIndicator(model.language)), .normal), (state, Style(f.state?.role ?? .normal))])
            for line in f.note.split(separator: "\n") { pager.add("    " + line, Style(.muted)) }
        }
        if !c.measures.isEmpty {
            pager.blank()
            pager.add(say(UIText.measuresAgreed), Style(.title))
            for m in c.measures { pager.add("  " + m) }
        }
        if let f = c.followUp { pager.add(say(UIText.followUpOn(f))) }
        if !c.note.isEmpty {
            pager.blank()
            pager.add(say(UIText.note), Style(.title))
            for line in c.note.split(separator: "\n") { pager.add("  " + line) }
        }
    }

    public mutating func layout(_ area: Rect) { pager.layout(area) }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        if pager.apply(command) { return [] }
        return command == .back ? [.pop] : []
    }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        pager.render(into: &canvas, area: area, model: model)
    }
}
