import Foundation
import SanbaoCore

/// `sanbao list --json` written row by row, byte for byte what `RosterJSON.encode`
/// (Foundation's `JSONEncoder`, pretty-printed, keys sorted) gives: a county's JSON is
/// several times the size of its rows, and building it whole held 200 MB for 20,000
/// households. `QuickPathTests` compares the two (`--careful` uses the encoder) on the
/// demo, a generated county and every damaged fixture; a field added to `RosterJSON.Row`
/// must be added here too, in its sorted place.
extension RosterJSON {
    static func write(_ rows: [RosterRow], to stream: OutStream) {
        guard !rows.isEmpty else {
            stream.write(Array("[]\n".utf8))
            return
        }
        var maker = ObjectMaker()
        var out: [UInt8] = Array("[\n".utf8)
        out.reserveCapacity(1 << 16)
        for (k, r) in rows.enumerated() {
            maker.append(r, to: &out)
            out.append(contentsOf: (k == rows.count - 1 ? "\n" : ",\n").utf8)
            if out.count >= 1 << 15 {
                stream.write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.append(contentsOf: "]\n".utf8)
        stream.write(out)
    }

    /// One row as the encoder indents it inside the array, keys in sorted order, the
    /// bytes laid down directly (a county is 10 MB of JSON per 20,000 rows).
    struct ObjectMaker {
        /// The indicators in their keys' sorted order, as the encoder sorts them, each
        /// with its key's bytes.
        private let indicators: [(Indicator, [UInt8])] = Indicator.allCases.sorted { $0.rawValue < $1.rawValue }
            .map { ($0, Array("      \"\($0.rawValue)\" : ".utf8)) }

        /// Each key as written, `    "key" : `.
        private enum Key {
            static func bytes(_ name: String) -> [UInt8] { Array("    \"\(name)\" : ".utf8) }
            static let cadre = bytes("cadre"), followUp = bytes("follow_up"), group = bytes("group"), head = bytes("head")
            static let id = bytes("id"), indicators = bytes("indicators"), lastCheck = bytes("last_check")
            static let meetsStandard = bytes("meets_standard"), members = bytes("members"), number = bytes("number")
            static let overdue = bytes("overdue"), village = bytes("village"), villageCode = bytes("village_code")
        }

        mutating func append(_ r: RosterRow, to out: inout [UInt8]) {
            out.append(contentsOf: "  {\n".utf8)
            key(Key.cadre, to: &out, first: true); string(r.cadre, to: &out)
            key(Key.followUp, to: &out); date(r.followUp, to: &out)
            key(Key.group, to: &out); string(r.group, to: &out)
            key(Key.head, to: &out); string(r.head, to: &out)
            key(Key.id, to: &out); string(r.id, to: &out)
            key(Key.indicators, to: &out)
            out.append(contentsOf: "{\n".utf8)
            for (k, (i, name)) in indicators.enumerated() {
                out.append(contentsOf: name)
                string(r.state(i).rawValue, to: &out)
                out.append(contentsOf: (k == indicators.count - 1 ? "\n" : ",\n").utf8)
            }
            out.append(contentsOf: "    }".utf8)
            key(Key.lastCheck, to: &out); date(r.lastCheck, to: &out)
            key(Key.meetsStandard, to: &out); out.append(contentsOf: (r.meetsStandard ? "true" : "false").utf8)
            key(Key.members, to: &out); digits(r.members, to: &out)
            key(Key.number, to: &out); string(r.number, to: &out)
            key(Key.overdue, to: &out); out.append(contentsOf: (r.overdue ? "true" : "false").utf8)
            key(Key.village, to: &out); string(r.village, to: &out)
            key(Key.villageCode, to: &out); string(r.villageCode, to: &out)
            out.append(contentsOf: "\n  }".utf8)
        }

        /// `"key" : `, after `,\n` ending the previous field (none before the first).
        private func key(_ bytes: [UInt8], to out: inout [UInt8], first: Bool = false) {
            if !first { out.append(contentsOf: ",\n".utf8) }
            out.append(contentsOf: bytes)
        }

        /// `"YYYY-MM-DD"` (a `LocalDate`'s year is 1-9999, written with four digits), or null.
        private func date(_ d: LocalDate?, to out: inout [UInt8]) {
            guard let d else { return out.append(contentsOf: "null".utf8) }
            func two(_ v: Int) {
                out.append(UInt8(ascii: "0") + UInt8(v / 10))
                out.append(UInt8(ascii: "0") + UInt8(v % 10))
            }
            out.append(UInt8(ascii: "\""))
            two(d.year / 100)
            two(d.year % 100)
            out.append(UInt8(ascii: "-"))
            two(d.month)
            out.append(UInt8(ascii: "-"))
            two(d.day)
            out.append(UInt8(ascii: "\""))
        }

        private func digits(_ n: Int, to out: inout [UInt8]) {
            if n >= 0 && n < 10 { out.append(UInt8(ascii: "0") + UInt8(n)) } else { out.append(contentsOf: String(n).utf8) }
        }

        /// A JSON string as the encoder writes it: as it is when nothing in it needs an
        /// escape, else through the encoder itself, so escapes are spelt alike.
        private func string(_ s: String?, to out: inout [UInt8]) {
            guard let s else { return out.append(contentsOf: "null".utf8) }
            if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: s.utf8)
                out.append(UInt8(ascii: "\""))
                return
            }
            let e = JSONEncoder()
            e.outputFormatting = [.withoutEscapingSlashes]
            out.append(contentsOf: (try? e.encode(s)).map { [UInt8]($0) } ?? Array("null".utf8))
        }
    }
}
