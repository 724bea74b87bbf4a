/// The escape sequences terminals send for keys, for those the terminfo entry in use
/// does not list (PuTTY, screen and tmux send Home as `ESC[1~` and End as `ESC[4~`
/// under TERM=xterm; a vt100 entry knows no PgUp/PgDn). ncurses hands such a sequence
/// over byte by byte after the Esc; the terminal reads the bytes that follow an Esc
/// at once and asks here what they mean. An unknown sequence means no key: its bytes
/// are never typed into a text.
public enum EscapeSequence {
    /// True while `body` (what followed the Esc so far) is an unfinished sequence.
    public static func isIncomplete(_ body: [Character]) -> Bool {
        guard let first = body.first else { return true }
        switch first {
        case "[":
            if body.count == 1 { return true }
            if body.count == 2 && body[1] == "[" { return true }  // Linux console F1-F5: ESC [ [ A
            if body[1] == "[" { return body.count < 3 }
            guard let last = body.last?.asciiValue else { return false }
            return body.count < 16 && !(0x40...0x7E).contains(last)
        case "O": return body.count < 2
        default: return false
        }
    }

    /// The key a complete sequence stands for (`body` without the Esc), or nil.
    public static func key(_ body: [Character]) -> Key? {
        guard body.count >= 2 else { return nil }
        if body[0] == "O" {
            return body.count == 2 ? final(body[1]) ?? ss3(body[1]) : nil
        }
        guard body[0] == "[" else { return nil }
        if body.count == 3, body[1] == "[" {  // Linux console
            return ["A": Key.function(1), "B": .function(2), "C": .function(3), "D": .function(4), "E": .function(5)][body[2]]
        }
        let last = body[body.count - 1]
        let params = String(body[1..<(body.count - 1)]).split(separator: ";").map { Int($0) }
        if last == "~" {
            guard let n = params.first ?? nil else { return nil }
            return tilde[n]
        }
        return final(last)
    }

    /// CSI n ~ (vt220 style): Home 1 and 7, End 4 and 8 (rxvt), Delete 3, PgUp 5, PgDn 6, F keys.
    static let tilde: [Int: Key] = [
        1: .home, 7: .home, 4: .end, 8: .end, 3: .delete, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// The last letter of CSI or SS3 sequences (modifiers such as `;5` are ignored).
    static func final(_ c: Character) -> Key? {
        switch c {
        case "A": .up
        case "B": .down
        case "C": .right
        case "D": .left
        case "H": .home
        case "F": .end
        case "Z": .backTab
        case "P": .function(1)
        case "Q": .function(2)
        case "R": .function(3)
        case "S": .function(4)
        default: nil
        }
    }

    /// SS3 keys that are not also CSI finals: the keypad's Enter.
    static func ss3(_ c: Character) -> Key? { c == "M" ? .enter : nil }
}
