// FastDecode against the careful path it stands in for, line by line: on every real line
// (the demo village, generated counties) it must give exactly the value JSONDecoder gives;
// on odd and broken lines it must give that value or nil, never another value and never
// a value for a line the careful path rejects.
import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

final class FastDecodeTests: XCTestCase {
    static let asOf = LocalDate(year: 2026, month: 11, day: 25)!

    // MARK: Every real line

    func testEveryLineOfTheDemoVillage() throws {
        let root = Fixture.root + "/Fixtures/demo"
        var households = 0, checks = 0
        for line in try Self.lines(root + "/households/621121103201.jsonl") {
            XCTAssertTrue(try assertDecodesExactly(line, Household.self), "the fast decoder declined a line Sanbao wrote")
            households += 1
        }
        for line in try Self.lines(root + "/checks/621121103201.jsonl") {
            XCTAssertTrue(try assertDecodesExactly(line, Check.self), "the fast decoder declined a line Sanbao wrote")
            checks += 1
        }
        XCTAssertGreaterThan(households, 10)
        XCTAssertGreaterThan(checks, 10)
    }

    func testEveryLineOfGeneratedCounties() throws {
        let encoder = JSONCoding.encoder()
        for seed: UInt64 in [3, 11] {
            let data = Generator.make(households: 2000, seed: seed, asOf: Self.asOf)
            for h in data.households {
                let line = [UInt8](try encoder.encode(h))
                XCTAssertEqual(FastDecode.household(line), h, "seed \(seed), \(h.id)")
                XCTAssertTrue(try assertDecodesExactly(line, Household.self), "seed \(seed), \(h.id) declined")
            }
            for c in data.checks {
                let line = [UInt8](try encoder.encode(c))
                XCTAssertEqual(FastDecode.check(line), c, "seed \(seed), \(c.id)")
                XCTAssertTrue(try assertDecodesExactly(line, Check.self), "seed \(seed), \(c.id) declined")
            }
        }
    }

