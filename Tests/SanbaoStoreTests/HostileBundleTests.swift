import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// The attack suite for imports, kept as a test CI runs in seconds: the demo's bundle
/// made hostile (ids with `../`, NUL and newlines, bytes flipped, cut, values of the wrong
/// type or out of range, records doubled) and imported, plain and sealed. An import is
/// all or nothing: refused with a `StoreError` and not one byte of the data directory
/// changed, or taken; either way nothing is written outside the data directory, every
/// file stays 0600 and every directory 0700, and nothing crashes.
final class HostileBundleTests: XCTestCase {
    static let cases = 150
    let today = LocalDate(year: 2026, month: 11, day: 29)!

    /// Every entry under `dir` with its bytes (files) and mode.
    func snapshot(_ dir: String) -> [String: (Data?, Int)] {
        var out: [String: (Data?, Int)] = [:]
        let fm = FileManager.default
        for rel in (fm.enumerator(atPath: dir)?.allObjects as? [String] ?? []) where rel != ".lock" {
            let attrs = try? fm.attributesOfItem(atPath: dir + "/" + rel)
            let mode = (attrs?[.posixPermissions] as? Int) ?? -1
            let isDir = (attrs?[.type] as? FileAttributeType) == .typeDirectory
            out[rel] = (isDir ? nil : fm.contents(atPath: dir + "/" + rel), mode)
        }
        return out
    }

    /// A hostile change to the bundle's JSON text, with its name.
    static func hostile(_ text: String, _ r: inout ReaderFuzzTests.Random) -> (Data, String) {
        let id = "621121103201-0001"
        let swaps: [(String, String)] = [
            (id, "../../../tmp/sanbao-escape"), (id, "621121103201-0001\\u0000"), (id, "621121103201-0001\\n"),
            (id, "621121103201-0002"), ("\"village_code\":\"621121103201\"", "\"village_code\":\"../../x\""),
            ("\"schema_version\":1", "\"schema_version\":\"1\""), ("\"schema_version\":1", "\"schema_version\":0"),
            ("\"kind\":\"bundle\"", "\"kind\":\"checks\""), ("\"checks\":[", "\"checks\":[{},"),
            ("\"members\":[", "\"members\":[null,"), ("\"migrant_months\":0", "\"migrant_months\":1e400"),
            ("\"households\":[", "\"households\":[{\"id\":\"../x\"},"),
            ("\"phone\":", "\"phone\":\"1\",\"phone\":"), ("\"migrant_months\":0", "\"migrant_months\":7.0"),
            ("\"migrant_months\":0", "\"migrant_months\":18446744073709551616"),
        ]
        switch r.below(4) {
        case 0:
            let (a, b) = swaps[r.below(swaps.count)]
            guard let range = text.range(of: a) else { return (Data(text.utf8), "unchanged") }
            return (Data(text.replacingCharacters(in: range, with: b).utf8), "\(a) → \(b)")
        case 1:
            var d = [UInt8](text.utf8)
            let at = r.below(d.count)
            d[at] ^= UInt8(1 << r.below(8))
            return (Data(d), "bit flipped at \(at)")
        case 2:
            let at = r.below(text.utf8.count)
            return (Data(Array(text.utf8).prefix(at)), "cut to \(at)")
        default:
            // Every record doubled: the same ids twice.
            let doubled = text.replacingOccurrences(of: "\"checks\":[", with: "\"checks\":[\(Self.firstCheck(text)),")
            return (Data(doubled.utf8), "a check doubled")
        }
    }

    static func firstCheck(_ text: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let first = (object["checks"] as? [Any])?.first,
              let data = try? JSONSerialization.data(withJSONObject: first) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    func testHostileBundlesAreAllOrNothing() throws {
        let source = DataLayout(root: try Fixture.copy(Fixture.root + "/Fixtures/demo", self))
        let store = try Store(layout: source, write: false)
        let text = String(decoding: try store.bundle().encoded(), as: UTF8.self)
        store.close()
        let outside = NSTemporaryDirectory() + "sanbao-escape"
        var r = ReaderFuzzTests.Random(state: 61)
        var refused = 0, taken = 0, sealedRefused = 0
        let start = Date()
        for n in 0..<Self.cases {
            let (bytes, what) = Self.hostile(text, &r)
            // Every tenth a sealed one, its ciphertext changed: refused before any merge.
            var data = bytes, name = "case \(n): \(what)"
            if n % 10 == 0 {
                var sealed = try SealedBundle.seal(bytes, passphrase: "hostile-bundle", cost: SealCost(log2N: 10, r: 1, p: 1))
                sealed[SealedBundle.headerCount + r.below(sealed.count - SealedBundle.headerCount)] ^= 1
                data = sealed
                name += " (sealed, a byte changed)"
            }
            let dir = try Fixture.copy(Fixture.root + "/Fixtures/demo", self)
            let before = snapshot(dir)
            do {
                if SealedBundle.isSealed(data) {
                    do { data = try SealedBundle.open(data, passphrase: "hostile-bundle", name: "b") } catch {
                        sealedRefused += 1
                        throw error
                    }
                }
                let target = try Store(layout: DataLayout(root: dir), write: true)
                defer { target.close() }
                _ = try target.importBundle(data, name: "b.json", today: today)
                taken += 1
                // A key twice or a number not a plain integer means two readers read two bundles.
                XCTAssertFalse(["\"phone\":\"1\",\"phone\":", "7.0", "18446744073709551616"].contains { what.hasSuffix("→ " + $0) || what.contains("→ \"migrant_months\":" + $0) },
                               "\(name): taken")
            } catch is StoreError {
                refused += 1
                let after = snapshot(dir).filter { !$0.key.hasPrefix("index") }
                XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), name)
                for (k, v) in before where after[k]?.0 != v.0 { XCTFail("\(name): \(k) changed by a refused import") }
            } catch {
                XCTFail("\(name): not a StoreError: \(error)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: outside), "\(name): wrote outside the data directory")
            // What the import made or replaced is private (the fixture's own files are as committed).
            for (k, v) in snapshot(dir) where before[k] == nil || (v.0 != nil && before[k]?.0 != v.0) {
                XCTAssertEqual(v.1, v.0 == nil ? 0o700 : 0o600, "\(name): mode of \(k)")
            }
            try? FileManager.default.removeItem(atPath: dir)
        }
        let seconds = Date().timeIntervalSince(start)
        print("hostile bundles: \(Self.cases) imports, \(refused) refused (\(sealedRefused) sealed), \(taken) taken, 0 crashes, \(String(format: "%.1f", seconds)) s")
        XCTAssertGreaterThan(refused, Self.cases / 2)
        XCTAssertLessThan(seconds, 120, "bounded for CI")
    }
}
