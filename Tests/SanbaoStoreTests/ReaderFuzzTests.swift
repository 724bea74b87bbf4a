import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// The attack suite for the readers, kept as a test CI runs in seconds: the demo
/// village's files mutated a few hundred ways (bytes flipped, cut, inserted; lines
/// doubled, swapped, dropped; digits and keys changed), each read by every path a
/// command takes. No input may crash or hang a reader, or throw anything but a
/// `StoreError`; the fast decoder must give what the careful one gives; validating
/// the whole directory and village by village must agree on whether there are errors.
final class ReaderFuzzTests: XCTestCase {
    static let cases = 400
    let today = LocalDate(year: 2026, month: 11, day: 29)!

    /// SplitMix64: the same mutations on every run, so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    }

    static let files = ["households/621121103201.jsonl", "checks/621121103201.jsonl", "cadres.json", "sanbao.json"]

    /// One mutation of `bytes`, and its name for the failure message.
    static func mutate(_ bytes: [UInt8], _ r: inout Random) -> ([UInt8], String) {
        var b = bytes
        let at = r.below(b.count)
        var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        func joined() -> [UInt8] { Array(lines.joined(separator: [0x0A])) }
        let tokens: [String] = ["\"x\":1,", "null", "-1", "1e400", "7.0", "18446744073709551616", "\"\u{0}\"", "[", "}",
                                "\"../../etc\"", "\u{FEFF}", "\"schema_version\":2,", "\"id\":\"dup\",", "\\ud800", "\u{1B}]0;x\u{07}"]
        switch r.below(9) {
        case 0: b[at] ^= UInt8(1 << r.below(8)); return (b, "bit flipped at \(at)")
        case 1: return (Array(b.prefix(at)), "cut to \(at)")
        case 2:
            let n = min(b.count - at, 1 + r.below(40))
            b.removeSubrange(at..<(at + n)); return (b, "\(n) bytes removed at \(at)")
        case 3:
            let t = tokens[r.below(tokens.count)]
            b.insert(contentsOf: Array(t.utf8), at: at); return (b, "\(t) inserted at \(at)")
        case 4:
            let k = r.below(lines.count); lines.insert(lines[k], at: k); return (joined(), "line \(k + 1) doubled")
        case 5:
            let i = r.below(lines.count), j = r.below(lines.count); lines.swapAt(i, j); return (joined(), "lines \(i + 1), \(j + 1) swapped")
        case 6:
            let k = r.below(lines.count); lines.remove(at: k); return (joined(), "line \(k + 1) dropped")
        case 7:
            guard let d = b.indices.dropFirst(at).first(where: { (0x30...0x39).contains(b[$0]) }) else { return (b, "unchanged") }
            b[d] = 0x30 + UInt8(r.below(10)); return (b, "digit at \(d) changed")
        default:
            b.append(contentsOf: Array("{\"id\":\"x\"}\n".utf8).prefix(1 + r.below(12))); return (b, "a partial line appended")
        }
    }

    /// Where an independent reader (Foundation's `JSONSerialization`, whole values
    /// compared) sees other content in `file` than what Sanbao read from it: a key Sanbao
    /// dropped, a second value it ignored, a number it rounded. Data called clean must
    /// mean the same to any reader (issue 16, point 6). Lines of a record file by line
    /// number; a document as "whole".
    static func unread(_ bytes: [UInt8], _ file: String, _ read: LoadResult) -> [String] {
        func canonical(_ value: Any?) -> Data? {
            value.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
        }
        func encoded<T: Encodable>(_ value: T) -> Any? {
            (try? JSONCoding.encoder().encode(value)).flatMap { try? JSONSerialization.jsonObject(with: $0) }
        }
        func parsed(_ bytes: ArraySlice<UInt8>) -> Any? { try? JSONSerialization.jsonObject(with: Data(bytes)) }
        switch file {
        case "cadres.json":
            return canonical(parsed(bytes[...])) == canonical(encoded(CadreFile(schemaVersion: 1, cadres: read.dataset.cadres))) ? [] : ["whole"]
        case "sanbao.json":
            return canonical(parsed(bytes[...])) == canonical(read.manifest.flatMap { encoded($0) }) ? [] : ["whole"]
        default:
            let records: [String: Any?] = file.hasPrefix("households")
                ? Dictionary(read.bases.map { ($0.id, encoded($0)) }, uniquingKeysWith: { a, _ in a })
                : Dictionary(read.dataset.checks.map { ($0.id, encoded($0)) }, uniquingKeysWith: { a, _ in a })
            var out: [String] = []
            for (n, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().dropFirst() {
                guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
                let object = parsed(line)
                let id = (object as? [String: Any])?["id"] as? String
                if canonical(object) == nil || canonical(object) != canonical(id.flatMap { records[$0] } ?? nil) { out.append("line \(n + 1)") }
            }
            return out
        }
    }

    func testMutatedFilesNeverCrashAndBothDecodersAgree() throws {
        let dir = try Fixture.copy(Fixture.root + "/Fixtures/demo", self)
        let layout = DataLayout(root: dir)
        let originals = try Self.files.map { try XCTUnwrap(FileManager.default.contents(atPath: layout.path($0))) }
        var r = Random(state: 16)
        var refused = 0, withErrors = 0, silent = 0
        let start = Date()
        for n in 0..<Self.cases {
            let k = r.below(Self.files.count)
            let (bytes, what) = Self.mutate([UInt8](originals[k]), &r)
            let label = "case \(n): \(Self.files[k]): \(what)"
            try Data(bytes).write(to: URL(fileURLWithPath: layout.path(Self.files[k])))
            defer { try? originals[k].write(to: URL(fileURLWithPath: layout.path(Self.files[k]))) }
            let reader = DatasetReader(layout: layout)
            do {
                let fast = try reader.readAndValidate(today: today, fast: true)
                let careful = try reader.readAndValidate(today: today, fast: false)
                XCTAssertEqual(fast.dataset, careful.dataset, label)
                XCTAssertEqual(fast.problems, careful.problems, label)
                let byVillage = try reader.validate(today: today)
                XCTAssertEqual(byVillage.hasErrors, careful.hasErrors, label)
                if careful.hasErrors { withErrors += 1 } else {
                    let unread = Self.unread(bytes, Self.files[k], careful)
                    if !unread.isEmpty { silent += 1 }
                    XCTAssertEqual(unread, [], "\(label): called clean, but another reader sees other content")
                }
                _ = try Store(layout: layout, write: false).roster(on: today)
            } catch is StoreError {
                refused += 1
            } catch {
                XCTFail("\(label): \(error)")
            }
        }
        let seconds = Date().timeIntervalSince(start)
        print("reader fuzzing: \(Self.cases) mutated inputs, \(withErrors) reported with errors, \(refused) refused, \(silent) called clean with content unread, 0 crashes, \(String(format: "%.1f", seconds)) s")
        XCTAssertLessThan(seconds, 120, "bounded for CI")
    }
}
