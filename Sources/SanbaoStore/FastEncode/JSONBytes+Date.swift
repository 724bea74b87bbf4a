import SanbaoCore

extension JSONBytes {
    /// A date as `LocalDate.encode(to:)` writes it, `"YYYY-MM-DD"`, without making a String.
    mutating func date(_ d: LocalDate) {
        guard (0...9999).contains(d.year), (0...99).contains(d.month), (0...99).contains(d.day) else {
            return string(d.description)
        }
        bytes.append(UInt8(ascii: "\""))
        digits(d.year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(d.month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(d.day, 2)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func field(_ name: StaticString, _ v: LocalDate) { key(name); date(v) }
    mutating func field(_ name: StaticString, _ v: LocalDate?) { if let v { field(name, v) } }

    /// `v` (non-negative, below 10^`count`) in exactly `count` digits.
    private mutating func digits(_ v: Int, _ count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(v / divisor % 10))
            divisor /= 10
        }
    }
}
