import SanbaoCore
import SanbaoText

/// Every key, generated from the key table, grouped by where it applies.
public struct HelpScreen: Screen {
    var pager = Pager(scrolls: true)
    public var context: KeyContext { .help }

    public init(model: Model) {
        let say = model.say
        pager.add(say(UIText.helpTitle), Style(.title))
        for c in KeyContext.allCases {
            let bindings = model.keys.bindings.filter { $0.context == c }
            guard !bindings.isEmpty else { continue }
            pager.blank()
            pager.add(say(c.title), Style(.title))
            for b in bindings {
                let keys = b.keys.map(\.name).joined(separator: ", ")
                pager.add([("  " + DisplayWidth.fit(keys, width: 20), Style(.key)), (say(b.command.help), .normal)])
            }
        }
        pager.blank()
        pager.add(say(UIText.statesLegend), Style(.muted))
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
