/// A terminal in memory: keys come from a script, the last canvas is kept.
public final class MemoryTerminal: Terminal {
    public var size: (rows: Int, columns: Int)
    public private(set) var screen: Canvas
    private var keys: [Key]

    public init(rows: Int, columns: Int, keys: [Key] = []) {
        size = (rows, columns)
        screen = Canvas(rows: rows, columns: columns)
        self.keys = keys
    }

    public func present(_ canvas: Canvas) { screen = canvas }

    public func nextKey() -> Key? { keys.isEmpty ? nil : keys.removeFirst() }

    public func type(_ more: [Key]) { keys += more }

    public var hasKeys: Bool { !keys.isEmpty }
}
