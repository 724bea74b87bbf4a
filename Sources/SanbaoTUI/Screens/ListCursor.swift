/// A cursor over a list taller than its window: the selected index and the first
/// visible line, kept consistent on every move.
public struct ListCursor: Sendable, Equatable {
    public var selected = 0
    public var top = 0

    public mutating func apply(_ command: Command, count: Int, height: Int) -> Bool {
        switch command {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= max(1, height - 1)
        case .pageDown: selected += max(1, height - 1)
        case .top: selected = 0
        case .bottom: selected = count - 1
        default: return false
        }
        clamp(count: count, height: height)
        return true
    }

    public mutating func clamp(count: Int, height: Int) {
        selected = max(0, min(selected, count - 1))
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, count - height)))
    }
}
