import SanbaoCore

// The cadres file, read as JSONDecoder reads it (FileFormat.swift's CadreFile, Cadre.swift):
// every key required, none unknown or given twice, strict JSON — else nil, and the careful
// path says what is wrong. Every command reads this file first; a county's has thousands
// of cadres, and JSONDecoder with the unknown-key check was a third of `show`.
extension FastDecode {
    static func cadreFile(_ bytes: [UInt8]) -> CadreFile? {
        value { slot in bytes.withUnsafeBufferPointer { whole($0, into: slot) { c throws(Reject) in try cadreFile(&c) } } }
    }

    static func cadreFile(_ c: inout ByteCursor) throws(Reject) -> CadreFile {
        var schemaVersion: Int?
        var cadres: [Cadre]?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("schema_version") {
                try seen.mark(0); schemaVersion = try c.int()
            } else if try c.key("cadres") {
                try seen.mark(1); cadres = try c.array { c throws(Reject) in try cadre(&c) }
            } else {
                try c.skipField()
            }
        }
        return CadreFile(schemaVersion: try required(schemaVersion), cadres: try required(cadres))
    }

    static func cadre(_ c: inout ByteCursor) throws(Reject) -> Cadre {
        var id, name, unit, phone: String?
        var level: UnitLevel?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("id") {
                try seen.mark(0); id = try c.string()
            } else if try c.key("name") {
                try seen.mark(1); name = try c.string()
            } else if try c.key("unit") {
                try seen.mark(2); unit = try c.string()
            } else if try c.key("level") {
                try seen.mark(3); level = try c.word(Words.unitLevel)
            } else if try c.key("phone") {
                try seen.mark(4); phone = try c.string()
            } else {
                try c.skipField()
            }
        }
        return Cadre(id: try required(id), name: try required(name), unit: try required(unit),
                     level: try required(level), phone: try required(phone))
    }
}
