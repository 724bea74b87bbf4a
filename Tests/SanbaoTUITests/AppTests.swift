import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoStore
@testable import SanbaoTUI
import XCTest

/// The app driven by keys in memory: what a cadre does, checked on screen and on disk.
final class AppTests: XCTestCase {
    var dir = ""

    func makeApp(language: Language = .zh, rows: Int = 24, columns: Int = 80) throws -> (App, Store) {
        if dir.isEmpty {
            dir = NSTemporaryDirectory() + "sanbao-app-" + UUID().uuidString
            try DatasetWriter(layout: DataLayout(root: dir)).create(DemoVillage.make(), manifest: Manifest(deviceID: "t", created: "x"))
            addTeardownBlock { [dir] in try? FileManager.default.removeItem(atPath: dir) }
        }
        let store = try Store(layout: DataLayout(root: dir), write: true, loading: .onDemand, now: { "2026-11-25T10:00:00Z" })
        let app = App(store: store, terminal: MemoryTerminal(rows: rows, columns: columns), today: DemoVillage.asOf,
                      language: language, cadreID: nil, clock: { "2026-11-25T10:00:00Z" })
        return (app, store)
    }

    func press(_ app: App, _ keys: [Key]) { for k in keys { app.handle(k) } }
    func type(_ app: App, _ text: String) { for c in text { app.handle(.character(c)) } }

    func testSearchOpensTheHouseholdFoundByPinyinInitials() throws {
        let (app, _) = try makeApp()
        press(app, [.character("/")])
        type(app, "zyq")
        XCTAssertTrue(app.screenText.contains("1/44"), app.screenText)
        press(app, [.enter, .enter])
        XCTAssertTrue(app.screenText.contains("张永强  文峰村一组  [621121103201-0002]"), app.screenText)
    }

