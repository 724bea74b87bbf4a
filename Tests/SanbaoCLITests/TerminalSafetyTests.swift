import Foundation
import XCTest

/// Text from the data never reaches the terminal as control characters (issue 16): notes,
/// names, phone numbers, bundle values and arguments echoed in error messages hold escape
/// sequences, C1 controls and bidi overrides, and every command prints them as `?`.
final class TerminalSafetyTests: XCTestCase {
    /// Retitles the window, clears the screen (with ESC and with C1 CSI), reverses the
    /// line, then CR, tab and DEL.
    static let hostile = "x\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{9B}31m\u{202E}evil\u{2066}\r\t\u{7F}y"
    /// The same as every command prints it.
    static let shown = "x?]0;PWNED??[2J?31m?evil????y"
    let house = "621121103201-0007"

    /// The characters of `text` a terminal would act on: C0 but line feed, DEL, C1, bidi.
    func controls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            let v = s.value
            return (v < 0x20 && s != "\n") || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    func assertSafe(_ r: (status: Int32, stdout: String, stderr: String), _ what: String,
                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(controls(r.stdout), [], "\(what) stdout: \(r.stdout.debugDescription.prefix(400))", file: file, line: line)
        XCTAssertEqual(controls(r.stderr), [], "\(what) stderr: \(r.stderr.debugDescription.prefix(400))", file: file, line: line)
    }

    func sanbao(_ dir: String, _ args: [String], expect code: Int32 = 0, cwd: String? = nil,
                file: StaticString = #filePath, line: UInt = #line) -> (status: Int32, stdout: String, stderr: String) {
        let r = run(args + CLI.opts(dir), cwd: cwd)
        XCTAssertEqual(r.status, code, "\(args): \(r.stderr)", file: file, line: line)
        return r
    }

