import Foundation
import SanbaoCore
import SanbaoSamples
import SanbaoExport
import SanbaoStore
@testable import SanbaoTUI
import SanbaoText
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
        press(app, [.enter])
        XCTAssertTrue(app.screenText.contains("张永强  文峰村一组  [621121103201-0002]"), "one Enter opens: \(app.screenText)")
        press(app, [.escape])
        XCTAssertTrue(app.screenText.contains("/ 搜索: zyq"), "the search stays: \(app.screenText)")
        XCTAssertTrue(app.screenText.contains("0002 张永强"), app.screenText)
    }

    /// Issue 20: a second / starts a new search (it appended to the old one: "zyqw").
    func testASecondSlashStartsANewSearch() throws {
        let (app, _) = try makeApp(language: .en)
        press(app, [.character("/")])
        type(app, "zyq")
        press(app, [.down])
        XCTAssertTrue(app.screenText.contains("/ Search: zyq"), app.screenText)
        press(app, [.character("/")])
        let fresh = app.screenText.split(separator: "\n")[1]
        XCTAssertTrue(fresh.hasPrefix("/ Search:") && fresh.hasSuffix("44/44") && !fresh.contains("zyq"), app.screenText)
        type(app, "hzg")
        XCTAssertTrue(app.screenText.contains("/ Search: hzg"), app.screenText)
    }

    /// Issue 20: the help screen's own keys close it: ? and F1 as well as q and Esc.
    func testHelpKeysCloseTheHelpScreen() throws {
        let (app, _) = try makeApp(language: .en)
        for close in [Key.character("?"), .function(1), .character("q"), .escape] {
            press(app, [.character("?")])
            XCTAssertTrue(app.screenText.contains("Keys (Esc to go back)"), app.screenText)
            press(app, [close])
            XCTAssertEqual(app.stack.count, 1, "\(close) left help open: \(app.screenText)")
            XCTAssertTrue(app.screenText.contains("0001"), app.screenText)
        }
    }

    /// Issue 14, defect 6: while searching, the hint line shows the search's keys.
    func testTheHintLineShowsTheSearchKeysWhileSearching() throws {
        for (language, expected, roster) in [(Language.zh, "F1 帮助  Enter 打开  Down/Up 选择  Esc 清除搜索", "n 新检查"),
                                             (.en, "F1 help  Enter open  Down/Up choose  Esc clear search", "n new check")] {
            dir = ""
            let (app, _) = try makeApp(language: language)
            press(app, [.character("/")])
            type(app, "zh")
            let hints = app.screenText.split(separator: "\n", omittingEmptySubsequences: false)[22]
            XCTAssertEqual(String(hints), expected)
            XCTAssertFalse(app.screenText.contains(roster))
            press(app, [.down])
            XCTAssertTrue(app.screenText.contains(roster), "Down ends typing: the roster's keys again")
        }
    }

    /// Issue 14, defect 2: 户主已签字确认 moved only with Left. Every choice: Left and Right
    /// cycle both ways, Space swaps yes and no.
    func testEveryChoiceMovesBothWaysAndSpaceSwapsYesAndNo() throws {
        for (language, label, yes, no) in [(Language.zh, "户主已签字确认", "< 是 >", "< 否 >"),
                                           (.en, "Household confirmed (signed)", "< yes >", "< no >")] {
            dir = ""
            let (app, _) = try makeApp(language: language)
            press(app, [.down, .character("n")] + Array(repeating: Key.pageDown, count: 7) + [.down, .down])
            func signed() -> String { app.screenText.split(separator: "\n").first { $0.contains(label) }.map(String.init) ?? "" }
            XCTAssertTrue(signed().contains(no), signed())
            for (key, shows) in [(Key.right, yes), (.right, no), (.character(" "), yes), (.character(" "), no), (.left, yes), (.left, no)] {
                press(app, [key])
                XCTAssertTrue(signed().contains(shows), "\(language) after \(key): \(signed())")
            }
        }
        // A yes/no that may be unknown: Space swaps yes and no, Left and Right reach unknown.
        dir = ""
        let (app, _) = try makeApp()
        press(app, Array(repeating: Key.down, count: 4) + [.character("n")] + Array(repeating: Key.pageDown, count: 5))
        func insured() -> String { app.screenText.split(separator: "\n").first { $0.contains("▶") }.map(String.init) ?? "" }
        XCTAssertTrue(insured().contains("参加医保"), insured())
        let start = insured()
        press(app, [.character(" ")])
        let swapped = insured()
        XCTAssertNotEqual(start, swapped)
        press(app, [.character(" ")])
        XCTAssertEqual(insured(), start, "Space twice: back where it was")
        press(app, [.right])
        XCTAssertTrue(insured().contains("< 未知 >") || insured().contains("< 否 >"), insured())
        press(app, [.right, .right])
        XCTAssertEqual(insured(), start, "three options, three steps round")
    }

    /// Issue 14, defect 7: Enter on a page's last field goes on to the next page.
    func testEnterOnAPagesLastFieldGoesToTheNextPage() throws {
        let (app, _) = try makeApp()
        press(app, [.down, .character("n"), .enter, .enter])
        XCTAssertTrue(app.screenText.contains("▶ 收入年份"), app.screenText)
        press(app, [.up])
        XCTAssertTrue(app.screenText.contains("▶ 走访干部"), "Up before the first field goes back: \(app.screenText)")
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
        XCTAssertTrue(app.screenText.contains("放弃 张永强 未保存的检查？草稿将被删除 (y/n)"), app.screenText)
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

    var draftFile: String { dir + "/drafts/621121103201-0002.json" }

    /// Issue 14, defect 1: "no" at the start-up prompt, then `n` on the same household and
    /// Esc with no change deleted the draft without a word.
    func testADraftIsNeverDeletedWithoutAQuestionThatNamesIt() throws {
        let (first, store) = try makeApp()
        press(first, [.down, .character("n")] + Array(repeating: Key.pageDown, count: 7) + [.down, .down, .down])
        type(first, "半截备注")
        store.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: draftFile))
        let (second, _) = try makeApp()
        XCTAssertTrue(second.screenText.contains("发现未保存的检查：张永强"), second.screenText)
        press(second, [.character("n")])  // "later"
        XCTAssertTrue(FileManager.default.fileExists(atPath: draftFile), "no keeps the draft")
        press(second, [.down, .enter, .character("n")])
        XCTAssertTrue(second.screenText.contains("继续录入 张永强 未保存的检查"), "the new check continues the draft: \(second.screenText)")
        press(second, Array(repeating: Key.pageDown, count: 7))
        XCTAssertTrue(second.screenText.contains("半截备注"), second.screenText)
        press(second, [.escape])
        XCTAssertTrue(second.screenText.contains("放弃 张永强 未保存的检查？草稿将被删除 (y/n)"), second.screenText)
        press(second, [.character("n")])
        XCTAssertTrue(FileManager.default.fileExists(atPath: draftFile))
        press(second, [.escape, .character("y")])
        XCTAssertFalse(FileManager.default.fileExists(atPath: draftFile), "discarded by the question that names it")
    }

    func testLeavingAnUnchangedFormTouchesNoDraft() throws {
        let (app, _) = try makeApp()
        try FileManager.default.createDirectory(atPath: dir + "/drafts", withIntermediateDirectories: true)
        press(app, [.down, .character("n"), .escape])
        XCTAssertFalse(app.screenText.contains("入户检查"), "an unchanged form closes at once")
        XCTAssertFalse(FileManager.default.fileExists(atPath: draftFile))
    }

    func testTheStartUpPromptTakesOnlyItsOwnKeys() throws {
        let (first, store) = try makeApp()
        press(first, [.down, .character("n"), .pageDown, .pageDown, .character(" ")])
        store.close()
        let (second, _) = try makeApp()
        XCTAssertTrue(second.screenText.contains("y 继续 / n 稍后"), second.screenText)
        XCTAssertTrue(second.screenText.contains("y 是  n/Esc 否"), "the hint line shows the answers: \(second.screenText)")
        XCTAssertFalse(second.screenText.contains("/ 搜索"), second.screenText)
        press(second, [.down, .enter, .character("q"), .character("d")])
        XCTAssertTrue(second.screenText.contains("发现未保存的检查"), "other keys do nothing while it asks")
        XCTAssertTrue(second.screenText.contains("0001 马斌"), second.screenText)
    }

    func testReadOnlySessionSaysSoAndNeverOffersToSave() throws {
        let (_, holder) = try makeApp()
        let store = try Store(layout: DataLayout(root: dir), write: true)
        let app = App(store: store, terminal: MemoryTerminal(rows: 24, columns: 80), today: DemoVillage.asOf, language: .en, cadreID: nil)
        XCTAssertTrue(app.screenText.contains("[read-only]"), app.screenText)
        XCTAssertTrue(app.screenText.contains("Another Sanbao window has had this data open since "), app.screenText)
        XCTAssertFalse(app.screenText.contains("pid"), "issue 14, defect 10: no machine words: \(app.screenText)")
        press(app, [.character("n")])
        XCTAssertFalse(app.screenText.contains("Check  "), "no form opens")
        XCTAssertTrue(app.screenText.contains("read-only"), app.screenText)
        holder.close()
    }

    func testFiltersAndSortChangeTheCount() throws {
        let (app, _) = try makeApp(language: .en)
        press(app, [.character("f")])
        XCTAssertTrue(app.screenText.contains(" 14/44\n"), "any failing: the demo has 14 households not meeting the standard")
        press(app, [.character("x"), .character("o")])
        // The count ends the filter line: " 8/44" at its end, so 18/44 does not pass for it.
        XCTAssertTrue(app.screenText.contains(" 8/44\n"), "8 overdue: \(app.screenText)")
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

    func lines(_ app: App) -> [String] { app.screenText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// Issue 14, defect 4: reasons were cut at column 80 with no sign and Enter did nothing.
    func testACutReasonShowsAnEllipsisAndEnterShowsItWhole() throws {
        for language in Language.allCases {
            dir = ""
            let (app, _) = try makeApp(language: language)
            press(app, [.down, .enter])
            let label = language == .zh ? "教育" : "Education"
            let line = lines(app).first { $0.hasPrefix("  " + label) } ?? ""
            if language == .en { XCTAssertTrue(line.hasSuffix("…"), "cut, and says so: \(line)") }
            XCTAssertEqual(DisplayWidth.of(line), language == .en ? 80 : DisplayWidth.of(line))
            // Move the highlight onto the education line and open it.
            let row = lines(app).firstIndex(of: line)!
            press(app, Array(repeating: Key.down, count: row - 2) + [.enter])
            let text = app.screenText
            XCTAssertTrue(text.contains("计划 2027 年春季学期转入县职教中心预备班"), text)
            XCTAssertTrue(text.contains(language == .zh ? "张永强  教育" : "张永强  Education"), text)
            XCTAssertTrue(text.contains(language == .zh ? "X 未达标" : "X not met"), text)
        }
    }

    /// Issue 14, defect 14: at 80 columns the English roster's hints ended "… e expo":
    /// quit was invisible. Help and the way out always show.
    func testHelpAndTheWayOutAlwaysFitTheHintLine() throws {
        for language in Language.allCases {
            // A question offers only its answers; on the help screen the help keys close it.
            for context in KeyContext.allCases where ![.question, .help].contains(context) {
                let hints = KeyTable.standard.hints(for: context, language, width: 80)
                XCTAssertLessThanOrEqual(DisplayWidth.of(hints), 80, hints)
                XCTAssertTrue(hints.contains(KeyTable.short(.help).text(language)), "\(context): \(hints)")
                if [.roster, .household, .dashboard].contains(context) {
                    XCTAssertTrue(hints.hasSuffix("q " + KeyTable.short(context == .roster ? .quit : .back).text(language)), hints)
                }
            }
        }
        let (app, _) = try makeApp(language: .en)
        XCTAssertTrue(lines(app)[22].hasSuffix("q quit"), lines(app)[22])
    }

    /// Issue 14, defect 12: the dashboard said "8 overdue" and showed three; the first
    /// PgDn did nothing visible; nothing said more lay below.
    func testTheDashboardScrollsAtOnceAndSaysMoreLiesBelow() throws {
        for (language, more) in [(Language.zh, "下面还有"), (.en, "more lines below")] {
            dir = ""
            let (app, _) = try makeApp(language: language)
            press(app, [.character("d")])
            XCTAssertTrue(lines(app)[21].contains(more), lines(app)[21])
            let before = lines(app)[1]
            press(app, [.pageDown])
            XCTAssertNotEqual(lines(app)[1], before, "the first PgDn scrolls")
            XCTAssertTrue(app.screenText.contains("李福元"), "the last overdue household shows: \(app.screenText)")
            XCTAssertFalse(app.screenText.contains(more))
        }
    }

    /// Issue 14, defect 8: 2026/12/31, 2026-2-5, 20261231 were refused, and the refusal
    /// did not say the expected form.
    func testDatesAreTakenAsPeopleWriteThemAndARefusalSaysTheForm() throws {
        for (language, refusal) in [(Language.zh, "“12月31日”不是日期：请写成 2026-11-25"), (.en, "\"12月31日\" is not a date: write it as 2026-11-25")] {
            dir = ""
            let (app, _) = try makeApp(language: language)
            press(app, [.down, .character("n")] + Array(repeating: Key.pageDown, count: 7) + [.down])
            for (written, date) in [("2026/12/31", "2026-12-31"), ("2026-2-5", "2026-02-05"), ("20261231", "2026-12-31"), ("2026年12月30日", "2026-12-30")] {
                press(app, [.control("u")])
                type(app, written)
                press(app, [.down, .up])
                XCTAssertTrue(lines(app).contains { $0.hasSuffix("  " + date) }, "\(written): \(app.screenText)")
            }
            press(app, [.control("u")])
            type(app, "12月31日")
            press(app, [.down])
            XCTAssertTrue(lines(app)[23].hasPrefix(refusal), lines(app)[23])
            XCTAssertTrue(lines(app).contains { $0.contains("12月31日") }, "the text stays to be corrected")
        }
    }

    /// Issue 14, defect 10: times in local time as people write them, no UTC instants.
    func testTimesAreShownInLocalTimeToTheMinute() throws {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        XCTAssertEqual(LocalTime.written("2026-12-06T04:10:43.642Z", in: shanghai), "2026-12-06 12:10")
        XCTAssertEqual(LocalTime.written("2026-12-05T20:14:03Z", in: shanghai), "2026-12-06 04:14")
        XCTAssertEqual(LocalTime.short("2026-12-06T02:14:03.312Z", today: "2026-12-06", in: shanghai), "10:14")
        XCTAssertEqual(LocalTime.short("2026-12-05T02:14:03.312Z", today: "2026-12-06", in: shanghai), "2026-12-05 10:14")
        XCTAssertEqual(LocalTime.written("not a time", in: shanghai), "not a time")
        for language in Language.allCases {
            dir = ""
            let (app, _) = try makeApp(language: language)
            // Household 0002, its newest check opened in full.
            press(app, [.down, .enter, .end, .enter])
            let text = app.screenText
            XCTAssertNotNil(text.range(of: #"(记录时间|Recorded) \d{4}-\d{2}-\d{2} \d{2}:\d{2}"#, options: .regularExpression), text)
            XCTAssertNil(text.range(of: #"\d{2}:\d{2}:\d{2}"#, options: .regularExpression), text)
        }
        XCTAssertEqual(Key.backTab.name, "Shift-Tab")
    }

    /// Issue 14, defect 9: follow-up dates of another year showed no year; overdue rows
    /// were marked by colour alone.
    func testFollowUpsShowTheirYearAndLateRowsAMarkWithoutColour() throws {
        for language in Language.allCases {
            dir = ""
            let (app, _) = try makeApp(language: language)
            let rows = lines(app)
            let zhang = rows.first { $0.hasPrefix("0002") } ?? ""
            XCTAssertTrue(zhang.hasSuffix("13 2027-02-20"), "next year's date shows its year: \(zhang)")
            let ma = rows.first { $0.hasPrefix("0009") } ?? ""
            XCTAssertTrue(ma.hasSuffix("21 12-04"), "this year's date does not: \(ma)")
            let li = rows.first { $0.hasPrefix("0015") } ?? ""
            XCTAssertTrue(li.hasSuffix("71!"), "overdue, marked without colour: \(li)")
            let pan = rows.first { $0.hasPrefix("0006") } ?? ""
            XCTAssertTrue(pan.hasSuffix("-!"), "never visited, overdue: \(pan)")
        }
    }

    /// Issue 14, defect 11: the roster sorted by head is in pinyin order, on screen.
    func testTheRosterSortsHeadsByPinyin() throws {
        for language in Language.allCases {
            dir = ""
            let (app, _) = try makeApp(language: language)
            press(app, [.character("s")])
            let heads = lines(app)[3..<22].map { $0.dropFirst(5).prefix { $0 != " " } }.map(String.init)
            XCTAssertEqual(heads.first.map { String($0.prefix(1)) }, "常", lines(app)[3])
            XCTAssertEqual(heads, heads.sorted { PinyinOrder.key($0) < PinyinOrder.key($1) }, "\(heads)")
            XCTAssertTrue(heads.contains("冯鹏飞") && heads.firstIndex(of: "冯鹏飞")! < heads.firstIndex { $0.hasPrefix("何") }!, "\(heads)")
        }
    }

    /// Issue 14, defect 16: at county scale the top line listed every village and pushed
    /// the date off the screen.
    func testTheTopLineCountsVillagesAndKeepsTheDate() throws {
        let (_, store) = try makeApp()
        let data = Generator.make(households: 3000, seed: 5, asOf: DemoVillage.asOf)
        let villages = Set(data.households.map(\.address.village)).count
        XCTAssertGreaterThan(villages, 3)
        for (language, count) in [(Language.zh, "\(villages) 个村"), (.en, "\(villages) villages")] {
            let model = Model(dataset: data, today: DemoVillage.asOf, language: language)
            let app = App(model: model, store: store, terminal: MemoryTerminal(rows: 24, columns: 80))
            let top = lines(app)[0]
            XCTAssertTrue(top.contains(count), top)
            XCTAssertTrue(top.contains("2026-11-25"), top)
        }
    }

    /// Issue 14, defect 5: the marks of a check row ([******]) were explained nowhere.
    func testTheMarksOfACheckRowAreExplained() throws {
        for (language, legend, help) in [(Language.zh, "* 按事实判定", "* 按事实判定（检查记录）"), (.en, "* from the facts", "unchecked  * from the facts")] {
            dir = ""
            let (app, _) = try makeApp(language: language)
            press(app, [.down, .enter, .end])
            XCTAssertTrue(app.screenText.contains("[******]") && app.screenText.contains(legend), app.screenText)
            press(app, [.escape, .character("?"), .end])
            XCTAssertTrue(app.screenText.contains(help), app.screenText)
        }
    }

    /// Issue 14, defect 17: the roster said 文峰一组, the household screen 文峰村一组.
    func testThePlaceIsWrittenTheSameWayOnEveryScreen() throws {
        let (app, _) = try makeApp()
        XCTAssertTrue(lines(app)[4].contains("张永强       文峰村一组"), lines(app)[4])
        press(app, [.down, .enter])
        XCTAssertTrue(app.screenText.contains("张永强  文峰村一组"), app.screenText)
    }

    /// The follow-up worklist from the roster (`w`): soonest first; Enter opens the
    /// household selected, `n` starts its check, `q` comes back (issue 14).
    func testWorklistOpensTheHouseholdAndStartsItsCheck() throws {
        let (app, _) = try makeApp()
        press(app, [.character("w")])
        let lines = app.screenText.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[1].hasPrefix("跟进名单（截至"), app.screenText)
        XCTAssertTrue(lines[2].hasPrefix("从未走访   走访逾期 0006 潘桂花"), app.screenText)
        press(app, [.down, .enter])
        XCTAssertTrue(app.stack.last is HouseholdScreen, "Enter opens the household")
        XCTAssertTrue(app.screenText.contains("[621121103201-0023]"), app.screenText)
        press(app, [.character("q")])
        XCTAssertTrue(app.stack.last is WorklistScreen)
        press(app, [.character("n")])
        XCTAssertTrue(app.stack.last is CheckFormScreen, "n starts the check")
        XCTAssertTrue(app.screenText.contains("入户检查  赵强"), app.screenText)
    }
}
