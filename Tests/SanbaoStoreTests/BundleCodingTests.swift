import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

/// A bundle read the fast way is the bundle `JSONDecoder` reads, or nothing; one written
/// on every core is byte for byte the one `JSONEncoder` writes whole.
final class BundleCodingTests: XCTestCase {
    func county() throws -> SanbaoStore.Bundle {
        let asOf = LocalDate(year: 2026, month: 11, day: 25)!
        let layout = DataLayout(root: Fixture.tempDir(self))
        var d = Generator.make(households: 600, seed: 5, asOf: asOf)
        // An edit whose value holds the markers the encoder splices at.
        let h = d.households[0]
        d.edits = [HouseholdEdit(id: "e-1", householdID: h.id, field: "phone", value: .object(["checks": .array([]), "households": .array([])]),
                                 parents: [], deviceID: "x", recordedAt: "2026-11-01T00:00:00Z")]
        try DatasetWriter(layout: layout).create(d, manifest: Manifest(deviceID: "test", created: "2026-11-01T00:00:00Z"))
        let store = try Store(layout: layout, write: false)
        return store.bundle()
    }

    func testTheFastReadingIsTheCarefulOne() throws {
        let bundle = try county()
        let data = try bundle.encoded()
        let fast = try XCTUnwrap(FastDecode.bundle([UInt8](data)), "a bundle Sanbao wrote is read the fast way")
        XCTAssertEqual(fast, try JSONCoding.decoder().decode(SanbaoStore.Bundle.self, from: data))
        XCTAssertEqual(try SanbaoStore.Bundle.decode(data, name: "b.json"), fast)
    }

    func testWhatTheFastReadingDeclines() throws {
        let data = try county().encoded()
        let text = String(decoding: data, as: UTF8.self)
        for changed in [text.replacingOccurrences(of: #""kind":"bundle""#, with: #""kind":"bundle","extra":1"#),
                        text.replacingOccurrences(of: #""schema_version":1"#, with: #""schema_version":1.0"#),
                        String(text.dropLast(2)),
                        text.replacingOccurrences(of: #""device_id":"#, with: #""device_id":"x","device_id":"#)] {
            XCTAssertNil(FastDecode.bundle(Array(changed.utf8)))
        }
        let newer = text.replacingOccurrences(of: #""schema_version":1"#, with: #""schema_version":2"#)
        XCTAssertThrowsError(try SanbaoStore.Bundle.decode(Data(newer.utf8), name: "b.json")) { error in
            XCTAssertEqual("\(error)".contains("newer Sanbao"), true, "\(error)")
        }
    }

    /// Records are cut out of a bundle by counting braces outside strings, then read
    /// strictly one by one: braces, brackets and escaped quotes inside strings do not
    /// move a cut, and a record left unbalanced or broken is declined, never misread.
    func testRecordsAreCutWhereTheyEnd() throws {
        var bundle = try county()
        bundle.households[0].phone = #"{"}[\"#
        bundle.households[1].members[0].name = #"\"}],{"#
        bundle.checks[0].note = "]}\\\"{\n"
        let data = try bundle.encoded()
        XCTAssertEqual(FastDecode.bundle([UInt8](data)), try JSONCoding.decoder().decode(SanbaoStore.Bundle.self, from: data))
        let text = String(decoding: data, as: UTF8.self)
        let first = try XCTUnwrap(text.range(of: #""address":{"#))
        for changed in [text.replacingCharacters(in: first, with: #""address":{{"#),
                        text.replacingCharacters(in: first, with: #""address":"#),
                        text.replacingOccurrences(of: "},{\"address\"", with: "} {\"address\""),
                        text.replacingOccurrences(of: "},{\"address\"", with: "},,{\"address\"")] {
            XCTAssertNil(FastDecode.bundle(Array(changed.utf8)))
            XCTAssertThrowsError(try JSONCoding.decoder().decode(SanbaoStore.Bundle.self, from: Data(changed.utf8)))
        }
    }

    /// Strings are passed eight bytes at a time while no quote or backslash is among them:
    /// an escaped quote, an escaped backslash before a closing quote, and braces, at every
    /// place of a word, in strings of every length around one, still cut where they end.
    func testEscapesAtEveryPlaceOfAWordDoNotMoveACut() throws {
        var bundle = try county()
        bundle.households = Array(bundle.households.prefix(3))
        bundle.checks = Array(bundle.checks.prefix(3))
        bundle.edits = []
        for special in [#""#, #"""#, #"""#, "}", "]{", "雒"] {
            for length in [1, 7, 8, 9, 15, 16, 17] {
                for at in 0..<length {
                    var chars = Array(repeating: "a", count: length)
                    chars[at] = special
                    var b = bundle
                    b.households[1].phone = chars.joined()
                    b.checks[1].note = chars.joined() + #""#
                    let data = try b.encoded()
                    XCTAssertEqual(FastDecode.bundle([UInt8](data)), b, "\(special) at \(at) of \(length)")
                }
            }
        }
    }

    /// A large bundle's bytes are copied in pieces on every core: every byte where it was.
    func testBytesCopiedInPiecesAreTheBytes() {
        for count in [0, 7, (1 << 20) - 1, 1 << 20, (1 << 20) + 13, 3_000_017] {
            let data = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
            XCTAssertEqual(FastDecode.bytes(of: data), [UInt8](data), "\(count) bytes")
        }
    }

    func testEncodingOnAllCoresGivesTheSameBytes() throws {
        let bundle = try county()
        XCTAssertEqual(try bundle.encodedOnAllCores(), try bundle.encoded())
        var empty = bundle
        empty.households = []
        empty.checks = []
        XCTAssertEqual(try empty.encodedOnAllCores(), try empty.encoded())
    }
}
