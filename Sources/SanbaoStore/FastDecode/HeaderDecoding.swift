// The header line that opens every `.jsonl` file, read as the careful checks in
// `DatasetReader` would accept it: a valid JSON object (so valid UTF-8) whose
// `schema_version` is an integer this Sanbao reads (`checkVersion`), with `kind` and
// `village_code` strings (`LinesHeader`) and no other key. Anything else is nil: a
// missing, newer or odd version, a wrong type, a duplicate or unknown key. The careful checks then
// say what is wrong. Reading a header with JSONDecoder twice per file was 2 % of
// reading a county of 946 files.
extension FastDecode {
    static func header(_ line: UnsafeBufferPointer<UInt8>) -> LinesHeader? {
        var c = ByteCursor(line)
        c.skipSpace()
        guard let header = try? header(&c) else { return nil }
        c.skipSpace()
        return c.atEnd ? header : nil
    }

    static func header(_ line: [UInt8]) -> LinesHeader? {
        line.withUnsafeBufferPointer { header($0) }
    }

    private static func header(_ c: inout ByteCursor) throws(Reject) -> LinesHeader {
        var version: Int?
        var kind, villageCode: String?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("kind") {
                try seen.mark(0); kind = try c.string()
            } else if try c.key("schema_version") {
                try seen.mark(1); version = try c.int()
            } else if try c.key("village_code") {
                try seen.mark(2); villageCode = try c.string()
            } else {
                try c.skipField()
            }
        }
        let v = try required(version)
        guard v >= 1, v <= DataLayout.schemaVersion else { throw Reject() }
        return LinesHeader(schemaVersion: v, kind: try required(kind), villageCode: try required(villageCode))
    }
}
