import SanbaoCore
import SanbaoText

/// `sanbao list` written a row at a time, the lines `RosterTable.render` makes: a county's
/// table is never whole in memory, and what repeats from row to row (a village and group,
/// a date, a state's letter, a member count) is laid out once. `QuickPathTests` holds the
/// lines to `render`'s (the `--careful` path).
extension RosterTable {
    static func write(_ rows: [RosterRow], language: Language, to stream: OutStream) {
        stream.write(Array((header(language) + "\n").utf8))
        var maker = LineMaker(zh: language == .zh)
        var line: [UInt8] = []
        line.reserveCapacity(1 << 16)
        for r in rows {
            maker.append(r, to: &line)
            if line.count >= 1 << 15 {
                stream.write(line)
                line.removeAll(keepingCapacity: true)
            }
        }
        stream.write(line)
        stream.write(Array((footer(rows, language) + "\n").utf8))
    }

    /// The cells of `RosterTable.line`, those that repeat kept once made.
    struct LineMaker {
        let zh: Bool
        /// The current village's groups, laid out (rows come village by village). Looked
        /// up by bytes: hashing or comparing Chinese text as `String` normalizes it first.
        private var places: [(village: String, group: String, cell: [UInt8])] = []
        private var counts: [[UInt8]] = (0..<100).map { Array(DisplayWidth.fitRight(String($0), width: 3).utf8) }
        private let letters: [(IndicatorState, [UInt8])] = IndicatorState.allCases.map { ($0, Array(DisplayWidth.fit(String($0.letter), width: 2).utf8)) }
        private let never = Array(DisplayWidth.fit("-", width: 10).utf8)

        init(zh: Bool) { self.zh = zh }

        /// One row as `RosterTable.line` spells it, and a line feed.
        mutating func append(_ r: RosterRow, to out: inout [UInt8]) {
            let start = out.count
            number(r.number.suffix(4), to: &out)
            out.append(0x20)
            out.append(contentsOf: DisplayWidth.fit(TerminalText.safe(r.head), width: 8).utf8)
            out.append(0x20)
            place(r, to: &out)
            out.append(0x20)
            if r.members >= 0 && r.members < counts.count {
                out.append(contentsOf: counts[r.members])
            } else {
                out.append(contentsOf: DisplayWidth.fitRight(String(r.members), width: 3).utf8)
            }
            for i in Indicator.allCases {
                let s = r.state(i)
                out.append(0x20)
                out.append(contentsOf: letters.first { $0.0 == s }!.1)
            }
            out.append(0x20)
            // A date is ten ASCII characters, exactly its column.
            if let d = r.lastCheck { Self.date(d, to: &out) } else { out.append(contentsOf: never) }
            out.append(0x20)
            if r.overdue { out.append(contentsOf: (zh ? "是" : "yes").utf8) }
            // The cells end in ASCII laid out here (a date, a letter, padding), so trailing
            // spaces are bytes: `trailingSpacesRemoved`, without making a `String`.
            while out.count > start, out[out.count - 1] == 0x20 { out.removeLast() }
            out.append(0x0A)
        }

        /// `YYYY-MM-DD`, as `LocalDate.description` writes it (the year is 1-9999).
        static func date(_ d: LocalDate, to out: inout [UInt8]) {
            func two(_ v: Int) {
                out.append(UInt8(ascii: "0") + UInt8(v / 10))
                out.append(UInt8(ascii: "0") + UInt8(v % 10))
            }
            two(d.year / 100)
            two(d.year % 100)
            out.append(UInt8(ascii: "-"))
            two(d.month)
            out.append(UInt8(ascii: "-"))
            two(d.day)
        }

        /// Village and group in fourteen cells, as `RosterTable.line` fits them.
        private mutating func place(_ r: RosterRow, to out: inout [UInt8]) {
            if let known = places.first(where: { $0.village.utf8.elementsEqual(r.village.utf8) && $0.group.utf8.elementsEqual(r.group.utf8) }) {
                return out.append(contentsOf: known.cell)
            }
            if let first = places.first, !first.village.utf8.elementsEqual(r.village.utf8) { places.removeAll() }
            let cell = Array(DisplayWidth.fit(TerminalText.safe(r.village + r.group), width: 14).utf8)
            places.append((r.village, r.group, cell))
            out.append(contentsOf: cell)
        }

        /// The number's last four characters in six cells: printable ASCII is one cell a
        /// character; anything else is measured as `RosterTable.line` measures it.
        private func number(_ n: Substring, to out: inout [UInt8]) {
            let bytes = n.utf8
            if bytes.count <= 6, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                out.append(contentsOf: bytes)
                out.append(contentsOf: repeatElement(0x20, count: 6 - bytes.count))
            } else {
                out.append(contentsOf: DisplayWidth.fit(TerminalText.safe(n), width: 6).utf8)
            }
        }
    }
}
