import Foundation
import SanbaoCore

/// `sanbao list --json` written row by row, byte for byte what `RosterJSON.encode`
/// (Foundation's `JSONEncoder`, pretty-printed, keys sorted) gives: a county's JSON is
/// several times the size of its rows, and building it whole held 200 MB for 20,000
/// households. Tests compare the two on the demo, a generated county and every damaged
/// fixture (`ListTests`); a new field of `RosterJSON.Row` must be added here too.
extension RosterJSON {
    static func write(_ rows: [RosterRow], to stream: OutStream) {
        guard !rows.isEmpty else {
            stream.json("[]\n")
            return
        }
        stream.json("[\n")
        for (k, r) in rows.enumerated() {
            stream.json(object(r) + (k == rows.count - 1 ? "\n" : ",\n"))
        }
        stream.json("]\n")
    }

    /// One row as the encoder indents it inside the array, keys in sorted order.
    static func object(_ r: RosterRow) -> String {
        var t = "  {\n"
        func field(_ key: String, _ value: String, last: Bool = false) {
            t += "    \"" + key + "\" : " + value + (last ? "\n" : ",\n")
        }
        field("cadre", string(r.cadre))
        field("follow_up", string(r.followUp?.description))
        field("group", string(r.group))
        field("head", string(r.head))
        field("id", string(r.id))
        t += "    \"indicators\" : {\n"
        let names = Indicator.allCases.map { ($0.rawValue, r.state($0).rawValue) }.sorted { $0.0 < $1.0 }
        for (k, (name, state)) in names.enumerated() {
            t += "      \"" + name + "\" : " + string(state) + (k == names.count - 1 ? "\n" : ",\n")
        }
        t += "    },\n"
        field("last_check", string(r.lastCheck?.description))
        field("meets_standard", r.meetsStandard ? "true" : "false")
        field("members", String(r.members))
        field("number", string(r.number))
        field("overdue", r.overdue ? "true" : "false")
        field("village", string(r.village))
        field("village_code", string(r.villageCode), last: true)
        return t + "  }"
    }

    /// A JSON string as the encoder writes it: as it is when nothing in it needs an
    /// escape, else through the encoder itself, so escapes are spelt exactly alike.
    static func string(_ s: String?) -> String {
        guard let s else { return "null" }
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + s + "\""
        }
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return (try? e.encode(s)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
