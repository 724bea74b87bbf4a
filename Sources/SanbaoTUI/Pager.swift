/// Styled lines with a cursor line, scrolled to keep it visible: the body of the
/// household and check screens.
public struct Pager: Sendable {
    public typealias Span = (text: String, style: Style)
    public var lines: [[Span]] = []
    public var cursor = ListCursor()
    var height = 10

    public init() {}

    public mutating func add(_ spans: [Span]) { lines.append(spans) }
    public mutating func add(_ text: String, _ style: Style = .normal) { lines.append([(text, style)]) }
    public mutating func blank() { lines.append([]) }

    public mutating func layout(_ area: Rect) {
        height = max(1, area.rows)
        cursor.clamp(count: lines.count, height: height)
    }

    public mutating func apply(_ command: Command) -> Bool {
        cursor.apply(command, count: lines.count, height: height)
    }

    public func render(into canvas: inout Canvas, area: Rect, highlight: Bool = true) {
        for i in 0..<area.rows {
            let k = cursor.top + i
            guard k < lines.count else { break }
            var x = area.column
            for span in lines[k] {
                x += canvas.put(span.text, row: area.row + i, column: x, width: area.column + area.columns - x, style: span.style)
            }
            if highlight && k == cursor.selected {
                canvas.restyle(row: area.row + i, column: area.column, width: area.columns) {
                    Style($0.role == .normal ? .selected : $0.role, $0.attributes.union(.reverse))
                }
            }
        }
    }
}
