/// The index's row format: one JSON array of strings, integers and nulls per line.
/// Written and read here by hand because the index exists to be fast: 200,000 rows
/// parse in a fraction of the time `JSONDecoder` takes. Anything unexpected makes the
/// reader give up (nil), and the village is then rebuilt from the data files.
enum IndexLine {
    enum Value: Equatable {
        case string(String)
        case int(Int)
        case null
    }

    // MARK: Writing

    static func append(_ values: [Value], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (k, v) in values.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            switch v {
            case .null: out.append(contentsOf: "null".utf8)
            case .int(let n): out.append(contentsOf: String(n).utf8)
            case .string(let s): appendString(s, to: &out)
            }
        }
        out.append(contentsOf: "]\n".utf8)
    }

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: Reading

    /// Reads one array's values in order without building a list of them: the index
    /// reader asks for a string, then an optional string, and so on. Each call returns
    /// nil when the next value is not of that kind; `end()` checks nothing follows.
    struct Fields {
        var r: Reader
        var first = true

        init(_ line: UnsafeBufferPointer<UInt8>) { r = Reader(bytes: line) }

        /// Consumes `[` or `,` before the next value.
        private mutating func separator() -> Bool {
            let want = first ? UInt8(ascii: "[") : UInt8(ascii: ",")
            first = false
            return r.next() == want
        }

        mutating func string() -> String? {
            guard separator(), r.peek() == UInt8(ascii: "\"") else { return nil }
            return r.string()
        }

        /// `.some(nil)` for null, nil when neither a string nor null.
        mutating func optionalString() -> String?? {
            guard separator() else { return nil }
            if r.peek() == UInt8(ascii: "\"") { return r.string().map { .some($0) } }
            guard case .null? = r.value() else { return nil }
            return .some(nil)
        }

        mutating func int() -> Int? {
            guard separator(), case .int(let n)? = r.value() else { return nil }
            return n
        }

        /// Checks the next value is a string as `string()` would read it, without making it.
        mutating func skipString() -> Bool {
            guard separator(), r.peek() == UInt8(ascii: "\"") else { return false }
            return r.skipString()
        }

        /// The closing bracket, and nothing after it.
        mutating func end() -> Bool { r.next() == UInt8(ascii: "]") && r.i == r.bytes.count }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func next() -> UInt8? {
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            return bytes[i]
        }

        mutating func value() -> Value? {
            switch peek() {
            case UInt8(ascii: "\"")?: return string().map(Value.string)
            case UInt8(ascii: "n")?:
                guard i + 4 <= bytes.count, bytes[i + 1] == UInt8(ascii: "u"), bytes[i + 2] == UInt8(ascii: "l"),
                      bytes[i + 3] == UInt8(ascii: "l") else { return nil }
                i += 4
                return .null
            case let b? where b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")):
                return int().map(Value.int)
            default: return nil
            }
        }

        mutating func int() -> Int? {
            var negative = false
            if peek() == UInt8(ascii: "-") { negative = true; i += 1 }
            var n = 0
            var digits = 0
            while let b = peek(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int(b - UInt8(ascii: "0")))
                guard !o1, !o2 else { return nil }
                n = s
                digits += 1
                i += 1
            }
            return digits > 0 ? (negative ? -n : n) : nil
        }

        /// Moves past a string `string()` would accept (the same escapes, no control bytes).
        mutating func skipString() -> Bool {
            i += 1
            while let b = next() {
                switch b {
                case UInt8(ascii: "\""):
                    return true
                case UInt8(ascii: "\\"):
                    guard let e = next() else { return false }
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "n"), UInt8(ascii: "t"),
                         UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "f"):
                        continue
                    case UInt8(ascii: "u"):
                        guard i + 4 <= bytes.count, UInt8(hex: bytes[i..<(i + 4)]) != nil else { return false }
                        i += 4
                    default: return false
                    }
                default:
                    guard b >= 0x20 else { return false }
                }
            }
            return false
        }

        mutating func string() -> String? {
            i += 1
            let start = i
            // Fast path: no escapes, the bytes are the string.
            while let b = peek(), b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") {
                guard b >= 0x20 else { return nil }
                i += 1
            }
            guard let b = peek() else { return nil }
            if b == UInt8(ascii: "\"") {
                i += 1
                // The whole line was checked to be UTF-8 before (`VillageIndex.decode`).
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]), as: UTF8.self)
            }
            var out = Array(bytes[start..<i])
            while let b = next() {
                switch b {
                case UInt8(ascii: "\""):
                    return String(validating: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let e = next() else { return nil }
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        // The writer only escapes control characters, so \u00XX is enough.
                        guard i + 4 <= bytes.count, let code = UInt8(hex: bytes[i..<(i + 4)]) else { return nil }
                        out.append(code)
                        i += 4
                    default: return nil
                    }
                default:
                    guard b >= 0x20 else { return nil }
                    out.append(b)
                }
            }
            return nil
        }
    }
}

private extension UInt8 {
    /// `00XX` as hex, for a control character; nil for anything else.
    init?(hex: Slice<UnsafeBufferPointer<UInt8>>) {
        var v: UInt32 = 0
        for b in hex {
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v * 16 + d
        }
        guard v < 0x20 else { return nil }
        self = UInt8(v)
    }
}
