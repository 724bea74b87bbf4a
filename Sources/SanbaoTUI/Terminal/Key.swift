/// A key press, as screens see it, whatever terminal it came from.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
    /// Ctrl plus a letter: `.control("s")` is Ctrl-S (0x13).
    case control(Character)
    case resize

    /// Maps a wide character from the terminal (Enter, Backspace and controls arrive as
    /// characters) to a key.
    public init(scalar: Unicode.Scalar) {
        switch scalar.value {
        case 10, 13: self = .enter
        case 8, 127: self = .backspace
        case 9: self = .tab
        case 27: self = .escape
        case 1...26: self = .control(Character(Unicode.Scalar(scalar.value + 96)!))
        default: self = .character(Character(scalar))
        }
    }

    /// How the help screen writes this key.
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .function(let n): "F\(n)"
        case .control(let c): "Ctrl-" + c.uppercased()
        case .resize: "Resize"
        }
    }
}
