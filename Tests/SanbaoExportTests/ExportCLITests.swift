import Foundation
import SanbaoCore
import SanbaoExport
import XCTest

/// `sanbao export` and `sanbao rollup` run as a user would: the real binary that
/// `swift test` built beside this bundle, on a fresh demo data directory.
final class ExportCLITests: XCTestCase {
    /// The `sanbao` executable next to the running test bundle, as in SanbaoCLITests.
    static let binary: String = {
        let fm = FileManager.default
        var starts: [URL] = []
        if let arg0 = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: arg0).standardizedFileURL) }
        starts.append(Foundation.Bundle.main.bundleURL.standardizedFileURL)
        if let exe = Foundation.Bundle.main.executableURL { starts.append(exe.standardizedFileURL) }
        for start in starts {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("sanbao").path
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: candidate) {
                    return candidate
                }
                if dir.path == "/" { break }
                dir = dir.deletingLastPathComponent()
            }
        }
        return Python.repoRoot + "/.build/debug/sanbao"
    }()

    /// Runs `sanbao` with `args`; stdout and stderr go to files so nothing blocks.
    @discardableResult
    func sanbao(_ args: [String], file: StaticString = #filePath, line: UInt = #line) -> (status: Int32, stdout: String, stderr: String) {
        let work = tempDir(self, "sanbao-run")
        let outPath = work + "/out", errPath = work + "/err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["SANBAO_DATA"] = nil
        p.environment = env
        do {
            let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
            let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
            p.standardOutput = out
            p.standardError = err
            p.standardInput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            try out.close()
            try err.close()
        } catch {
            XCTFail("cannot run \(Self.binary): \(error)", file: file, line: line)
            return (-1, "", "")
        }
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return (p.terminationStatus, read(outPath), read(errPath))
    }

    /// A data directory holding the demo village, and a directory for outputs.
    func demo() -> (data: String, out: String) {
        let base = tempDir(self, "sanbao-export-cli")
        let r = sanbao(["demo", base + "/data", "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try? FileManager.default.createDirectory(atPath: base + "/out", withIntermediateDirectories: true)
        return (base + "/data", base + "/out")
    }

    func opts(_ data: String, lang: String = "zh") -> [String] {
        ["--data", data, "--today", "2026-11-25", "--lang", lang]
    }

    func testExportWritesEachFormatAndRefusesToOverwrite() throws {
        let (data, out) = demo()
        for format in ExportFormat.allCases {
            let file = out + "/summary." + format.rawValue
            let r = sanbao(["export"] + opts(data) + ["-o", file])
            XCTAssertEqual(r.status, 0, "\(format): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("44 户"), r.stdout)
            XCTAssertEqual(r.stderr, "")
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: file))
            switch format {
            case .xlsx: XCTAssertEqual(try Workbook(bytes).sheetNames.count, 4)
            case .csv: XCTAssertEqual(try parseCSV(bytes).rows.count, 44)
            case .json: XCTAssertEqual(try SummaryReport.decode(bytes, name: file).households.count, 44)
            case .html: XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("<svg"))
            }
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            XCTAssertEqual((attributes[.posixPermissions] as? Int).map { $0 & 0o077 }, 0, "not readable by others: ID numbers and health data")
        }
        // An existing file is left alone without --force: exit 73, same bytes.
        let file = out + "/summary.xlsx"
        let before = try XCTUnwrap(FileManager.default.contents(atPath: file))
        let refused = sanbao(["export"] + opts(data) + ["--format", "xlsx", "-o", file, "--cadre", "王晓燕"])
        XCTAssertEqual(refused.status, 73)
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: file), before)
        let forced = sanbao(["export"] + opts(data) + ["--format", "xlsx", "-o", file, "--cadre", "王晓燕", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertNotEqual(FileManager.default.contents(atPath: file), before)
        // No temporary file is left beside it.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }, [])
    }

    /// The issue's case: a name edited to a formula is text in the CSV (behind a quote) and
    /// a string cell in the workbook.
    func testEditedFormulaNameIsExportedAsText() throws {
        let (data, out) = demo()
        let name = #"=HYPERLINK("http://x","y")"#
        XCTAssertEqual(sanbao(["edit", "621121103201-0009", "members[1].name=" + name] + opts(data)).status, 0)
        XCTAssertEqual(sanbao(["export"] + opts(data) + ["-o", out + "/r.csv"]).status, 0)
        let csv = try parseCSV(try XCTUnwrap(FileManager.default.contents(atPath: out + "/r.csv")))
        let row = try XCTUnwrap(csv.rows.first { $0[csv.header.firstIndex(of: "户ID")!] == "621121103201-0009" })
        XCTAssertEqual(row[csv.header.firstIndex(of: "户主")!], "'" + name)
        XCTAssertEqual(sanbao(["export"] + opts(data) + ["-o", out + "/r.xlsx"]).status, 0)
        let sheet = try Workbook(try XCTUnwrap(FileManager.default.contents(atPath: out + "/r.xlsx"))).sheet("户明细")
        let cell = try XCTUnwrap(sheet.records.first { $0["户ID"]?.text == "621121103201-0009" }?["户主"])
        XCTAssertEqual(cell.type, "inlineStr")
        XCTAssertEqual(cell.text, name)
        XCTAssertEqual(sheet.root.descendants("f").count, 0)
    }

    func testCSVOptions() throws {
        let (data, out) = demo()
        let plain = out + "/plain.csv"
        XCTAssertEqual(sanbao(["export"] + opts(data) + ["-o", plain, "--no-bom"]).status, 0)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: plain))
        XCTAssertEqual(Array(bytes.prefix(3)), Array("户".utf8), "no BOM")
        let bom = out + "/bom.csv"
        XCTAssertEqual(sanbao(["export"] + opts(data) + ["--format", "csv", "-o", bom]).status, 0)
        XCTAssertEqual(Array(try XCTUnwrap(FileManager.default.contents(atPath: bom)).prefix(3)), [0xEF, 0xBB, 0xBF])

        let summary = out + "/summary.csv"
        XCTAssertEqual(sanbao(["export"] + opts(data, lang: "en") + ["-o", summary, "--table", "summary"]).status, 0)
        let parsed = try parseCSV(try XCTUnwrap(FileManager.default.contents(atPath: summary)))
        XCTAssertEqual(parsed.header.first, "Level")
        XCTAssertEqual(parsed.rows.count, 42)
        let gaps = out + "/gaps.csv"
        XCTAssertEqual(sanbao(["export"] + opts(data) + ["-o", gaps, "--table", "gaps"]).status, 0)
        XCTAssertEqual(try parseCSV(try XCTUnwrap(FileManager.default.contents(atPath: gaps))).header[6], "指标")
    }

    func testUsageErrorsWriteNothing() {
        let (data, out) = demo()
        let file = out + "/x.json"
        for (args, why) in [
            (["--format", "pdf", "-o", file], "unknown format"),
            (["-o", out + "/x.txt"], "no format and no known extension"),
            (["-o", file, "--table", "gaps"], "--table with JSON"),
            (["-o", file, "--no-bom"], "--no-bom with JSON"),
            (["-o", out + "/x.csv", "--table", "people"], "unknown table"),
            (["-o", file, "--from", "2026-13-01"], "not a date"),
            (["-o", file, "--from", "2026-12-01", "--to", "2026-11-01"], "period backwards"),
            (["-o", file, "--cadre", "nobody"], "unknown cadre"),
            (["-o", file, "--village", "6211"], "malformed village code"),
        ] {
            let r = sanbao(["export"] + opts(data) + args)
            XCTAssertEqual(r.status, 64, "\(why): \(r.stderr)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [], why)
        }
        let missing = sanbao(["export", "--data", out + "/nowhere", "-o", file])
        XCTAssertEqual(missing.status, 66)
    }

    func testEmptySelectionIsAFileNotAnError() throws {
        let (data, out) = demo()
        let file = out + "/empty.json"
        let r = sanbao(["export"] + opts(data, lang: "en") + ["-o", file, "--village", "621121103299"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("no households selected"), r.stdout)
        let report = try SummaryReport.decode(try XCTUnwrap(FileManager.default.contents(atPath: file)), name: file)
        XCTAssertTrue(report.isEmpty)
    }

    func testJSONToStandardOutputAndFullIDs() throws {
        let (data, _) = demo()
        let r = sanbao(["export"] + opts(data) + ["--format", "json", "-o", "-", "--full-ids", "--from", "2026-06-01"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let report = try SummaryReport.decode(Data(r.stdout.utf8), name: "stdout")
        XCTAssertEqual(report.idNumbers, .full)
        XCTAssertEqual(report.period.from, LocalDate("2026-06-01"))
        XCTAssertEqual(report.period.to, LocalDate("2026-11-25"))
        XCTAssertTrue(report.households.contains { ($0.headIDNumber ?? "").count == 18 && !($0.headIDNumber ?? "").contains("*") })
        XCTAssertTrue(r.stderr.contains("已写入 -"), "the summary line goes to stderr when the file is stdout")
    }

    func testRollup() throws {
        let (data, out) = demo()
        let a = out + "/a.json", b = out + "/b.json", township = out + "/township.xlsx"
        XCTAssertEqual(sanbao(["export"] + opts(data) + ["-o", a, "--cadre", "何志刚"]).status, 0)
        XCTAssertEqual(sanbao(["export"] + opts(data) + ["-o", b]).status, 0)
        let r = sanbao(["rollup", a, b, "-o", township, "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("44 households"), r.stdout)
        let wb = try Workbook(try XCTUnwrap(FileManager.default.contents(atPath: township)))
        XCTAssertEqual(wb.sheetNames, ["Overview", "Summary", "Households", "Gaps", "Clashes"])
        XCTAssertGreaterThan(try wb.sheet("Clashes").records.count, 5)
        XCTAssertTrue(r.stderr.contains("more than one file"), r.stderr)

        let again = sanbao(["rollup", a, b, "-o", township])
        XCTAssertEqual(again.status, 73)
        let csv = out + "/clashes.csv"
        XCTAssertEqual(sanbao(["rollup", a, b, "-o", csv, "--table", "clashes"]).status, 0)

        let junk = out + "/junk.json"
        try Data("{\"format\": \"other\"}".utf8).write(to: URL(fileURLWithPath: junk))
        let bad = sanbao(["rollup", a, junk, "-o", out + "/bad.xlsx"])
        XCTAssertEqual(bad.status, 65, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("junk.json"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/bad.xlsx"))
        XCTAssertEqual(sanbao(["rollup", "-o", out + "/none.xlsx"]).status, 64)
        XCTAssertEqual(sanbao(["rollup", out + "/missing.json", "-o", out + "/none.xlsx"]).status, 66)
    }
}
