import Foundation
import SanbaoCore

/// One table row as UTF-8 bytes: every cell's text one after another, and for each cell
/// its kind and where its bytes are. Rows of the big tables are made into one reused
/// buffer and written straight to CSV or XLSX bytes, so 200,000 households never become
/// millions of `Cell` strings first.
struct RowBuffer {
    enum Kind: UInt8 { case text, int, date, empty }

    struct Slot {
        var kind: Kind
        var start: Int
        var end: Int
        /// The number of an `int` cell; the day number of a `date` cell; for a `text` cell,
        /// one more than its position among the shared labels (0: not one of them).
        var value: Int
    }

    /// The text of every cell (an int's digits, a date as `YYYY-MM-DD`).
    private(set) var bytes: [UInt8] = []
    private(set) var cells: [Slot] = []
    private var openText: Int?

    init() {
        bytes.reserveCapacity(4096)
        cells.reserveCapacity(40)
    }

    var count: Int { cells.count }

    subscript(_ i: Int) -> Slot { cells[i] }

    /// The bytes of cell `i`.
    func bytes(_ i: Int) -> ArraySlice<UInt8> { bytes[cells[i].start..<cells[i].end] }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
    }

    // MARK: Adding cells

    mutating func text(_ s: String) {
        let start = bytes.count
        append(s)
        cells.append(Slot(kind: .text, start: start, end: bytes.count, value: 0))
    }

    /// A text from a small fixed list (`RowMaker.sharedLabels`), at position `k` of it: its
    /// bytes as any text's, and the position for a format that can refer to it (XLSX).
    mutating func label(_ s: String, shared k: Int) {
        let start = bytes.count
        append(s)
        cells.append(Slot(kind: .text, start: start, end: bytes.count, value: k + 1))
    }

    mutating func int(_ v: Int) {
        let start = bytes.count
        Self.appendDecimal(v, to: &bytes)
        cells.append(Slot(kind: .int, start: start, end: bytes.count, value: v))
    }

    mutating func date(_ d: LocalDate) {
        let start = bytes.count
        Self.appendDate(d, to: &bytes)
        cells.append(Slot(kind: .date, start: start, end: bytes.count, value: d.dayNumber))
    }

    mutating func empty() {
        cells.append(Slot(kind: .empty, start: bytes.count, end: bytes.count, value: 0))
    }

    /// A text made of pieces (`piece`, `pieceDate`) without joining them into a String.
    mutating func beginText() { openText = bytes.count }

    mutating func piece(_ s: String) { append(s) }

    mutating func pieceDate(_ d: LocalDate) { Self.appendDate(d, to: &bytes) }

    mutating func endText() {
        cells.append(Slot(kind: .text, start: openText ?? bytes.count, end: bytes.count, value: 0))
        openText = nil
    }

    /// The cells as `Cell` values (what `ReportTable.rows` holds).
    var asCells: [Cell] {
        cells.map { c in
            switch c.kind {
            case .text: .text(String(decoding: bytes[c.start..<c.end], as: UTF8.self))
            case .int: .int(c.value)
            case .date: .date(LocalDate(dayNumber: c.value))
            case .empty: .empty
            }
        }
    }

    mutating func append(_ cell: Cell) {
        switch cell {
        case .text(let s): text(s)
        case .int(let v): int(v)
        case .date(let d): date(d)
        case .empty: empty()
        }
    }

    // MARK: Bytes

    private mutating func append(_ s: String) {
        // Native strings are contiguous UTF-8: copied at once, without copying the String.
        if s.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: s.utf8)
        }
    }

    /// `String(v)` as bytes.
    static func appendDecimal(_ v: Int, to out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        var scale: UInt = 1
        while m / scale >= 10 { scale *= 10 }
        while scale > 0 {
            out.append(UInt8(ascii: "0") + UInt8(m / scale))
            m %= scale
            scale /= 10
        }
    }

    /// `d.description` (`YYYY-MM-DD`, the year padded to four digits) as bytes.
    static func appendDate(_ d: LocalDate, to out: inout [UInt8]) {
        func two(_ v: Int) {
            out.append(UInt8(ascii: "0") + UInt8(v / 10 % 10))
            out.append(UInt8(ascii: "0") + UInt8(v % 10))
        }
        guard (0..<10_000).contains(d.year) else {
            out.append(contentsOf: d.description.utf8)
            return
        }
        do {
            two(d.year / 100)
            two(d.year % 100)
        }
        out.append(UInt8(ascii: "-"))
        two(d.month)
        out.append(UInt8(ascii: "-"))
        two(d.day)
    }
}

extension Array where Element == UInt8 {
    /// Appends the bytes of a literal, without making an array of them first.
    mutating func put(_ s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }
}

/// A growing byte buffer written through a pointer: the XML and CSV writers append
/// millions of short runs (tags, labels), for which `Array.append` spends more time on
/// its uniqueness and capacity checks than on copying. It grows with `realloc`, which moves
/// a large block by remapping its pages rather than copying them, and `finish()` hands the
/// bytes to a `Data` without a copy: a 100 MB file is never held twice.
final class ByteWriter {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = Self.allocate(self.capacity)
    }

    deinit { free(base) }

    private static func allocate(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        guard let p = malloc(n) else { fatalError("out of memory (\(n) bytes)") }
        return p.assumingMemoryBound(to: UInt8.self)
    }

    /// Room for `total` bytes in all, made at once: growing by doubling would hold the old
    /// block and the new one together while it copies.
    func reserveCapacity(_ total: Int) {
        guard total > capacity, let moved = realloc(base, total) else { return }
        base = moved.assumingMemoryBound(to: UInt8.self)
        capacity = total
    }

    /// Room for `n` more bytes.
    @inline(__always)
    private func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        var bigger = capacity * 2
        while bigger < count + n { bigger *= 2 }
        guard let moved = realloc(base, bigger) else { fatalError("out of memory (\(bigger) bytes)") }
        base = moved.assumingMemoryBound(to: UInt8.self)
        capacity = bigger
    }

    @inline(__always)
    func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: from, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func put(_ s: StaticString) {
        s.withUTF8Buffer { put($0) }
    }

    func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { put($0) }
    }

    /// `String(v)` as bytes.
    func putDecimal(_ v: Int) {
        if v < 0 { put(UInt8(ascii: "-")) }
        var m = v.magnitude
        var digits = 1
        var scale: UInt = 1
        while m / scale >= 10 { scale *= 10; digits += 1 }
        reserve(digits)
        while scale > 0 {
            base[count] = UInt8(ascii: "0") + UInt8(m / scale)
            m %= scale
            scale /= 10
            count += 1
        }
    }

    /// Replaces bytes already written, from `offset` on.
    func overwrite(at offset: Int, with bytes: [UInt8]) {
        precondition(offset >= 0 && offset + bytes.count <= count)
        bytes.withUnsafeBufferPointer { (base + offset).update(from: $0.baseAddress!, count: $0.count) }
    }

    /// The bytes written, copied out.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written, handed over without a copy; the writer is empty afterwards.
    func finish() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 64
        base = Self.allocate(capacity)
        count = 0
        return data
    }
}