    func testHostileNotesNamesAndPhoneArePrintedAsQuestionMarks() throws {
        let dir = makeDemo()
        XCTAssertTrue(matches(sanbao(dir, ["check", house, "--set", "water=not_met:" + Self.hostile, "--note", Self.hostile,
                                           "--measure", Self.hostile]).stdout, #"\d{8}-[0-9a-f]{8}\n"#))
        _ = sanbao(dir, ["edit", house, "members[1].name=" + Self.hostile, "phone=" + Self.hostile])
        for (what, args) in [("show", ["show", house]), ("show zh", ["show", house, "--lang", "zh"]),
                             ("history", ["history", house]), ("list", ["list"]), ("list --cadre", ["list", "--cadre", "何志刚"])] {
            let r = sanbao(dir, args)
            assertSafe(r, what)
            XCTAssertTrue(r.stdout.contains("x?]0;PWN"), "\(what) shows what was there: \(r.stdout.prefix(300))")
        }
        // The app's screen (here its text dump) draws them as `?` too.
        let screen = sanbao(dir, ["open", "--dump", "100x30", "--keys", "/0007<Enter>"])
        assertSafe(screen, "open --dump")
        XCTAssertTrue(screen.stdout.contains("x?]0;PWN"), screen.stdout)
        let show = sanbao(dir, ["show", house]).stdout
        XCTAssertTrue(show.contains("Phone " + Self.shown), show)
        XCTAssertTrue(show.contains("Note: " + Self.shown), show)
        XCTAssertTrue(show.contains("Measures agreed: " + Self.shown), show)
        // The roster cuts the head's name to its column after the replacement: still
        // aligned, and nothing of an escape is left to cut into.
        let list = sanbao(dir, ["list"]).stdout.split(separator: "\n").map(String.init)
        let row = try XCTUnwrap(list.first { $0.hasPrefix("0007 ") })
        XCTAssertTrue(row.hasPrefix("0007   x?]0;PWN 文峰村一组"), row)
    }

    func testJSONKeepsTheValueExactlyAndEscapesEveryControl() throws {
        let dir = makeDemo()
        _ = sanbao(dir, ["check", house, "--set", "water=met", "--note", Self.hostile])
        _ = sanbao(dir, ["edit", house, "members[1].name=" + Self.hostile])
        let show = sanbao(dir, ["show", house, "--json"])
        assertSafe(show, "show --json")
        let object = try XCTUnwrap(parseJSON(show.stdout) as? [String: Any])
        let checks = try XCTUnwrap(object["checks"] as? [[String: Any]])
        XCTAssertEqual(checks.first?["note"] as? String, Self.hostile, "escaped once, read back exactly")
        XCTAssertTrue(show.stdout.contains(#"x\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202eevil\u2066\r\t\u007fy"#),
                      "the encoder's escapes, not doubled: \(show.stdout)")
        let list = sanbao(dir, ["list", "--json"])
        assertSafe(list, "list --json")
        let rows = try XCTUnwrap(parseJSON(list.stdout) as? [[String: Any]])
        XCTAssertEqual(rows.first { $0["id"] as? String == house }?["head"] as? String, Self.hostile)
    }

    func testHostileBundleIsShownSafely() throws {
        let a = makeDemo()
        let work = (a as NSString).deletingLastPathComponent
        let b = work + "/b"
        try FileManager.default.copyItem(atPath: a, toPath: b)
        try rewriteJSON(b + "/sanbao.json") { $0["device_id"] = "device-b" }
        // Both devices change one phone: a conflict whose values are hostile.
        _ = sanbao(a, ["edit", "621121103201-0003", "phone=a" + Self.hostile])
        _ = sanbao(b, ["edit", "621121103201-0003", "phone=b" + Self.hostile])
        _ = sanbao(b, ["bundle", "-o", "b.json"], cwd: work)
        try rewriteJSON(work + "/b.json") { bundle in
            var cadres = bundle["cadres"] as! [[String: Any]]
            cadres[0]["name"] = "c" + Self.hostile
            cadres[0]["unit"] = Self.hostile
            cadres[0]["phone"] = Self.hostile
            bundle["cadres"] = cadres
            var households = bundle["households"] as! [[String: Any]]
            let i = households.firstIndex { $0["id"] as? String == "621121103201-0009" }!
            var members = households[i]["members"] as! [[String: Any]]
            members[0]["name"] = Self.hostile
            households[i]["members"] = members
            bundle["households"] = households
            // A new check (a check here changed in a bundle is refused as altered).
            var checks = bundle["checks"] as! [[String: Any]]
            let k = checks.lastIndex { $0["household_id"] as? String == "621121103201-0009" }!
            checks.append(checks[k].merging(["id": "20261129-0badc0de", "note": Self.hostile]) { $1 })
            bundle["checks"] = checks
        }
        // Into a new directory (made with init: import never creates one), so the bundle's
        // cadres and households are the ones kept.
        let fresh = work + "/fresh"
        XCTAssertEqual(run(["init", fresh]).status, 0)
        let imported = sanbao(fresh, ["import", "b.json"], cwd: work)
        assertSafe(imported, "import")
        for (what, args) in [("show", ["show", "621121103201-0009"]), ("history", ["history", "621121103201-0009"]),
                             ("list", ["list"])] {
            let r = sanbao(fresh, args)
            assertSafe(r, what)
            XCTAssertTrue(r.stdout.contains("x?]0;PWN"), "\(what): \(r.stdout.prefix(300))")
        }
        // And into A: a conflict on the phone, both values hostile.
        let merged = sanbao(a, ["import", "b.json"], cwd: work)
        assertSafe(merged, "import into A")
        let conflicts = sanbao(a, ["conflicts"])
        assertSafe(conflicts, "conflicts")
        XCTAssertTrue(conflicts.stdout.contains("b" + Self.shown), conflicts.stdout)
        let resolved = sanbao(a, ["conflicts", "resolve", "1", "--keep", "1"])
        assertSafe(resolved, "conflicts resolve")
    }

    func testArgumentsEchoedInErrorsAreShownSafely() {
        let dir = makeDemo()
        for lang in ["en", "zh"] {
            for (args, code) in [(["show", Self.hostile], Int32(65)), (["history", Self.hostile], 65),
                                 (["check", Self.hostile, "--set", "water=met"], 65),
                                 (["check", house, "--set", Self.hostile], 64),
                                 (["check", house, "--set", "water=" + Self.hostile], 64),
                                 (["check", house, "--set", "water=met", "--date", Self.hostile], 64),
                                 (["check", house, "--set", "water=met", "--cadre", Self.hostile], 65),
                                 (["edit", house, Self.hostile], 64), (["edit", house, Self.hostile + "=1"], 64),
                                 (["edit", Self.hostile, "phone=1"], 65),
                                 (["list", "--cadre", Self.hostile], 64), (["list", "--village", Self.hostile], 64),
                                 (["import", Self.hostile + ".json"], 66), (["bundle", "-o", "b.json", "--cadre", Self.hostile], 64),
                                 (["export", "-o", "nodir/" + Self.hostile + ".csv"], 73), ([Self.hostile], 64), (["list", "--" + Self.hostile], 64)] {
                let r = run(args + ["--data", dir, "--today", CLI.today, "--lang", lang], cwd: dir)
                XCTAssertEqual(r.status, code, "\(args): \(r.stderr)")
                assertSafe(r, "\(args) --lang \(lang)")
                XCTAssertTrue(r.stderr.contains("PWNED"), "\(args): the value is echoed, made safe: \(r.stderr)")
            }
        }
    }

    /// Every line the command line prints goes through `Output.swift`, where it is made
    /// safe: no other file of the executable calls `print` or writes to a standard stream.
    func testEveryPrintGoesThroughOutput() throws {
        let sources = CLI.root + "/Sources/sanbao"
        for name in try FileManager.default.contentsOfDirectory(atPath: sources) where name.hasSuffix(".swift") && name != "Output.swift" {
            let text = try String(contentsOfFile: sources + "/" + name, encoding: .utf8)
            for pattern in [#"(?<![A-Za-z_.])print\("#, #"standardError"#, #"standardOutput"#, #"fputs\("#] {
                XCTAssertNil(text.range(of: pattern, options: .regularExpression), "\(name) writes with \(pattern); use out/warn")
            }
        }
    }

    func rewriteJSON(_ path: String, _ change: (inout [String: Any]) -> Void) throws {
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
    }
}