    /// The cadres file: exactly JSONDecoder's value on the demo's and a generated county's
    /// (pretty-printed, as written), nil for anything the careful path must word.
    func testTheCadresFile() throws {
        let demo = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixture.root + "/Fixtures/demo/cadres.json")))
        let county = [UInt8](try JSONCoding.prettyEncoder().encode(
            CadreFile(schemaVersion: 1, cadres: Generator.make(households: 2000, seed: 3, asOf: Self.asOf).cadres)))
        for bytes in [demo, county] {
            let fast = try XCTUnwrap(FastDecode.cadreFile(bytes), "a cadres file Sanbao wrote is read the fast way")
            let careful = try JSONCoding.decoder().decode(CadreFile.self, from: Data(bytes))
            XCTAssertEqual(fast.cadres, careful.cadres)
            XCTAssertEqual(fast.schemaVersion, careful.schemaVersion)
            XCTAssertGreaterThanOrEqual(fast.cadres.count, 3)
        }
        let text = String(decoding: demo, as: UTF8.self)
        for changed in [text.replacingOccurrences(of: #""phone""#, with: #""phnoe""#),
                        text.replacingOccurrences(of: #""unit" :"#, with: #""unit" : "x", "unit" :"#),
                        text.replacingOccurrences(of: #""schema_version" : 1"#, with: #""schema_version" : 1.0"#),
                        text.replacingOccurrences(of: #""level" : "county""#, with: #""level" : "nation""#),
                        text.replacingOccurrences(of: #""cadres""#, with: #""cadre""#),
                        String(text.dropLast(3))] {
            XCTAssertNotEqual(changed, text)
            XCTAssertNil(FastDecode.cadreFile(Array(changed.utf8)))
        }
    }

    /// Findings are built from a shared layout (`FindingsLayout`): lookups, iteration
    /// and changes must behave as in a dictionary JSONDecoder built.
    func testFindingsBehaveAsAnyDictionary() throws {
        for line in try Self.lines(Fixture.root + "/Fixtures/demo/checks/621121103201.jsonl") {
            let fast = try XCTUnwrap(FastDecode.check(line)).findings
            let slow = try XCTUnwrap(Self.careful(line, Check.self)).findings
            for indicator in Indicator.allCases { XCTAssertEqual(fast[indicator], slow[indicator]) }
            XCTAssertEqual(Set(fast.keys), Set(slow.keys))
            XCTAssertEqual(fast.count, slow.count)
            var a = fast, b = slow
            a[.water] = Finding(state: .met, note: "x")
            b[.water] = Finding(state: .met, note: "x")
            a.removeValue(forKey: .income)
            b.removeValue(forKey: .income)
            XCTAssertEqual(a, b)
            XCTAssertEqual(FastDecode.check(line)?.findings, slow, "the shared layout is not changed by a change to one")
        }
    }

    /// The files `DatasetWriter` writes for a generated county, line by line (header skipped).
    func testEveryLineWrittenByDatasetWriter() throws {
        let data = Generator.make(households: 600, seed: 5, asOf: Self.asOf)
        let files = try DatasetWriter.files(data, manifest: Manifest(deviceID: "t", created: "2026-11-25T00:00:00Z"))
        var seen = 0
        for (path, bytes) in files where path.hasSuffix(".jsonl") && !path.hasPrefix("edits/") {
            for line in JSONLines.split([UInt8](bytes)).dropFirst() {
                let text = Array([UInt8](bytes)[line.range])
                let taken = path.hasPrefix("households/") ? try assertDecodesExactly(text, Household.self) : try assertDecodesExactly(text, Check.self)
                XCTAssertTrue(taken, "the fast decoder declined a line DatasetWriter wrote: \(path)")
                seen += 1
            }
        }
        XCTAssertEqual(seen, data.households.count + data.checks.count)
    }

    /// Every record line of every `Fixtures/invalid` case, broken ones included (cut off,
    /// wrong type, not UTF-8, unknown indicator …): equal to the careful value or declined.
    func testEveryLineOfEveryInvalidFixture() throws {
        let invalid = Fixture.root + "/Fixtures/invalid"
        var declined = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: invalid) where !name.hasSuffix(".md") {
            for (dir, isHousehold) in [("households", true), ("checks", false)] {
                for line in try Self.lines("\(invalid)/\(name)/\(dir)/621121103201.jsonl") {
                    if isHousehold {
                        try assertDecodesExactly(line, Household.self, name)
                        if FastDecode.household(line) == nil { declined += 1 }
                    } else {
                        try assertDecodesExactly(line, Check.self, name)
                        if FastDecode.check(line) == nil { declined += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(declined, 4, "the truncated, wrong-type, invalid UTF-8 and unknown-indicator lines")
    }

    // MARK: Odd but valid lines the fast path takes itself

    func testOddButValidHouseholdLinesAreDecodedTheSame() throws {
        let base = try Self.demoLine(Household.self)
        let variants: [(String, String)] = [
            ("escapes in a name", Self.replacing(base, #""name":"常有福""#, #""name":"常\"有\\福\/\b\f\n\r\t""#)),
            ("\\u escapes, upper and lower case hex", Self.replacing(base, #""name":"常有福""#, #""name":"\u5e38\u6709\u798F""#)),
            ("a surrogate pair", Self.replacing(base, #""name":"常有福""#, #""name":"常\ud83d\ude00福\uD83D\uDE00""#)),
            ("\\u0000", Self.replacing(base, #""name":"常有福""#, #""name":"a\u0000b""#)),
            ("U+FFFF and a 4-byte character", Self.replacing(base, #""name":"常有福""#, "\"name\":\"\u{FFFF}𠀀\"")),
            ("optional keys left out", Self.replacing(Self.replacing(base, #","chronic_card":true"#, ""), #""insured":true,"#, "")),
            ("optional keys as null", Self.replacing(Self.replacing(base, #""chronic_card":true"#, #""chronic_card":null"#), #""out_of_poverty_year":2019"#, #""out_of_poverty_year":null"#)),
            ("optional objects as null", Self.replacing(base, Self.between(base, #""food_clothing":"#, #","housing""#), #""food_clothing":null"#)),
            ("whitespace everywhere", Self.spaced(base)),
            ("whitespace around the line", " \t" + base + " \t\r"),
            ("negative and zero numbers", Self.replacing(base, #""migrant_months":0"#, #""migrant_months":-12"#)),
            ("big integers", Self.replacing(base, #""per_capita":10500"#, #""per_capita":999999999999999999"#)),
            ("empty strings", Self.replacing(base, #""phone":"15148547355""#, #""phone":"""#)),
        ]
        for (what, line) in variants {
            let bytes = Array(line.utf8)
            XCTAssertNotNil(FastDecode.household(bytes), "the fast path should take: \(what)")
            try assertDecodesExactly(bytes, Household.self, what)
        }
    }

    func testOddButValidCheckLinesAreDecodedTheSame() throws {
        let base = try Self.demoLine(Check.self, containing: #""follow_up""#)
        let variants: [(String, String)] = [
            ("no measures, confirmed, note", Self.replacing(Self.replacing(base, #""confirmed":true,"#, ""),
                                                            "," + Self.between(base, #""measures":"#, #","observations""#), "")),
            ("null measures, confirmed, note", Self.replacing(Self.replacing(base, #""confirmed":true"#, #""confirmed":null"#),
                                                              Self.between(base, #""measures":"#, #","observations""#), #""measures":null,"note":null"#)),
            ("empty findings", Self.replacing(base, Self.between(base, #""findings":"#, #","follow_up""#), #""findings":{}"#)),
            ("finding without note, with null state", Self.replacing(base, #""education":{"note":""}"#, #""education":{"state":null}"#)),
            ("finding with a state", Self.replacing(base, #""education":{"note":""}"#, #""education":{"note":"x","state":"not_met"}"#)),
            ("observations with every key", Self.replacing(base, #""observations":{"#, #""observations":{"income":{"per_capita":5000,"year":2026},"food_clothing":{"enough_food":true,"seasonal_clothes":false,"winter_bedding":true},"water":{"piped_to_yard":false,"scarce_area":true,"source":"rain_cellar","litres_per_person_day":null},"housing":{"grade":"D","relocated":true,"renovation":"rebuilt","renovation_date":"2024-02-29"},"#)),
            ("observations without members", Self.replacing(base, Self.between(base, #""observations":"#, #","recorded_at""#), #""observations":{}"#)),
            ("observations as null", Self.replacing(base, Self.between(base, #""observations":"#, #","recorded_at""#), #""observations":null"#)),
            ("member observation with every key", Self.replacing(base, #"{"insured":false,"member_id":3}"#, #"{"chronic_card":true,"education_exemption":"home_teaching","family_doctor":false,"health":"serious","insured":null,"member_id":3,"school":"dropped_out"}"#)),
            ("a supersedes", Self.replacing(base, #""recorded_at":"#, #""supersedes":"demo-0001","recorded_at":"#)),
            ("CR inside", Self.replacing(base, #","date":"#, "\r,\r\"date\"\r:\r")),
        ]
        for (what, line) in variants {
            let bytes = Array(line.utf8)
            XCTAssertNotNil(FastDecode.check(bytes), "the fast path should take: \(what)")
            try assertDecodesExactly(bytes, Check.self, what)
        }
    }

    // MARK: Lines the fast path declines (the careful path decides)

    func testLinesLeftToTheCarefulPath() throws {
        let base = try Self.demoLine(Household.self)
        let declined: [(String, String)] = [
            ("duplicate key", Self.replacing(base, #""id":"#, #""phone":"1","id":"#)),
            ("duplicate key inside a member", Self.replacing(base, #""name":"常有福""#, #""name":"常有福","name":"x""#)),
            ("escaped key", Self.replacing(base, #""number":"#, #""\u006eumber":"#)),
            ("escaped vocabulary word", Self.replacing(base, #""sex":"male""#, #""sex":"\u006dale""#)),
            ("escaped date", Self.replacing(base, #""birth_date":"1945-02-16""#, #""birth_date":"1945\u002d02-16""#)),
            ("integer written 1.0", Self.replacing(base, #""migrant_months":0"#, #""migrant_months":0.0"#)),
            ("integer written 1e2", Self.replacing(base, #""migrant_months":0"#, #""migrant_months":1e2"#)),
            ("integer of 19 digits", Self.replacing(base, #""per_capita":10500"#, #""per_capita":1000000000000000000"#)),
            ("non-ASCII unknown key", Self.replacing(base, #""id":"#, #""备注":1,"id":"#)),
            ("too deep", Self.replacing(base, #""id":"#, #""x":\#(String(repeating: "[", count: 70))\#(String(repeating: "]", count: 70)),"id":"#)),
            ("lone surrogate in an unknown key's value", Self.replacing(base, #""id":"#, #""x":"\ud800","id":"#)),
            ("unknown keys of every type", Self.replacing(base, #""id":"#, #""zz":{"a":[1,-2.5e-3,true,false,null,"x\u0041",{}],"b":[]},"aa":0,"n":1E+400,"id":"#)),
            ("unknown key inside a member", Self.replacing(base, #""name":"常有福""#, #""name":"常有福","nickname":"老常""#)),
            ("unknown key repeated", Self.replacing(base, #""id":"#, #""x":1,"x":2,"id":"#)),
        ]
        for (what, line) in declined {
            let bytes = Array(line.utf8)
            XCTAssertNil(FastDecode.household(bytes), "the fast path should decline: \(what)")
            try assertDecodesExactly(bytes, Household.self, what)
        }
    }

    func testBrokenLinesAreNeverTaken() throws {
        let base = try Self.demoLine(Household.self)
        let broken: [(String, String)] = [
            ("missing required key", Self.replacing(base, #""phone":"15148547355","#, "")),
            ("missing required key in a member", Self.replacing(base, #""labour":"lost","#, "")),
            ("null for a required key", Self.replacing(base, #""phone":"15148547355""#, #""phone":null"#)),
            ("wrong type: string for an integer", Self.replacing(base, #""migrant_months":0"#, #""migrant_months":"三个月""#)),
            ("wrong type: number for a string", Self.replacing(base, #""phone":"15148547355""#, #""phone":15148547355"#)),
            ("wrong type: number for a bool", Self.replacing(base, #""insured":true"#, #""insured":1"#)),
            ("wrong type: object for an array", Self.replacing(base, #""pairings":["#, #""pairings":{"a":["#)),
            ("unknown vocabulary word", Self.replacing(base, #""sex":"male""#, #""sex":"Male""#)),
            ("impossible date", Self.replacing(base, #""birth_date":"1945-02-16""#, #""birth_date":"1945-02-30""#)),
            ("short date", Self.replacing(base, #""birth_date":"1945-02-16""#, #""birth_date":"1945-2-16""#)),
            ("leading zero", Self.replacing(base, #""migrant_months":0"#, #""migrant_months":01"#)),
            ("trailing comma", Self.replacing(base, #""members":["#, #""x":[1,],"members":["#)),
            ("trailing comma in object", String(base.dropLast()) + ",}"),
            ("number 1.", Self.replacing(base, #""id":"#, #""x":1.,"id":"#)),
            ("bad escape in unknown value", Self.replacing(base, #""id":"#, #""x":"\q","id":"#)),
            ("control character", Self.replacing(base, #""phone":"15148547355""#, "\"phone\":\"1\t2\"")),
            ("second value", base + "{}"),
            ("not an object", "[" + base + "]"),
            ("empty", ""),
            ("byte order mark", "\u{FEFF}" + base),
            ("lone surrogate", Self.replacing(base, #""name":"常有福""#, #""name":"\ud800""#)),
        ]
        for (what, line) in broken {
            let bytes = Array(line.utf8)
            XCTAssertNil(FastDecode.household(bytes), "must decline: \(what)")
            try assertDecodesExactly(bytes, Household.self, what)
        }
        let check = try Self.demoLine(Check.self)
        for (what, line) in [
            ("unknown indicator", Self.replacing(check, #""education":{"#, #""sanitation":{"note":""},"education":{"#)),
            ("duplicate indicator", Self.replacing(check, #""education":{"#, #""education":{"note":""},"education":{"#)),
            ("finding not an object", Self.replacing(check, #""education":{"note":""}"#, #""education":null"#)),
            ("unknown state", Self.replacing(check, #""education":{"note":""}"#, #""education":{"note":"","state":"done"}"#)),
            ("findings missing", Self.replacing(check, #""findings":"#, #""findingz":"#)),
        ] {
            let bytes = Array(line.utf8)
            XCTAssertNil(FastDecode.check(bytes), "must decline: \(what)")
            try assertDecodesExactly(bytes, Check.self, what)
        }
    }

    func testInvalidUTF8IsNeverTaken() throws {
        let base = Array(try Self.demoLine(Household.self).utf8)
        let name = Array("常有福".utf8)
        let at = try XCTUnwrap(Self.firstIndex(of: name, in: base))
        let bad: [[UInt8]] = [[0xFF], [0xFE, 0xFF], [0xC0, 0x80], [0xE5, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                              [0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80], [0x80], [0xE5, 0x41, 0x41]]
        for seq in bad {
            var line = base
            line.replaceSubrange(at..<at + 3, with: seq)
            XCTAssertNil(FastDecode.household(line), "must decline \(seq)")
            try assertDecodesExactly(line, Household.self, "\(seq)")
            // Outside a string too, and inside an unknown key's value.
            var outside = base
            outside.insert(contentsOf: seq, at: 1)
            XCTAssertNil(FastDecode.household(outside))
            var unknown = base
            unknown.insert(contentsOf: Array(#""x":""#.utf8) + seq + Array(#"","#.utf8), at: 1)
            XCTAssertNil(FastDecode.household(unknown))
            try assertDecodesExactly(unknown, Household.self, "unknown \(seq)")
        }
    }

    // MARK: Header lines

    func testHeaderLinesAreReadAsTheCarefulChecksRead() throws {
        let good = #"{"kind":"checks","schema_version":1,"village_code":"621121103201"}"#
        let taken = [
            good,
            #" { "village_code" : "621121103201" , "schema_version" : 1 , "kind" : "checks" } "#,
        ]
        let declined = [
            #"{"kind":"checks","schema_version":1,"village_code":"621121103201","note":[1,{}]}"#,
            #"{"kind":"checks","schema_version":0,"village_code":""}"#,
            #"{"kind":"checks","schema_version":2,"village_code":"621121103201"}"#,
            #"{"kind":"checks","village_code":"621121103201"}"#,
            #"{"kind":"checks","schema_version":null,"village_code":"621121103201"}"#,
            #"{"kind":"checks","schema_version":"1","village_code":"621121103201"}"#,
            #"{"kind":"checks","schema_version":1.0,"village_code":"621121103201"}"#,
            #"{"kind":"checks","schema_version":1,"schema_version":2,"village_code":"621121103201"}"#,
            #"{"kind":"checks","schema_version":1,"village_code":621121103201}"#,
            #"{"kind":"checks","schema_version":1}"#,
            #"{"kind":"checks","schema_version":1,"village_code":"6211"#,
            #"["checks"]"#,
        ]
        for line in taken {
            let fast = try XCTUnwrap(FastDecode.header(Array(line.utf8)), line)
            XCTAssertEqual(fast, Self.carefulHeader(Array(line.utf8)), line)
        }
        for line in declined {
            XCTAssertNil(FastDecode.header(Array(line.utf8)), line)
        }
        let bytes = Array(good.utf8)
        for n in 0..<bytes.count {
            XCTAssertNil(FastDecode.header(Array(bytes[..<n])), "cut at \(n)")
            var changed = bytes
            changed[n] = 0xFF
            XCTAssertNil(FastDecode.header(changed), "byte \(n) invalid")
        }
    }

    // MARK: Systematic damage

    /// Every prefix of a household and a check line (a write cut off anywhere).
    func testEveryTruncation() throws {
        for line in [Array(try Self.demoLine(Household.self).utf8), Array(try Self.demoLine(Check.self, containing: #""follow_up""#).utf8)] {
            for n in 0..<line.count {
                try assertAgrees(Array(line[..<n]), "cut at \(n)")
            }
        }
    }

    /// Every byte of a check line replaced by each of a set of troublesome bytes, or removed.
    func testEveryByteReplacedOrRemoved() throws {
        let line = Array(try Self.demoLine(Check.self, containing: #""observations""#).utf8)
        let replacements: [UInt8] = Array(#""\,:{}[]0-.e tnx"#.utf8) + [0x00, 0x0A, 0x7F, 0x80, 0xFF]
        for k in 0..<line.count {
            var removed = line
            removed.remove(at: k)
            try assertAgrees(removed, "removed \(k)")
            for r in replacements where r != line[k] {
                var changed = line
                changed[k] = r
                try assertDecodesExactly(changed, Check.self, "byte \(k) → \(r)")
            }
        }
    }

    /// Quotes, backslashes and control bytes at every offset of a string, so the
    /// eight-bytes-at-a-time scan is tried at every alignment.
    func testSpecialBytesAtEveryOffsetOfAString() throws {
        let base = try Self.demoLine(Household.self)
        for offset in 0..<20 {
            for special in ["\\\"", "\\\\", "\\n", "\\u00e9", "é", "\u{1}", "\"", "\\"] {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 20 - offset)
                let line = Self.replacing(base, #""phone":"15148547355""#, "\"phone\":\"\(text)\"")
                try assertAgrees(Array(line.utf8), "offset \(offset) \(special)")
            }
        }
    }

    // MARK: Helpers

    /// The careful path's verdict on a line, as `DatasetReader` runs it when the fast
    /// path declines: valid UTF-8, then `JSONSyntax`, then `JSONDecoder`.
    static func careful<T: Codable>(_ line: [UInt8], _ type: T.Type) -> T? {
        guard JSONLines.firstInvalidUTF8(line, 0..<line.count) == nil,
              JSONSyntax.firstError(line, 0..<line.count) == nil,
              let value = try? JSONCoding.decoder().decode(T.self, from: Data(line)),
              UnknownKeys.first(in: line[...], decoded: value) == nil else { return nil }
        return value
    }

    /// The careful checks of a header line in `DatasetReader`: UTF-8, the version probe
    /// (a missing or newer version stops the file), then `LinesHeader`.
    static func carefulHeader(_ line: [UInt8]) -> LinesHeader? {
        guard JSONLines.firstInvalidUTF8(line, 0..<line.count) == nil else { return nil }
        if let probe = try? JSONCoding.decoder().decode(VersionProbe.self, from: Data(line)) {
            guard let v = probe.schemaVersion, v <= DataLayout.schemaVersion else { return nil }
        }
        guard JSONSyntax.firstError(line, 0..<line.count) == nil,
              let header = try? JSONCoding.decoder().decode(LinesHeader.self, from: Data(line)),
              UnknownKeys.first(in: line[...], decoded: header) == nil else { return nil }
        return header
    }

    static func fast<T>(_ line: [UInt8], _ type: T.Type) -> T? {
        if T.self == Household.self { return FastDecode.household(line) as? T }
        if T.self == Check.self { return FastDecode.check(line) as? T }
        return nil
    }

    /// The fast value is nil or the careful value; a line the careful path decodes and the
    /// fast path declines is allowed (it is only slower). Values are compared as values
    /// and as the bytes they encode to, so two spellings of one string cannot pass as equal.
    /// Whether the fast decoder took the line (then its value must be the careful one's).
    /// Lines Sanbao itself wrote must be taken: callers assert it, so a fast decoder that
    /// declined everything cannot pass for one that agrees (issue 20).
    @discardableResult
    func assertDecodesExactly<T: Codable & Equatable>(_ line: [UInt8], _ type: T.Type, _ what: String = "",
                                                      file: StaticString = #filePath, line number: UInt = #line) throws -> Bool {
        guard let fast = Self.fast(line, T.self) else { return false }
        guard let slow = Self.careful(line, T.self) else {
            XCTFail("fast path took a line the careful path rejects: \(what) \(String(decoding: line, as: UTF8.self))", file: file, line: number)
            return true
        }
        XCTAssertEqual(fast, slow, what, file: file, line: number)
        let encoder = JSONCoding.encoder()
        XCTAssertEqual(try encoder.encode(fast), try encoder.encode(slow), what, file: file, line: number)
        return true
    }

    /// As `assertDecodesExactly`, for households and checks alike.
    func assertAgrees(_ line: [UInt8], _ what: String, file: StaticString = #filePath, line number: UInt = #line) throws {
        try assertDecodesExactly(line, Household.self, what, file: file, line: number)
        try assertDecodesExactly(line, Check.self, what, file: file, line: number)
    }

    static func lines(_ path: String) throws -> [[UInt8]] {
        let bytes = [UInt8](try XCTUnwrap(FileManager.default.contents(atPath: path)))
        return JSONLines.split(bytes).dropFirst().map { Array(bytes[$0.range]) }
    }

    /// The household of the example in docs/data-format.md: every kind of field once.
    static let household = #"{"address":{"city":"定西市","county":"通渭县","group":"三组","province":"甘肃省","township":"榜罗镇","village":"文峰村","village_code":"621121103201"},"causes":{"main":"lack_of_labour","others":["illness"]},"food_clothing":{"enough_food":true,"seasonal_clothes":true,"winter_bedding":true},"housing":{"appraisal_date":"2019-05-06","grade":"B","relocated":false,"renovation":"none","structure":"brick_concrete"},"id":"621121103201-0022","income":[{"per_capita":10500,"year":2024},{"per_capita":11500,"year":2025},{"per_capita":11650,"year":2026}],"measures":[{"amount":9600,"breakthrough":"public_services","progress":"in_progress","start":"2016-01-01","what":"特困人员供养金"},{"breakthrough":"public_services","progress":"in_progress","start":"2019-03-01","what":"家庭医生签约服务"}],"members":[{"birth_date":"1945-02-16","chronic_card":true,"family_doctor":true,"health":"chronic","id":1,"id_number":"621121194502164438","insured":true,"labour":"lost","medical_assistance":true,"migrant_months":0,"name":"常有福","relation":"head","serious_illness_insurance":true,"sex":"male"}],"number":"6211211032010022","pairings":[{"cadre_id":"c2","start":"2021-03-15"}],"phone":"15148547355","status":{"out_of_poverty_year":2019,"risk_removed":false,"risks":[]},"type":"extreme_poverty","water":{"days_cut_per_year":1,"litres_per_person_day":55,"piped_to_yard":true,"quality_ok":true,"scarce_area":false,"source":"piped"}}"#

    /// The docs' example household, or a check of the demo village (the one that found a
    /// member uninsured: a follow-up date and observations) with the given text in it.
    static func demoLine<T>(_ type: T.Type, containing text: String = "") throws -> String {
        if T.self == Household.self { return household }
        let all = try lines(Fixture.root + "/Fixtures/demo/checks/621121103201.jsonl").map { String(decoding: $0, as: UTF8.self) }
        return try XCTUnwrap(all.first { $0.contains(#""observations":{"members":[{"insured":false,"member_id":3}]}"#) && (text.isEmpty || $0.contains(text)) })
    }

    /// `line` with the first `old` replaced by `new`; the test fails when there is no `old`.
    static func replacing(_ line: String, _ old: String, _ new: String) -> String {
        guard let r = line.range(of: old) else {
            XCTFail("no \(old) in the line")
            return line
        }
        return line.replacingCharacters(in: r, with: new)
    }

    /// The text from `start` up to (not including) `end`.
    static func between(_ line: String, _ start: String, _ end: String) -> String {
        guard let a = line.range(of: start), let b = line.range(of: end, range: a.upperBound..<line.endIndex) else {
            XCTFail("no \(start)…\(end) in the line")
            return start
        }
        return String(line[a.lowerBound..<b.lowerBound])
    }

    /// Whitespace after every structural character outside strings.
    static func spaced(_ line: String) -> String {
        var out = ""
        var inString = false
        var escaped = false
        for ch in line {
            out.append(ch)
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
            } else if ch == "\"" {
                inString = true
            } else if "{}[],:".contains(ch) {
                out += " \t\r\n "
            }
        }
        return out
    }

    static func firstIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard needle.count <= hay.count else { return nil }
        return (0...(hay.count - needle.count)).first { Array(hay[$0..<$0 + needle.count]) == needle }
    }
}
