/// What the app needs from a terminal. Two implementations: `NcursesTerminal` for real
/// use and `MemoryTerminal` for tests and `--dump`.
public protocol Terminal: AnyObject {
    /// Current size in rows and columns.
    var size: (rows: Int, columns: Int) { get }
    /// Shows `canvas` (which has the current size).
    func present(_ canvas: Canvas)
    /// Waits for the next key; nil when none arrived within the poll interval.
    func nextKey() -> Key?
}
