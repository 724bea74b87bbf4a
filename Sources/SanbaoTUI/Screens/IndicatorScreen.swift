import SanbaoCore

/// One indicator in full: its state and every reason, wrapped to the screen's width
/// (Enter on an indicator line of the household screen).
public struct IndicatorScreen: Screen {
    let title: String
    let state: String
    let stateStyle: Style
    let reasons: [String]
    var pager = Pager(scrolls: true)
    var width = 0
    public var context: KeyContext { .indicator }

    public init(head: String, indicator: Indicator, assessment: Assessment, model: Model) {
        title = head + "  " + model.say(indicator.label)
        state = "\(assessment.state.letter) " + model.say(assessment.state.label)
        stateStyle = Style(assessment.state.role, [.bold])
        reasons = assessment.reasons.map(model.say)
    }

    public mutating func layout(_ area: Rect) {
        if area.columns != width {
            width = area.columns
            pager = Pager(scrolls: true)
            pager.add(title, Style(.title))
            pager.add(state, stateStyle)
            pager.blank()
            for r in reasons {
                for (k, line) in Wrap.lines(r, width: width - 4).enumerated() { pager.add((k == 0 ? "- " : "  ") + line) }
            }
        }
        pager.layout(area)
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        if pager.apply(command) { return [] }
        return command == .back ? [.pop] : []
    }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        pager.render(into: &canvas, area: area, model: model)
    }
}
