/// Text from the data made safe to show on a terminal.
///
/// Names, notes, phone numbers, bundle values and whatever a user typed on the command
/// line end up on a terminal, and a terminal obeys control characters: `ESC ] 0 ;` retitles
/// the window, `ESC [ 2 J` clears the screen, C1 `CSI` (U+009B) does the same without an
/// ESC on terminals that honour it, and bidi overrides make a line read in another order
/// than it is stored. So every control character is shown as `?` instead: visible (the
/// reader sees something was there), one cell wide like the character it replaces (so a
/// column laid out before or after the replacement still lines up), and ASCII (so it is
/// one cell on every terminal, even one that draws ambiguous-width characters wide).
/// A cut made after the replacement can never land inside what was an escape sequence:
/// there is none left.
///
/// This is the one place that decides what a terminal may be given: the command line
/// passes everything it prints through `safe` (JSON through `safeJSON`), and the app's
/// screen (`DisplayWidth`, `Canvas`) counts these characters as ones it cannot show and
/// draws the same `?`.
public enum TerminalText {
    /// What a control character is shown as.
    public static let replacement: Character = "?"

    /// Whether a terminal would act on `scalar` rather than show it: C0 (U+0000–U+001F),
    /// DEL (U+007F), C1 (U+0080–U+009F), and the bidi embeddings, overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069).
    @inline(__always)
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F: false
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every control character replaced by `replacement`. With
    /// `keepingLineFeeds`, a line feed stays: for whole outputs, whose lines are laid out
    /// by the program; a single value (a table cell, a name in a line) has none kept.
    public static func safe(_ text: some StringProtocol, keepingLineFeeds: Bool = false) -> String {
        replacingControls(in: text, keepingLineFeeds: keepingLineFeeds) { _ in String(replacement) }
    }

    /// JSON text with every control character other than a line feed written as a
    /// `\uXXXX` escape. JSON encoders already escape U+0000–U+001F inside strings (so
    /// those are never doubled here) but write DEL, C1 and bidi characters as they are; as
    /// escapes they mean the same string to any JSON reader and nothing to a terminal.
    /// Outside strings JSON has only ASCII punctuation, spaces and line feeds, so every
    /// character replaced is inside a string, where an escape is valid.
    public static func safeJSON(_ json: some StringProtocol) -> String {
        replacingControls(in: json, keepingLineFeeds: true) { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: false)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    private static func replacingControls(in text: some StringProtocol, keepingLineFeeds: Bool,
                                          with spelling: (Unicode.Scalar) -> String) -> String {
        func replaced(_ s: Unicode.Scalar) -> Bool { isControl(s) && !(keepingLineFeeds && s == "\n") }
        guard text.unicodeScalars.contains(where: replaced) else { return String(text) }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if replaced(s) { out.append(contentsOf: spelling(s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }
}
