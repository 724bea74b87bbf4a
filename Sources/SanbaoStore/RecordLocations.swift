import Foundation

/// Where each household, check and edit was read from: file and line, by record id.
///
/// Kept as one small table per file (the ids and line numbers of its records, in
/// order), which reading builds for free. The dictionary by id that answers lookups is
/// built on the first lookup only: most reads never look anything up (only problems
/// are located), and hashing a million ids would cost more than decoding the records.
/// When an id occurs more than once, the first record read wins, as it always has.
public struct RecordLocations: Sendable, Equatable {
    /// The records of one file, in the order they were read.
    struct FileTable: Sendable, Equatable {
        var file: String
        var ids: [String] = []
        var lines: [Int] = []

        mutating func append(_ id: String, line: Int) {
            ids.append(id)
            lines.append(line)
        }
    }

    private(set) var tables: [FileTable] = []
    /// Built on first use and shared by copies until one of them changes.
    private var index = LazyIndex()

    public init() {}

    /// How many records are located (an id read twice counts twice).
    public var count: Int { tables.reduce(0) { $0 + $1.ids.count } }

    /// The file and 1-based line of the first record read with `id`.
    public subscript(id: String) -> (file: String, line: Int)? {
        index.position(of: id, in: tables).map { (tables[$0.table].file, tables[$0.table].lines[$0.row]) }
    }

    /// Adds the table of the next file read.
    mutating func add(_ table: FileTable) {
        guard !table.ids.isEmpty else { return }
        tables.append(table)
        index = LazyIndex()
    }

    public static func == (a: RecordLocations, b: RecordLocations) -> Bool { a.tables == b.tables }

    /// The id → position dictionary, made once under a lock so a `LoadResult` can be
    /// read from several threads.
    private final class LazyIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var byID: [String: (table: Int, row: Int)]?

        func position(of id: String, in tables: [FileTable]) -> (table: Int, row: Int)? {
            lock.lock()
            defer { lock.unlock() }
            if byID == nil {
                var map: [String: (table: Int, row: Int)] = [:]
                map.reserveCapacity(tables.reduce(0) { $0 + $1.ids.count })
                for (t, table) in tables.enumerated() {
                    for (row, id) in table.ids.enumerated() where map[id] == nil { map[id] = (t, row) }
                }
                byID = map
            }
            return byID![id]
        }
    }
}
