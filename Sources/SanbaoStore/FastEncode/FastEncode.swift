import Foundation
import SanbaoCore

/// Households and checks written as their JSON lines by hand: the bytes
/// `JSONCoding.encoder()` gives, several times faster. `JSONEncoder` was two thirds of
/// an import and most of a bundle (issue 15). The mirror of `FastDecode`: where it is not
/// sure to write the same bytes (a string holding a control character, whose escape is
/// the encoder's choice), it declines and `RecordLine` asks `JSONEncoder`.
enum FastEncode {
    static func household(_ h: Household) -> [UInt8]? {
        var o = JSONBytes(capacity: 1536)
        write(h, &o)
        return o.declined ? nil : o.bytes
    }

    static func check(_ c: Check) -> [UInt8]? {
        var o = JSONBytes(capacity: 768)
        write(c, &o)
        return o.declined ? nil : o.bytes
    }
}

/// The one way a record becomes its line in a data file or a bundle: by hand when
/// `FastEncode` is sure, else by `JSONEncoder` — the same bytes either way.
enum RecordLine {
    static func of<T: Encodable>(_ record: T) throws -> Data {
        if let h = record as? Household, let bytes = FastEncode.household(h) { return Data(bytes) }
        if let c = record as? Check, let bytes = FastEncode.check(c) { return Data(bytes) }
        return try JSONCoding.encoder().encode(record)
    }

    /// The line of `record` (no newline) appended to `out`: a county's files and bundles
    /// are made in one buffer each, not a buffer per record copied into it.
    static func append<T: Encodable>(_ record: T, to out: inout [UInt8]) throws {
        let start = out.count
        if record is Household || record is Check {
            var o = JSONBytes(capacity: 0)
            swap(&o.bytes, &out)  // moved, never copied
            if let h = record as? Household { FastEncode.write(h, &o) } else { FastEncode.write(record as! Check, &o) }
            swap(&o.bytes, &out)
            guard o.declined else { return }
            out.removeSubrange(start...)
        }
        out.append(contentsOf: try JSONCoding.encoder().encode(record))
    }
}
