import SanbaoText

/// A one-line text field edited by whole characters; the cursor moves over a CJK
/// character in one step and it counts two cells wide.
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Types `c` at the cursor; false for what a terminal cannot show.
    public mutating func insert(_ c: Character) -> Bool {
        guard DisplayWidth.isPrintable(c) else { return false }
        characters.insert(c, at: cursor)
        cursor += 1
        return true
    }

    /// Applies an editing command (the key table's `text` context); false for any other.
    public mutating func edit(_ command: Command) -> Bool {
        switch command {
        case .deleteBackward:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .cursorLeft: cursor = max(0, cursor - 1)
        case .cursorRight: cursor = min(characters.count, cursor + 1)
        case .lineStart: cursor = 0
        case .lineEnd: cursor = characters.count
        case .deleteToStart: characters.removeFirst(cursor); cursor = 0
        default: return false
        }
        return true
    }

    /// A key as the text context reads it: a character typed, or an editing command.
    public mutating func edit(_ key: Key, keys: KeyTable = .standard) -> Bool {
        if case .character(let c) = key { return insert(c) }
        guard let command = keys.bindings.first(where: { $0.context == .text && $0.keys.contains(key) })?.command else { return false }
        return edit(command)
    }

    /// Draws the field in `width` cells, scrolled so the cursor shows; returns the
    /// cursor's cell column relative to the field.
    @discardableResult
    public func render(into canvas: inout Canvas, row: Int, column: Int, width: Int, style: Style) -> Int {
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursor])) >= width && start < cursor { start += 1 }
        let visible = String(characters[start...])
        canvas.fill(row: row, column: column, width: width, style: style)
        canvas.put(visible, row: row, column: column, width: width, style: style)
        return DisplayWidth.of(String(characters[start..<cursor]))
    }
}
