import SanbaoCore
import SanbaoText

/// An in-memory screen: a grid of cells where a wide (CJK) character takes two.
///
/// Every screen draws here; the ncurses terminal copies the result out, and tests read
/// it back as text. Writing is clipped by display width and never splits a wide
/// character: a wide character that would not fit is replaced by a space, and
/// overwriting half of one blanks the other half. So the bug that corrupts ncurses'
/// screen model cannot happen. A character a terminal cannot show (a control character
/// from the data, see `TerminalText`) is drawn as `TerminalText.replacement`, `?`, as
/// the command line prints it.
///
/// Every cut is recorded (`cuts`): a text that did not fit is a fault unless the screen
/// shows an ellipsis where it stops (`unmarkedCuts`). Tests and `--dump` read them, so a
/// screen that silently loses the end of a line cannot pass for one that fits.
public struct Canvas: Sendable, Equatable {
    /// Text `put` could not show whole: where the writing stopped, and the rest.
    public struct Cut: Sendable, Equatable, CustomStringConvertible {
        public var row: Int
        /// The first column the text did not reach (the edge of the width it was given).
        public var edge: Int
        public var lost: String

        public var description: String { "row \(row + 1), column \(edge + 1): lost \"\(lost)\"" }
    }

    public struct Cell: Sendable, Equatable {
        public var character: Character
        public var style: Style
        /// The right half of a wide character: drawn by the cell on its left.
        public var isContinuation: Bool

        public static let blank = Cell(character: " ", style: .normal, isContinuation: false)
    }

    public let rows: Int
    public let columns: Int
    public private(set) var cells: [Cell]
    public private(set) var cuts: [Cut] = []

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        cells = Array(repeating: .blank, count: self.rows * self.columns)
    }

    public subscript(row: Int, column: Int) -> Cell { cells[row * columns + column] }

    /// Writes `text` at (row, column), clipped to `width` cells (default: to the edge).
    /// Returns the number of cells used.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, width: Int? = nil,
                             style: Style = .normal) -> Int {
        guard row >= 0, row < rows, column < columns else { return 0 }
        let limit = min(column + (width ?? columns), columns)
        var x = column
        for i in text.indices {
            let ch = text[i]
            let printable = DisplayWidth.isPrintable(ch) ? ch : TerminalText.replacement
            let w = DisplayWidth.of(printable)
            if w == 0 { continue }
            if x + w > limit {
                if x < limit { set(row, x, " ", style, wide: false) }
                let lost = String(text[i...])
                if !lost.allSatisfy({ $0 == " " }) { cuts.append(Cut(row: row, edge: limit, lost: lost)) }
                x = limit
                break
            }
            if x >= 0 { set(row, x, printable, style, wide: w == 2) }
            x += w
        }
        return max(0, x - column)
    }

    /// Fills `width` cells with spaces in `style` (for highlighted rows and clearing).
    public mutating func fill(row: Int, column: Int = 0, width: Int? = nil, style: Style = .normal) {
        guard row >= 0, row < rows else { return }
        let end = min(columns, column + (width ?? columns))
        var x = max(0, column)
        while x < end {
            set(row, x, " ", style, wide: false)
            x += 1
        }
    }

    /// Restyles cells without changing their text (e.g. the cursor row).
    public mutating func restyle(row: Int, column: Int = 0, width: Int? = nil, _ transform: (Style) -> Style) {
        guard row >= 0, row < rows else { return }
        let end = min(columns, column + (width ?? columns))
        for x in max(0, column)..<max(max(0, column), end) {
            cells[row * columns + x].style = transform(cells[row * columns + x].style)
        }
    }

    private mutating func set(_ row: Int, _ x: Int, _ ch: Character, _ style: Style, wide: Bool) {
        let i = row * columns + x
        // Overwriting either half of a wide character blanks its other half.
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(character: " ", style: cells[i - 1].style, isContinuation: false) }
        if x + 1 < columns, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(character: " ", style: cells[i + 1].style, isContinuation: false)
        }
        cells[i] = Cell(character: ch, style: style, isContinuation: false)
        if wide {
            if x + 2 < columns, cells[i + 2].isContinuation {
                cells[i + 2] = Cell(character: " ", style: cells[i + 2].style, isContinuation: false)
            }
            cells[i + 1] = Cell(character: " ", style: style, isContinuation: true)
        }
    }

    /// Cuts the screen does not show: no `ellipsis` in the cell (or cells) just before
    /// the edge where the text stopped. An ellipsis drawn there afterwards (as the pager
    /// does) marks the cut.
    public func unmarkedCuts(ellipsis: String) -> [Cut] {
        let mark = ellipsis.isEmpty ? "\u{2026}" : ellipsis
        let width = DisplayWidth.of(mark)
        return cuts.filter { cut in
            let start = min(cut.edge, columns) - width
            guard start >= 0 else { return true }
            let shown = (start..<start + width).filter { !self[cut.row, $0].isContinuation }.map { self[cut.row, $0].character }
            return String(shown) != mark
        }
    }

    /// One row as text (continuation cells omitted), trailing spaces trimmed.
    public func line(_ row: Int) -> String {
        var s = ""
        for x in 0..<columns where !self[row, x].isContinuation { s.append(self[row, x].character) }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The whole screen as text, one line per row: what screen tests compare.
    public var text: String { (0..<rows).map(line).joined(separator: "\n") }
}
