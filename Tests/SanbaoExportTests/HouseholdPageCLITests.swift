import Foundation
import SanbaoCore
import SanbaoSamples
import XCTest

/// `sanbao export --household`: the real binary writes household pages, one per household,
/// and refuses what a page cannot be, with the exit codes of docs/cli.md.
extension ExportCLITests {
    func read(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }

    func testHouseholdPageIsWrittenForShortAndFullIDs() throws {
        let (data, out) = demo()
        let file = out + "/张永强.html"
        let r = sanbao(["export"] + opts(data) + ["--household", "0002", "-o", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "已写入 \(file)：1 户，每户一页\n")
        let page = try Python.readHTML(try XCTUnwrap(FileManager.default.contents(atPath: file)), test: self)
        XCTAssertEqual(page.problems, [])
        XCTAssertEqual(page.text["h1"], ["张永强 户帮扶明白卡"])
        XCTAssertFalse(read(file).contains("621121201205170498"), "ID numbers masked")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        XCTAssertEqual((attributes[.posixPermissions] as? Int).map { $0 & 0o077 }, 0, "personal data: the owner's only")
        // Several households, one named twice: one page each, in the order given.
        let several = out + "/several.html"
        let s = sanbao(["export"] + opts(data) + ["--household", "0016", "--household", "0002", "--household", "621121103201-0002",
                                                   "--full-ids", "-o", several])
        XCTAssertEqual(s.status, 0, s.stderr)
        let doc = try Python.readHTML(try XCTUnwrap(FileManager.default.contents(atPath: several)), test: self)
        XCTAssertEqual(doc.text["h1"], ["牛进财 户帮扶明白卡", "张永强 户帮扶明白卡"])
        XCTAssertTrue(read(several).contains("621121201205170498"), "--full-ids")
        // An existing file is kept without --force (73), replaced with it.
        let kept = sanbao(["export"] + opts(data, lang: "en") + ["--household", "0016", "-o", file])
        XCTAssertEqual(kept.status, 73, kept.stderr)
        XCTAssertTrue(read(file).contains("张永强 户帮扶明白卡"))
        let forced = sanbao(["export"] + opts(data, lang: "en") + ["--household", "0016", "-o", file, "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(forced.stdout, "wrote \(file): 1 household, one page each\n")
        XCTAssertTrue(read(file).contains("Household page: 牛进财"), "English with --lang en")
    }

    func testEveryHouseholdOfACadreOnePageEach() throws {
        let (data, out) = demo()
        let file = out + "/何志刚.htm"
        let r = sanbao(["export"] + opts(data) + ["--household", "all", "--cadre", "何志刚", "-o", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        let d = DemoVillage.make()
        let his = d.households.filter { $0.cadreID(on: DemoVillage.asOf) == "c1" }
            .sorted { $0.number < $1.number }
        XCTAssertGreaterThan(his.count, 1)
        XCTAssertTrue(r.stdout.contains("\(his.count) 户，每户一页"), r.stdout)
        let doc = try Python.readHTML(try XCTUnwrap(FileManager.default.contents(atPath: file)), test: self)
        XCTAssertEqual(doc.tags["section"], his.count)
        XCTAssertEqual(doc.text["h1"], his.map { "\($0.head!.name) 户帮扶明白卡" })
    }

    func testHouseholdPageRefusals() throws {
        let (data, out) = demo()
        let cases: [(args: [String], status: Int32, says: String)] = [
            (["--household", "0002", "-o", out + "/p.xlsx"], 64, ".html"),
            (["--household", "0002", "--format", "csv", "-o", out + "/p.html"], 64, "html"),
            (["--household", "0002", "--from", "2026-01-01", "-o", out + "/p.html"], 64, "--from"),
            (["--household", "0002", "--cadre", "何志刚", "-o", out + "/p.html"], 64, "--household all"),
            (["--household", "all", "--household", "0002", "-o", out + "/p.html"], 64, "--household all"),
            (["--household", "all", "--cadre", "无此人", "-o", out + "/p.html"], 64, "无此人"),
            (["--household", "9999", "-o", out + "/p.html"], 65, "9999"),
        ]
        for c in cases {
            let r = sanbao(["export"] + opts(data) + c.args)
            XCTAssertEqual(r.status, c.status, "\(c.args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(c.says), "\(c.args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [], "nothing written")
    }
}
