import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoSamples
import SanbaoStore
@testable import SanbaoTUI
import XCTest

/// `p` on the household screen writes the household's printable page into the export
/// directory, says the full path, and asks before replacing a page already there.
final class HouseholdPageKeyTests: XCTestCase {
    func testPWritesThePageOfTheShownHousehold() throws {
        let dir = NSTemporaryDirectory() + "sanbao-page-" + UUID().uuidString
        let out = dir + "-out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        addTeardownBlock {
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: out)
        }
        let demo = DemoVillage.make()
        try DatasetWriter(layout: DataLayout(root: dir)).create(demo, manifest: Manifest(deviceID: "t", created: "x"))
        let store = try Store(layout: DataLayout(root: dir), write: true, loading: .onDemand, now: { "2026-11-25T10:00:00Z" })
        addTeardownBlock { store.close() }
        let app = App(store: store, terminal: MemoryTerminal(rows: 24, columns: 160), today: DemoVillage.asOf,
                      language: .zh, cadreID: nil, clock: { "2026-11-25T10:00:00Z" })
        app.exportDirectory = out
        app.handle(.character("/"))
        for c in "zyq" { app.handle(.character(c)) }
        app.handle(.enter)
        XCTAssertTrue(app.screenText.contains("p 打印"), "the footer offers it: \(app.screenText)")
        app.handle(.character("p"))
        let path = out + "/张永强-621121103201-0002.html"
        XCTAssertTrue(app.screenText.contains("已写入户页 \(path)（身份证号已隐去中间位）"), app.screenText)
        XCTAssertTrue(app.screenText.contains("张永强  文峰村一组"), "still on the household screen")
        // The page `sanbao export --household` makes of the same data.
        let h = demo.households.first { $0.id == "621121103201-0002" }!
        let expected = HouseholdPageDocument(pages: [HouseholdPage(household: h, checks: demo.checks, cadres: demo.cadres,
                                                                   rules: demo.rules, on: DemoVillage.asOf, fullIDs: false)],
                                             language: .zh).render()
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(written, expected)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode.map { $0 & 0o077 }, 0)
        // Again: asked first; no keeps the file, yes replaces it.
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        app.handle(.character("p"))
        XCTAssertTrue(app.screenText.contains("\(path) 已存在，覆盖？"), app.screenText)
        app.handle(.character("n"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old")
        app.handle(.character("p"))
        app.handle(.character("y"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), expected)
    }

    /// A slash or a control character in a head's name cannot make another path.
    func testPageFileNameKeepsToTheDirectory() {
        var h = DemoVillage.make().households[0]
        let head = h.members.firstIndex { $0.relation == .head }!
        h.members[head].name = "../马\n斌"
        XCTAssertEqual(App.pageFileName(h), ".._马_斌-\(h.id).html")
    }
}
