import SanbaoCore

/// How many terminal cells text takes, exactly as ncursesw will draw it.
///
/// ncursesw advances by glibc's `wcwidth`; Foundation and the standard library know
/// nothing of East Asian width. `WidthTable` is generated from glibc itself, so a
/// column laid out here lines up on screen. CJK takes two cells.
public enum DisplayWidth {
    /// Cells for one scalar: 0, 1 or 2; -1 for what a terminal cannot show: the control
    /// characters of `TerminalText` (C0, DEL, C1, and the bidi controls, which glibc gives
    /// width 0 but a terminal would act on) and what glibc cannot measure.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if TerminalText.isControl(scalar) { return -1 }
        if contains(WidthTable.wide, v) { return 2 }
        if contains(WidthTable.zero, v) { return 0 }
        if contains(WidthTable.unprintable, v) { return -1 }
        return 1
    }

    /// Cells for one user-perceived character: its first scalar sets the width, the
    /// combining marks after it add none. Unprintable characters count as one cell,
    /// because they are shown as a replacement.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let w = of(first)
        return w < 0 ? 1 : w
    }

    /// Cells for a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for ch in text { total += of(ch) }
        return total
    }

    /// Whether `character` can be typed into a field (a terminal can measure it).
    public static func isPrintable(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { of($0) >= 0 } ?? false
    }

    /// The longest prefix of `text` that fits in `width` cells, cut between whole
    /// characters, never through one.
    public static func prefix(_ text: some StringProtocol, width: Int) -> Substring {
        var used = 0
        var end = text.startIndex
        for i in text.indices {
            let w = of(text[i])
            if used + w > width { break }
            used += w
            end = text.index(after: i)
        }
        return Substring(text[text.startIndex..<end])
    }

    /// `text` cut or padded with spaces to exactly `width` cells. When a cut would leave
    /// no room for the ellipsis it is shown as "…" only if `ellipsis` is set.
    public static func fit(_ text: some StringProtocol, width: Int, ellipsis: String = "") -> String {
        guard width > 0 else { return "" }
        let total = of(text)
        if total <= width { return String(text) + String(repeating: " ", count: width - total) }
        let mark = of(ellipsis) < width ? ellipsis : ""
        let cut = prefix(text, width: width - of(mark))
        let s = String(cut) + mark
        return s + String(repeating: " ", count: width - of(s))
    }

    /// Closing punctuation that may not begin a line.
    /// (Escaped: the catalog test keeps Chinese text in the catalog; these are marks, not text.)
    static let noLineStart: Set<Character> = ["\u{201D}", "\u{2019}", "\u{FF09}", "\u{3011}", "\u{300D}", "\u{300F}", "\u{300B}",
                                              "\u{FF0C}", "\u{3002}", "\u{3001}", "\u{FF1B}", "\u{FF1A}", "\u{FF01}", "\u{FF1F}",
                                              ")", ",", ".", ";", ":", "\u{2026}"]

    /// `text` in lines of at most `width` cells: English breaks at a space where one is
    /// on the line, Chinese between any two characters; nothing is cut off.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        while of(rest) > width {
            var line = prefix(rest, width: width)
            if let space = line.lastIndex(of: " "), space > line.startIndex,
               rest[line.endIndex...].first.map({ $0 != " " && $0.isASCII }) ?? false, line.last?.isASCII ?? false {
                line = rest[rest.startIndex..<space]
            } else if let next = rest[line.endIndex...].first, Self.noLineStart.contains(next), line.count > 1 {
                // A closing mark never starts a line (Chinese line breaking): take one more character down.
                line = line.dropLast()
            }
            lines.append(String(line))
            rest = rest[line.endIndex...].drop { $0 == " " }
        }
        lines.append(String(rest))
        return lines
    }

    /// `text` padded on the left to `width` cells (numbers in columns).
    public static func fitRight(_ text: some StringProtocol, width: Int) -> String {
        let total = of(text)
        if total >= width { return fit(text, width: width) }
        return String(repeating: " ", count: width - total) + text
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        var lo = 0
        var hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < table[mid].lowerBound { hi = mid - 1 } else if v > table[mid].upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
