import Foundation
import XCTest

/// `sanbao list`: the `--json` contract of docs/cli.md, the filters, and a text table
/// aligned by display width.
final class ListTests: XCTestCase {
    /// One row of the contract with its exact types: decoding fails on a number where a
    /// string belongs, a string where a bool belongs, and so on.
    struct Row: Decodable, Equatable {
        var id, number, head, village, village_code, group: String
        var cadre: String?
        var members: Int
        var indicators: [String: String]
        var meets_standard: Bool
        var last_check: String?
        var overdue: Bool
    }

    static let keys: Set<String> = ["id", "number", "head", "village", "village_code", "group", "cadre", "members",
                                    "indicators", "meets_standard", "last_check", "follow_up", "overdue"]

    func listJSON(_ dir: String, _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> [Row] {
        let r = run(["list", "--json"] + extra + CLI.opts(dir))
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, "", file: file, line: line)
        return try JSONDecoder().decode([Row].self, from: Data(r.stdout.utf8))
    }

    func testJSONContract() throws {
        let dir = makeDemo()
        let r = run(["list", "--json"] + CLI.opts(dir))
        XCTAssertEqual(r.status, 0, r.stderr)
        let array = try XCTUnwrap(parseJSON(r.stdout) as? [[String: Any]], "a JSON array of objects")
        XCTAssertEqual(array.count, 44)
        for object in array {
            XCTAssertEqual(Set(object.keys), Self.keys, "exactly the documented keys")
            XCTAssertTrue(object["last_check"] != nil && object["cadre"] != nil, "null fields are present, not left out")
            let indicators = try XCTUnwrap(object["indicators"] as? [String: Any])
            XCTAssertEqual(Set(indicators.keys), Set(indicatorKeys))
        }
        let rows = try JSONDecoder().decode([Row].self, from: Data(r.stdout.utf8))
        XCTAssertEqual(Set(rows.map(\.id)).count, rows.count, "ids are unique")
        for row in rows {
            XCTAssertTrue(matches(row.id, #"\d{12}-\d{4}"#), row.id)
            XCTAssertTrue(matches(row.village_code, #"\d{12}"#), row.village_code)
            XCTAssertTrue(row.id.hasPrefix(row.village_code + "-"))
            XCTAssertFalse(row.number.isEmpty || row.head.isEmpty || row.village.isEmpty || row.group.isEmpty, row.id)
            XCTAssertGreaterThan(row.members, 0)
            for (k, state) in row.indicators {
                XCTAssertNotNil(stateLetters[state], "\(row.id) \(k): \(state) is not one of the five states")
            }
            let passes = row.indicators.values.allSatisfy { $0 == "met" || $0 == "not_applicable" }
            XCTAssertEqual(row.meets_standard, passes, "\(row.id): meets_standard is all six pass")
            if let d = row.last_check { XCTAssertTrue(matches(d, #"\d{4}-\d\d-\d\d"#), d) }
        }
        XCTAssertTrue(rows.contains { $0.last_check == nil }, "a never-visited household has last_check null")
        XCTAssertTrue(rows.contains { $0.overdue } && rows.contains { !$0.overdue })
        XCTAssertTrue(rows.contains { $0.meets_standard } && rows.contains { !$0.meets_standard })
        XCTAssertEqual(rows.map(\.id), rows.map(\.id).sorted(), "sorted by id")

        // The Chinese output carries the same data: the contract does not depend on --lang.
        let zh = run(["list", "--json"] + CLI.opts(dir, lang: "zh"))
        XCTAssertEqual(zh.stdout, r.stdout)
    }

    func testFailingFilter() throws {
        let dir = makeDemo()
        let all = try listJSON(dir)
        for indicator in indicatorKeys {
            let failing = try listJSON(dir, ["--failing", indicator])
            let expected = all.filter { !["met", "not_applicable"].contains($0.indicators[indicator]) }
            XCTAssertEqual(failing, expected, "--failing \(indicator)")
        }
        let education = try listJSON(dir, ["--failing", "education"])
        XCTAssertFalse(education.isEmpty)
        XCTAssertLessThan(education.count, all.count)
        XCTAssertTrue(education.contains { $0.indicators["education"] == "not_met" })
    }

    func testCadreFilter() throws {
        let dir = makeDemo()
        let all = try listJSON(dir)
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/cadres.json")))
        let cadres = try XCTUnwrap((file as? [String: Any])?["cadres"] as? [[String: Any]])
        XCTAssertFalse(cadres.isEmpty)
        for c in cadres {
            let name = try XCTUnwrap(c["name"] as? String), id = try XCTUnwrap(c["id"] as? String)
            let mine = try listJSON(dir, ["--cadre", name])
            XCTAssertFalse(mine.isEmpty, name)
            XCTAssertEqual(mine, all.filter { $0.cadre == name }, "--cadre \(name)")
            XCTAssertEqual(try listJSON(dir, ["--cadre", id]), mine, "--cadre \(id) is the same as --cadre \(name)")
        }
        let combined = try listJSON(dir, ["--cadre", cadres[0]["name"] as! String, "--failing", "education"])
        XCTAssertEqual(combined, all.filter { $0.cadre == cadres[0]["name"] as? String && !["met", "not_applicable"].contains($0.indicators["education"]) })
    }

    func testVillageFilter() throws {
        let dir = makeDemo()
        XCTAssertEqual(try listJSON(dir, ["--village", "621121103201"]).count, 44)
        XCTAssertEqual(try listJSON(dir, ["--village", "621121103202"]), [], "a valid code with no households")
        // Issue 20: no match is exactly "[]", not Foundation's "[\n\n]".
        XCTAssertEqual(run(["list", "--json", "--village", "621121103202"] + CLI.opts(dir)).stdout, "[]\n")
    }

    func testBadFiltersAreUsageErrors() {
        let dir = makeDemo()
        let cadre = run(["list", "--cadre", "赵某"] + CLI.opts(dir))
        XCTAssertEqual(cadre.status, 64)
        XCTAssertEqual(cadre.stdout, "")
        XCTAssertEqual(cadre.stderr, "sanbao: no cadre named \"赵某\" (known: 何志刚, 王晓燕, 陈文博)\n")

        let village = run(["list", "--village", "12345"] + CLI.opts(dir))
        XCTAssertEqual(village.status, 64)
        XCTAssertEqual(village.stdout, "")
        XCTAssertEqual(village.stderr, "sanbao: village code must be 12 digits, found \"12345\"\n")

        let indicator = run(["list", "--failing", "sanitation"] + CLI.opts(dir))
        XCTAssertEqual(indicator.status, 64)
        XCTAssertEqual(indicator.stdout, "")
        XCTAssertTrue(indicator.stderr.contains("'sanitation' is invalid for '--failing <INDICATOR>'"), indicator.stderr)
        XCTAssertTrue(indicator.stderr.contains("food_clothing"), "the valid indicators are listed")

        XCTAssertEqual(run(["list", "--bogus"] + CLI.opts(dir)).status, 64)
    }

    /// Every data line puts the indicator letters at the same display column, whatever
    /// the width of the names before them (CJK takes two cells), in both languages.
    func testTextTableAlignsByDisplayWidth() throws {
        let dir = makeDemo()
        let rows = try listJSON(dir)
        /// Each character of `line` with the display column it starts at.
        func cells(_ line: String) -> [Int: Character] {
            var out: [Int: Character] = [:]
            var col = 0
            for ch in line { out[col] = ch; col += displayWidth(String(ch)) }
            return out
        }
        for lang in ["en", "zh"] {
            let r = run(["list"] + CLI.opts(dir, lang: lang))
            XCTAssertEqual(r.status, 0)
            let lines = r.stdout.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, rows.count + 2, "header, one line per household, summary")
            XCTAssertTrue(rows.contains { displayWidth($0.head) != $0.head.count }, "the test needs wide names")
            for (line, row) in zip(lines.dropFirst().dropLast(), rows) {
                let at = cells(line)
                // Number, head, village + group and people take 34 cells and a space; then the six
                // letters three cells apart; then the last visit.
                let letters = indicatorKeys.map { k in at[35 + 3 * indicatorKeys.firstIndex(of: k)!] }
                XCTAssertEqual(letters, indicatorKeys.map { stateLetters[row.indicators[$0]!] }, "\(lang) \(row.id): \(line)")
                XCTAssertEqual(at[34], " ", "\(lang): a space before the letters: \(line)")
                let visit = String(at.filter { $0.key >= 53 }.sorted { $0.key < $1.key }.map(\.value))
                XCTAssertTrue(visit.hasPrefix(row.last_check ?? "-"), "\(lang) \(row.id): last visit at cell 53: \(line)")
                XCTAssertTrue(line.hasPrefix(String(row.number.suffix(4))), line)
                XCTAssertTrue(line.contains(row.head), line)
            }
            // The header's labels start at the same cells.
            let header = cells(lines[0])
            for k in 0..<6 { XCTAssertNotNil(header[35 + 3 * k], "\(lang) header label \(k) at cell \(35 + 3 * k): \(lines[0])") }
            XCTAssertNotNil(header[53], "\(lang) header: last visit at cell 53: \(lines[0])")
            let meeting = rows.filter(\.meets_standard).count
            XCTAssertEqual(lines.last, lang == "en"
                ? "44 households, \(meeting) meet all six. + met  X not met  ! follow-up  - n/a  ? unchecked"
                : "共 44 户，\(meeting) 户六项全部达标。 + 达标  X 未达标  ! 需跟进  - 不适用  ? 未检查")
        }
    }

    /// `sanbao` with no subcommand opens the terminal app; without a terminal it says
    /// which commands to use instead.
    func testOpenNeedsATerminal() throws {
        let dir = makeDemo()
        let before = snapshot(dir)
        for args in [[], ["open"]] {
            let r = run(args + CLI.opts(dir))
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
            XCTAssertEqual(r.stderr, "sanbao: not a terminal, so the app cannot open; use sanbao list, sanbao show …\n")
        }
        let cadre = run(["open", "--cadre", "赵某"] + CLI.opts(dir))
        XCTAssertEqual(cadre.status, 64)
        XCTAssertEqual(cadre.stderr, "sanbao: no cadre named \"赵某\" (known: 何志刚, 王晓燕, 陈文博)\n")
        assertSameFiles(snapshot(dir), before, "open without a terminal")
    }
}

/// `sanbao list --due [DATE]`: the follow-up worklist (issue 14).
final class DueListTests: XCTestCase {
    func testDueListSoonestFirstWithIndicatorAndNote() throws {
        let dir = makeDemo()
        let zh = run(["list", "--due", "2026-12-15"] + CLI.opts(dir, lang: "zh"))
        XCTAssertEqual(zh.status, 0, zh.stderr)
        let lines = zh.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.last?.hasPrefix("共 ") == true && lines.last?.hasSuffix("（截至 2026-12-15）") == true, zh.stdout)
        let dates = lines.dropLast().map { $0.hasPrefix("从未走访") ? "0000" : String($0.prefix(10)) }
        XCTAssertEqual(dates, dates.sorted(), "never visited first, then soonest first")
        XCTAssertEqual(dates.first, "0000")
        XCTAssertTrue(lines.contains { $0.hasPrefix("2026-12-15 跟进") && $0.contains("0012 刘建军") && $0.contains("医疗：2026 年度仍未参保") }, zh.stdout)
        XCTAssertFalse(zh.stdout.contains("2026-12-20 跟进"), "not due by the date")
        let en = try XCTUnwrap(parseJSON(run(["list", "--due", "2026-12-15", "--json"] + CLI.opts(dir)).stdout) as? [[String: Any]])
        XCTAssertEqual(en.count, lines.count - 1)
        let liu = try XCTUnwrap(en.first { $0["id"] as? String == "621121103201-0012" && $0["kind"] as? String == "follow_up" })
        XCTAssertEqual(liu["due"] as? String, "2026-12-15")
        XCTAssertEqual((liu["indicators"] as? [[String: Any]])?.first?["indicator"] as? String, "medical")
        // Without a date: due by today (the --today of the tests).
        let today = run(["list", "--due"] + CLI.opts(dir))
        XCTAssertTrue(today.stdout.hasSuffix("due by \(CLI.today)\n"), today.stdout)
        XCTAssertEqual(run(["list", "2026-12-15"] + CLI.opts(dir)).status, 64, "a date only after --due")
    }

    func testListJSONHasTheFollowUpDate() throws {
        let dir = makeDemo()
        let rows = try XCTUnwrap(parseJSON(run(["list", "--json"] + CLI.opts(dir)).stdout) as? [[String: Any]])
        XCTAssertEqual(rows.first { $0["id"] as? String == "621121103201-0012" }?["follow_up"] as? String, "2026-12-15")
        XCTAssertTrue(rows.contains { $0["follow_up"] is NSNull })
    }
}
