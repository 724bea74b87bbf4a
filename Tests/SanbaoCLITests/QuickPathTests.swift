import Foundation
import XCTest

/// `list`, `show` and `check` read the roster index or one village when that says what
/// reading everything says (`QuickRead`); `--careful` makes them read everything. The two
/// must print the same bytes, with the same exit code, on the demo, on a generated county
/// and on every damaged fixture. (That the quick way is taken at all is held by
/// `QuickReadTests` in SanbaoStoreTests; its speed by `sanbao-bench`.)
final class QuickPathTests: XCTestCase {
    /// The index made as the app makes it, on the tests' day.
    func index(_ dir: String) {
        _ = run(["--dump", "80x24"] + CLI.opts(dir))
    }

    /// Runs `args` both ways and compares everything printed.
    func assertSame(_ args: [String], _ dir: String, lang: String = "en", file: StaticString = #filePath, line: UInt = #line) {
        let quick = run(args + CLI.opts(dir, lang: lang))
        let careful = run(args + ["--careful"] + CLI.opts(dir, lang: lang))
        XCTAssertEqual(quick.status, careful.status, "\(args) exit code", file: file, line: line)
        XCTAssertEqual(quick.stderr, careful.stderr, "\(args) stderr", file: file, line: line)
        XCTAssertTrue(quick.stdout == careful.stdout, "\(args) stdout differs:\n\(quick.stdout.prefix(2000))\n---\n\(careful.stdout.prefix(2000))",
                      file: file, line: line)
    }

    /// Ids, a cadre and a village of the data, read the careful way.
    func facts(_ dir: String) -> (ids: [String], cadre: String?, village: String?) {
        let r = run(["list", "--json", "--careful"] + CLI.opts(dir))
        let rows = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [[String: Any]] ?? []
        return (rows.compactMap { $0["id"] as? String }, rows.lazy.compactMap { $0["cadre"] as? String }.first,
                rows.first?["village_code"] as? String)
    }

    func assertReadingCommandsAgree(_ dir: String, households: Int = 6, file: StaticString = #filePath, line: UInt = #line) {
        let (ids, cadre, village) = facts(dir)
        var lists: [[String]] = [["list"], ["list", "--json"], ["list", "--failing", "education", "--json"], ["list", "--failing", "water"],
                                 ["list", "--cadre", "nobody"], ["list", "--village", "12"], ["list", "--cadre", "nobody", "--json"]]
        if let cadre { lists += [["list", "--cadre", cadre], ["list", "--cadre", cadre, "--json"]] }
        if let village { lists += [["list", "--village", village, "--json"], ["list", "--village", village, "--failing", "income"]] }
        for args in lists {
            assertSame(args, dir, file: file, line: line)
            assertSame(args, dir, lang: "zh", file: file, line: line)
        }
        let step = max(1, ids.count / households)
        for id in stride(from: 0, to: ids.count, by: step).map({ ids[$0] }) {
            assertSame(["show", id], dir, file: file, line: line)
            assertSame(["show", id], dir, lang: "zh", file: file, line: line)
            assertSame(["show", id, "--json", "--full-ids"], dir, file: file, line: line)
            assertSame(["show", String(id.suffix(4))], dir, file: file, line: line)
        }
        if let first = ids.first {
            let code = String(first.prefix(12))
            assertSame(["show", code + "-9999"], dir, file: file, line: line)
            assertSame(["show", " " + first], dir, file: file, line: line)
        }
        assertSame(["show", "nothing-like-an-id"], dir, file: file, line: line)
    }

    /// The same check recorded both ways in two copies: same messages, same exit code,
    /// and the same roster afterwards.
    func assertCheckAgrees(_ dir: String, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let copy = tempPath()
        try FileManager.default.copyItem(atPath: dir, toPath: copy)
        let other = tempPath()
        try FileManager.default.copyItem(atPath: dir, toPath: other)
        let quick = run(["check"] + args + CLI.opts(copy))
        let careful = run(["check"] + args + ["--careful"] + CLI.opts(other))
        XCTAssertEqual(quick.status, careful.status, "\(args)", file: file, line: line)
        XCTAssertEqual(quick.stderr, careful.stderr, "\(args)", file: file, line: line)
        XCTAssertEqual(quick.stdout.isEmpty, careful.stdout.isEmpty, "\(args)", file: file, line: line)
        let after = ["list", "--json", "--careful"]
        XCTAssertEqual(run(after + CLI.opts(copy)).stdout, run(after + CLI.opts(other)).stdout, "\(args)", file: file, line: line)
    }

    func assertCheckCommandsAgree(_ dir: String, everywhere: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let ids = facts(dir).ids
        let some = everywhere ? [ids.first, ids.last, ids.count > 2 ? ids[ids.count / 2] : nil] : [ids.last]
        for id in some.compactMap({ $0 }) {
            try assertCheckAgrees(dir, [id, "--set", "water=not_met:水窖干涸", "--set", "housing=met", "--note", "走访",
                                        "--date", "2026-11-28", "--follow-up", "2026-12-15"], file: file, line: line)
            try assertCheckAgrees(dir, [id, "--set", "income=met"], file: file, line: line)
            try assertCheckAgrees(dir, [id, "--set", "water=bogus"], file: file, line: line)
            try assertCheckAgrees(dir, [id, "--set", "water=met", "--cadre", "nobody"], file: file, line: line)
        }
        if let first = ids.first {
            try assertCheckAgrees(dir, [String(first.prefix(12)) + "-9999", "--set", "water=met"], file: file, line: line)
        }
    }

    func testTheDemoReadsTheSameBothWays() throws {
        let dir = makeDemo()
        index(dir)
        assertReadingCommandsAgree(dir)
        try assertCheckCommandsAgree(dir)
    }

    func testAGeneratedCountyReadsTheSameBothWays() throws {
        let dir = tempPath()
        XCTAssertEqual(run(["generate", dir, "--households", "900", "--seed", "1", "--as-of", CLI.today]).status, 0)
        assertReadingCommandsAgree(dir, households: 3)
        index(dir)
        assertReadingCommandsAgree(dir, households: 3)
        try assertCheckCommandsAgree(dir)
        // After a check the village's index is stale: the roster reads that village again.
        let id = facts(dir).ids[10]
        XCTAssertEqual(run(["check", id, "--set", "education=not_met:辍学"] + CLI.opts(dir)).status, 0)
        assertSame(["list", "--json"], dir)
        assertSame(["list", "--failing", "education"], dir)
        assertSame(["show", id], dir)
        assertSame(["show", facts(dir).ids[800]], dir)
    }

    func testEveryDamagedFixtureSaysTheSameBothWays() throws {
        let root = CLI.root + "/Fixtures/invalid"
        for name in try FileManager.default.contentsOfDirectory(atPath: root).sorted() where !name.hasSuffix(".md") {
            let dir = tempPath()
            try FileManager.default.copyItem(atPath: root + "/" + name, toPath: dir)
            index(dir)
            assertReadingCommandsAgree(dir, households: 3)
            try assertCheckCommandsAgree(dir, everywhere: false)
        }
    }
}
