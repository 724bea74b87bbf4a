/// A cell reference such as `B7` or `$AB$12`: only its column is needed, the row number
/// comes from the `<row>`.
enum CellReference {
    /// The column of `range` (A is 0), or nil when it starts with no letter.
    @inline(__always)
    static func column(_ xml: XMLScan, _ range: Range<Int>) -> Int? {
        var column = 0
        var letters = 0
        for k in range {
            let raw = xml.bytes[k]
            if raw == UInt8(ascii: "$"), letters == 0 { continue }
            let b = raw | 0x20
            guard b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z"), letters < 4 else { break }
            column = column * 26 + Int(b - UInt8(ascii: "a")) + 1
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }

}