    func testEnteringACheckSavesItDurablyAndSaysSo() throws {
        let (app, store) = try makeApp()
        press(app, [.down, .character("n")] + Array(repeating: Key.pageDown, count: 7) + [.down, .down, .down])
        type(app, "已劝返，\"下周\"复查")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/drafts/621121103201-0002.json"), "the draft is kept while typing")
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("已保存（已写入磁盘）"), app.screenText)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/drafts/621121103201-0002.json"), "the draft is gone once saved")
        store.close()
        let again = try Store(layout: DataLayout(root: dir), write: false)
        let saved = again.dataset.checks.filter { $0.householdID == "621121103201-0002" && $0.recordedAt == "2026-11-25T10:00:00Z" }
        XCTAssertEqual(saved.count, 1)
        XCTAssertEqual(saved.first?.note, "已劝返，\"下周\"复查")
        XCTAssertEqual(saved.first?.findings.count, 6, "a full check has a finding for every indicator")
    }

    func testLiveDerivedStateFollowsTheAnswers() throws {
        let (app, _) = try makeApp()
        // Household 0002: 张浩宇 14 dropped out. Education page, first field: his school status.
        press(app, [.down, .character("n"), .pageDown, .pageDown, .pageDown, .pageDown])
        XCTAssertTrue(app.screenText.contains("X 未达标"), app.screenText)
        // Choices run unknown, preschool, primary, junior middle, senior middle,
        // vocational, college, not in school, dropped out: five steps back is junior middle.
        press(app, Array(repeating: Key.left, count: 5))
        XCTAssertTrue(app.screenText.contains("初中"), app.screenText)
        XCTAssertTrue(app.screenText.contains("+ 达标"), app.screenText)
    }

    func testEscapeAsksBeforeDiscardingChanges() throws {
        let (app, _) = try makeApp()
        press(app, [.down, .character("n"), .pageDown, .pageDown, .character(" ")])  // food page: a yes/no answer changes
        press(app, [.escape])
        XCTAssertTrue(app.screenText.contains("放弃未保存的修改？(y/n)"))
        press(app, [.character("n")])
        XCTAssertTrue(app.screenText.contains("入户检查"), "still in the form")
        press(app, [.escape, .character("y")])
        XCTAssertFalse(app.screenText.contains("入户检查"))
    }

    func testCtrlCAsksWhenAFormHasChangesAndQuitsOtherwise() throws {
        let (app, _) = try makeApp()
        press(app, [.down, .character("n"), .pageDown, .pageDown, .character(" "), .control("c")])
        XCTAssertTrue(app.screenText.contains("仍要退出？"))
        XCTAssertFalse(app.finished)
        press(app, [.character("y")])
        XCTAssertTrue(app.finished)
        let (clean, _) = try makeApp()
        clean.handle(.control("c"))
        XCTAssertTrue(clean.finished)
    }

    func testADraftLeftBehindIsOfferedBackOnTheNextStart() throws {
        let (first, store) = try makeApp()
        press(first, [.down, .character("n")] + Array(repeating: Key.pageDown, count: 7) + [.down, .down, .down])
        type(first, "半截备注")
        store.close()  // the process "dies" here: no save, no discard
        let (second, _) = try makeApp()
        XCTAssertTrue(second.screenText.contains("发现未保存的检查：张永强"), second.screenText)
        press(second, [.character("y")] + Array(repeating: Key.pageDown, count: 7))
        XCTAssertTrue(second.screenText.contains("半截备注"), second.screenText)
    }

    func testReadOnlySessionSaysSoAndNeverOffersToSave() throws {
        let (_, holder) = try makeApp()
        let store = try Store(layout: DataLayout(root: dir), write: true)
        let app = App(store: store, terminal: MemoryTerminal(rows: 24, columns: 80), today: DemoVillage.asOf, language: .en, cadreID: nil)
        XCTAssertTrue(app.screenText.contains("[read-only]"), app.screenText)
        XCTAssertTrue(app.screenText.contains("in use by pid"), app.screenText)
        press(app, [.character("n")])
        XCTAssertFalse(app.screenText.contains("Check  "), "no form opens")
        XCTAssertTrue(app.screenText.contains("read-only"), app.screenText)
        holder.close()
    }

    func testFiltersAndSortChangeTheCount() throws {
        let (app, _) = try makeApp(language: .en)
        press(app, [.character("f")])
        XCTAssertTrue(app.screenText.contains("14/44"), "any failing: the demo has 14 households not meeting the standard")
        press(app, [.character("x"), .character("o")])
        XCTAssertTrue(app.screenText.contains("8/44"), "8 overdue")
        press(app, [.character("x"), .character("m")])
        let monitoring = DemoVillage.make().households.filter { $0.status.monitoring != nil }.count
        XCTAssertTrue(app.screenText.contains("\(monitoring)/44"))
    }

    func testExportWritesTheSummaryFileAndAsksBeforeReplacing() throws {
        let (app, store) = try makeApp()
        XCTAssertFalse(store.isComplete, "opened on demand: the export reads village by village")
        let out = dir + "-summary.csv"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: out) }
        press(app, [.character("e"), .right, .down, .control("u")])
        type(app, out)
        press(app, [.enter])
        XCTAssertTrue(app.screenText.contains("已导出 44 户到 \(out)"), app.screenText)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        // The same file the whole dataset gives.
        let request = ExportRequest(to: DemoVillage.asOf, generatedAt: "2026-11-25T10:00:00Z")
        let whole = try SummaryReport(DatasetReader(layout: DataLayout(root: dir)).read().dataset, request)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), try whole.render(.csv, options: RenderOptions(language: .zh)))
        XCTAssertTrue(text.contains("张永强"))
        XCTAssertFalse(text.contains("621121198"), "ID numbers are masked")
        press(app, [.character("e"), .right, .down, .control("u")])
        type(app, out)
        press(app, [.enter])
        XCTAssertTrue(app.screenText.contains("已存在，覆盖？"), app.screenText)
        press(app, [.character("n")])
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), text)
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/intake").path + "/"

    /// `i` on the roster, a path, Enter: what would change; F10 takes it in, with the
    /// same reading as `sanbao intake`, and the roster shows the new households.
    func testIntakeFromTheRosterShowsThenTakesTheRosterIn() throws {
        let (app, store) = try makeApp()
        press(app, [.character("i")])
        type(app, Self.fixtures + "wenfeng.xlsx")
        press(app, [.enter])
        XCTAssertTrue(app.screenText.contains("wenfeng.xlsx: 4 户（新增 4），10 人，干部 2 人；问题 0"), app.screenText)
        XCTAssertTrue(app.screenText.contains("新增户 621121103201-0101 马国强（6 人）"), app.screenText)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/households/621121103201.jsonl.tmp"))
        let before = try String(contentsOfFile: dir + "/households/621121103201.jsonl", encoding: .utf8)
        XCTAssertFalse(before.contains("马国强"), "the preview writes nothing")
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("已导入 wenfeng.xlsx: 4 户（新增 4）"), app.screenText)
        XCTAssertTrue(app.screenText.contains("48/48"), app.screenText)
        let after = try String(contentsOfFile: dir + "/households/621121103201.jsonl", encoding: .utf8)
        XCTAssertTrue(after.contains("马国强"))
        store.close()
    }

    func testARefusedRosterCannotBeTakenIn() throws {
        let (app, store) = try makeApp(language: .en)
        press(app, [.character("i")])
        type(app, Self.fixtures + "bad/two-heads.csv")
        press(app, [.enter])
        XCTAssertTrue(app.screenText.contains("two-heads.csv:3: column 与户主关系: household 6211211032010101 already has a"), app.screenText)
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/households/621121103201.jsonl"))
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("two-heads.csv:3"), "F10 does nothing on a refused roster")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/households/621121103201.jsonl")), before)
        press(app, [.escape])
        XCTAssertTrue(app.screenText.contains("Take in the township's roster"), "Esc goes back to the path: \(app.screenText)")
        press(app, [.escape])
        XCTAssertTrue(app.screenText.contains("44/44"), app.screenText)
        type(app, "i")
        type(app, "/nonexistent.xlsx")
        press(app, [.enter])
        XCTAssertTrue(app.screenText.contains("not taken in"), app.screenText)
        store.close()
    }

    func testAnEmptyDataDirectoryExplainsIntake() throws {
        let empty = NSTemporaryDirectory() + "sanbao-empty-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: empty) }
        try DatasetWriter(layout: DataLayout(root: empty)).create(Dataset(), manifest: Manifest(deviceID: "t", created: "x"))
        let store = try Store(layout: DataLayout(root: empty), write: true, loading: .onDemand)
        defer { store.close() }
        let app = App(store: store, terminal: MemoryTerminal(rows: 24, columns: 80), today: DemoVillage.asOf, language: .zh, cadreID: nil)
        XCTAssertTrue(app.screenText.contains("还没有任何户。按 i 导入乡镇发来的花名册"), app.screenText)
        press(app, [.character("i")])
        type(app, Self.fixtures + "wenfeng.gb18030.csv")
        press(app, [.enter, .function(10)])
        XCTAssertTrue(app.screenText.contains("4/4"), app.screenText)
    }
}
