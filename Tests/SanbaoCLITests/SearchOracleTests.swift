import Foundation
import XCTest

/// Issue 20: the roster's search held to an oracle that shares none of its code.
/// `Scripts/oracle-search.py` matches the rule the guides state again, by backtracking,
/// with readings from pypinyin rather than the Unihan table Sanbao carries, and gives two
/// answers per query: by each character's most common reading (narrow) and by every
/// reading pypinyin knows (wide). Sanbao's readings lie between, so the households the app
/// finds (`/QUERY` on the roster, read from `sanbao --dump`) must include every narrow
/// match and stay within the wide ones. The earlier RosterSearchTests compare the
/// incremental search with the same filter run afresh; this one decides what is found.
final class SearchOracleTests: XCTestCase {
    let queries = ["lhx", "zhang", "wang s", "zs", "liu", "ma", "zhang h", "chang", "0013", "zh", "li", "lj", "y", "hx",
                   "xm", "ch", "sh", "ying", "hua", "jun", "shu", "lv", "张", "文峰村一", "G", "z s"]

    func oracle(_ dir: String) throws -> [String: (narrow: Set<String>, wide: Set<String>)] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", CLI.root + "/Scripts/oracle-search.py", dir] + queries
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "python3 with pypinyin (Scripts/test installs it): \(problem)")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: [String]]])
        return json.mapValues { (Set($0["narrow"] ?? []), Set($0["wide"] ?? [])) }
    }

    /// What the roster shows for `query`: the count on the search line and the numbers of
    /// the rows on screen.
    func found(_ query: String, in dir: String) throws -> (count: Int, shown: [String]) {
        let r = run(["--dump", "120x40", "--data", dir, "--today", "2026-11-25", "--lang", "zh", "--keys", "/" + query])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.components(separatedBy: "\n")
        // The search line ends "N/44": N households found of all.
        let tail = lines.dropFirst().first?.split(separator: " ").last ?? ""
        let count = try XCTUnwrap(tail.split(separator: "/").first.flatMap { Int($0) }, "\(query): \(r.stdout)")
        let shown = lines.dropFirst(3).compactMap { $0.firstMatch(of: #/^(\d{4}) /#).map { String($0.1) } }
        return (count, shown)
    }

    func assertBetween(_ dir: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try oracle(dir)
        for q in queries {
            let (narrow, wide) = try XCTUnwrap(expected[q], q)
            let (count, shown) = try found(q, in: dir)
            XCTAssertTrue(narrow.count <= count && count <= wide.count, "\(q): found \(count), oracle \(narrow.count)…\(wide.count)", file: file, line: line)
            XCTAssertTrue(Set(shown).isSubset(of: wide), "\(q): \(Set(shown).subtracting(wide).sorted()) found by no reading", file: file, line: line)
            if shown.count == count {
                XCTAssertTrue(narrow.isSubset(of: Set(shown)), "\(q): \(narrow.subtracting(shown).sorted()) not found", file: file, line: line)
            }
        }
    }

    func testTheDemoVillage() throws {
        let dir = makeDemo()
        try assertBetween(dir)
        // Worked by hand from the demo's names: 李红霞 (0002) and 令狐小燕 (0011) are l-h-x.
        XCTAssertEqual(Set(try found("lhx", in: dir).shown), ["0002", "0011"])
        XCTAssertEqual(Set(try found("zhang h", in: dir).shown), ["0002"])
    }

    func testAGeneratedCounty() throws {
        let dir = tempPath()
        XCTAssertEqual(run(["generate", dir, "--households", "300", "--seed", "4", "--as-of", "2026-11-25"]).status, 0)
        try assertBetween(dir)
    }
}
