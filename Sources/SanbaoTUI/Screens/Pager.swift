import SanbaoText

/// Styled lines with a cursor line, scrolled to keep it visible: the body of the
/// household and check screens. A pager without a cursor line (`scrolls`: the
/// dashboard, help, one check) moves its view instead, so every PgDn shows new lines.
/// When lines lie below the view, its last row says how many; a line cut at the right
/// edge ends in an ellipsis.
public struct Pager: Sendable {
    public typealias Span = (text: String, style: Style)
    public var lines: [[Span]] = []
    public var cursor = ListCursor()
    /// No cursor line: keys scroll the view.
    public var scrolls = false
    var height = 10

    public init(scrolls: Bool = false) { self.scrolls = scrolls }

    public mutating func add(_ spans: [Span]) { lines.append(spans) }
    public mutating func add(_ text: String, _ style: Style = .normal) { lines.append([(text, style)]) }
    public mutating func blank() { lines.append([]) }

    public mutating func layout(_ area: Rect) {
        // The last row is kept for "more below" when the lines do not all fit.
        height = lines.count > area.rows ? max(1, area.rows - 1) : max(1, area.rows)
        cursor.clamp(count: lines.count, height: height)
        if scrolls { clampView() }
    }

    public mutating func apply(_ command: Command) -> Bool {
        guard scrolls else { return cursor.apply(command, count: lines.count, height: height) }
        switch command {
        case .up: cursor.top -= 1
        case .down: cursor.top += 1
        case .pageUp: cursor.top -= max(1, height - 1)
        case .pageDown: cursor.top += max(1, height - 1)
        case .top: cursor.top = 0
        case .bottom: cursor.top = lines.count
        default: return false
        }
        clampView()
        return true
    }

    mutating func clampView() {
        cursor.top = max(0, min(cursor.top, lines.count - height))
        cursor.selected = cursor.top
    }

    /// Lines below the view.
    public var below: Int { max(0, lines.count - cursor.top - height) }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        for i in 0..<min(area.rows, height) {
            let k = cursor.top + i
            guard k < lines.count else { break }
            let row = area.row + i
            var x = area.column
            let end = area.column + area.columns
            for span in lines[k] {
                x += canvas.put(span.text, row: row, column: x, width: end - x, style: span.style)
            }
            if lines[k].reduce(0, { $0 + DisplayWidth.of($1.text) }) > area.columns {
                let style = lines[k].last?.style ?? .normal
                canvas.put(model.glyphs.ellipsis, row: row, column: end - DisplayWidth.of(model.glyphs.ellipsis), style: style)
            }
            if !scrolls && k == cursor.selected {
                canvas.restyle(row: row, column: area.column, width: area.columns) {
                    Style($0.role == .normal ? .selected : $0.role, $0.attributes.union(.reverse))
                }
            }
        }
        if below > 0 && height < area.rows {
            canvas.put(model.say(UIText.moreBelow(below)), row: area.row + area.rows - 1, column: area.column, width: area.columns, style: Style(.muted))
        }
    }
}
