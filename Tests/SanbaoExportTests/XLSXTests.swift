import Foundation
import SanbaoCore
@testable import SanbaoExport
import XCTest

/// The workbook is unzipped with ZIPFoundation and every sheet parsed with XMLParser, then
/// compared with the domain's own `Summary` and roster of the demo village.
final class XLSXTests: XCTestCase {
    func workbook(_ report: SummaryReport, _ language: Language = .zh) throws -> Workbook {
        try Workbook(try report.render(.xlsx, options: RenderOptions(language: language)))
    }

    func testPackageHasEveryPartAndFourSheets() throws {
        let wb = try workbook(try Demo.report())
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/styles.xml", "docProps/core.xml", "docProps/app.xml",
                     "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
                     "xl/worksheets/sheet4.xml"] {
            XCTAssertNotNil(wb.parts[part], part)
            XCTAssertNoThrow(try XNode.parse(wb.parts[part] ?? Data()), part)
        }
        XCTAssertEqual(wb.sheetNames, ["概况", "汇总", "户明细", "问题清单"])
        let types = String(decoding: try wb.part("[Content_Types].xml"), as: UTF8.self)
        for n in 1...4 { XCTAssertTrue(types.contains("/xl/worksheets/sheet\(n).xml"), "content type of sheet \(n)") }
        let english = try workbook(try Demo.report(), .en)
        XCTAssertEqual(english.sheetNames, ["Overview", "Summary", "Households", "Gaps"])
    }

    func testEverySheetFreezesItsHeadingRowInBold() throws {
        let wb = try workbook(try Demo.report())
        for name in wb.sheetNames {
            let sheet = try wb.sheet(name)
            let pane = try XCTUnwrap(sheet.pane, name)
            XCTAssertEqual(pane["ySplit"], "1", name)
            XCTAssertEqual(pane["topLeftCell"], "A2", name)
            XCTAssertEqual(pane["state"], "frozen", name)
            XCTAssertEqual(pane["activePane"], "bottomLeft", name)
            for c in 0..<sheet.columnCount {
                let cell = try XCTUnwrap(sheet.cell(c, 1), "\(name) heading \(c)")
                XCTAssertTrue(wb.boldFonts.contains(wb.styleFonts[cell.style]), "\(name) heading \(c) is bold")
            }
        }
        let first = try wb.sheet("概况").root.descendants("sheetView").first
        XCTAssertEqual(first?["tabSelected"], "1")
    }

    func testColumnWidthsFitChineseText() throws {
        let wb = try workbook(try Demo.report())
        let sheet = try wb.sheet("户明细")
        let widths = sheet.columnWidths
        XCTAssertEqual(widths.count, sheet.columnCount, "one width per column")
        for w in widths { XCTAssertLessThanOrEqual(w, 60) }
        // 六项全部达标 is six CJK characters: twelve character widths at least.
        XCTAssertGreaterThanOrEqual(widths[sheet.column("六项全部达标")], 12)
        // The household number has 16 digits.
        XCTAssertGreaterThanOrEqual(widths[sheet.column("户编号")], 16)
        // 低保贫困户 (five characters) fits the type column.
        XCTAssertGreaterThanOrEqual(widths[sheet.column("户类型")], 10)
    }

    func testSummarySheetEqualsDomainSummary() throws {
        let summary = Summary(Demo.dataset, on: Demo.date)
        let sheet = try workbook(try Demo.report()).sheet("汇总")
        XCTAssertEqual(sheet.headings, ["范围", "村代码", "村", "组", "指标", "户数", "达标", "未达标", "需跟进", "未检查", "不适用",
                                        "六项全部达标户", "逾期未走访户"])
        let groups = summary.byGroup.keys.filter { $0.villageCode == Demo.village }
        XCTAssertEqual(sheet.records.count, (1 + 1 + groups.count) * 6, "six rows per scope: all, the village, each group")
        var seen = 0
        for r in sheet.records {
            let tally: Tally
            switch r["范围"]?.text {
            case "全部": tally = summary.total
            case "村": tally = try XCTUnwrap(summary.byVillage[r["村代码"]!.text])
            case "组": tally = try XCTUnwrap(summary.group(r["村代码"]!.text, r["组"]!.text))
            default: XCTFail("unknown level \(String(describing: r["范围"]))"); continue
            }
            let indicator = try XCTUnwrap(Indicator.allCases.first { $0.zh == r["指标"]?.text })
            func number(_ key: String) -> Int? {
                guard let c = r[key] else { return nil }
                XCTAssertNil(c.type, "\(key) is a number cell")
                return Int(c.raw ?? "")
            }
            XCTAssertEqual(number("户数"), tally.households)
            XCTAssertEqual(number("达标"), tally.count(indicator, .met), "\(indicator) met")
            XCTAssertEqual(number("未达标"), tally.count(indicator, .notMet), "\(indicator) not met")
            XCTAssertEqual(number("需跟进"), tally.count(indicator, .followUp), "\(indicator) follow-up")
            XCTAssertEqual(number("未检查"), tally.count(indicator, .unchecked), "\(indicator) unchecked")
            XCTAssertEqual(number("不适用"), tally.count(indicator, .notApplicable), "\(indicator) n/a")
            XCTAssertEqual(number("六项全部达标户"), tally.meetingStandard)
            XCTAssertEqual(number("逾期未走访户"), tally.overdue)
            seen += 1
        }
        XCTAssertEqual(seen, sheet.records.count)
        XCTAssertEqual(summary.total.households, 44, "the demo village has 44 households")
    }

    func testHouseholdSheetHoldsEveryHouseholdWithRealDates() throws {
        let wb = try workbook(try Demo.report())
        let sheet = try wb.sheet("户明细")
        let roster = Dictionary(uniqueKeysWithValues: Demo.dataset.roster(on: Demo.date).map { ($0.id, $0) })
        let records = sheet.records
        XCTAssertEqual(records.count, roster.count)
        XCTAssertEqual(Set(records.compactMap { $0["户ID"]?.text }), Set(roster.keys))
        var dates = 0
        for r in records {
            let row = try XCTUnwrap(roster[r["户ID"]!.text])
            XCTAssertEqual(r["户编号"]?.text, row.number)
            XCTAssertEqual(r["户主"]?.text, row.head)
            XCTAssertEqual(r["组"]?.text, row.group)
            XCTAssertEqual(r["人口"]?.raw, String(row.members))
            XCTAssertNil(r["人口"]?.type, "members is a number")
            XCTAssertEqual(r["帮扶干部"]?.text, row.cadre)
            XCTAssertEqual(r["六项全部达标"]?.text, row.meetsStandard ? "是" : "否")
            XCTAssertEqual(r["监测类型"]?.text, row.monitoring?.label.zh)
            for i in Indicator.allCases { XCTAssertEqual(r[i.zh]?.text, row.state(i).label.zh, "\(row.id) \(i)") }
            if let last = row.lastCheck {
                let cell = try XCTUnwrap(r["上次走访"], row.id)
                XCTAssertNil(cell.type, "a date is a number, not text")
                XCTAssertTrue(wb.isDateStyle(cell.style), "the date cell has a date format")
                XCTAssertEqual(Int(cell.raw ?? ""), last.dayNumber + 25_569, "serial of \(last)")
                dates += 1
            } else {
                XCTAssertNil(r["上次走访"], "never checked: empty cell")
            }
            if let next = row.followUp {
                XCTAssertEqual(Int(r["下次跟进"]?.raw ?? ""), next.dayNumber + 25_569)
                XCTAssertTrue(wb.isDateStyle(r["下次跟进"]!.style))
            }
        }
        XCTAssertGreaterThan(dates, 30)
        // The date style is yyyy-mm-dd (or a built-in date format).
        XCTAssertTrue(wb.formatCodes.values.contains { $0.replacingOccurrences(of: "\\", with: "") == "yyyy-mm-dd" })
    }

    func testGapSheetListsEveryFailingIndicatorWithMeasures() throws {
        let sheet = try workbook(try Demo.report()).sheet("问题清单")
        let expected = Set(zip(Demo.dataset.households, Demo.dataset.assessments(on: Demo.date)).flatMap { h, a in
            a.failing.map { "\(h.id) \($0.zh) \(a.state($0).label.zh)" }
        })
        let got = sheet.records.map { "\($0["户ID"]!.text) \($0["指标"]!.text) \($0["状态"]!.text)" }
        XCTAssertEqual(got.count, expected.count)
        XCTAssertEqual(Set(got), expected)
        // 0016: medical follow-up, with the measure agreed on the November visit.
        let row = try XCTUnwrap(sheet.records.first { $0["户ID"]?.text == "621121103201-0016" && $0["指标"]?.text == "医疗" })
        XCTAssertEqual(row["商定措施"]?.text, "12 月陪同到县医院办理慢病卡")
        XCTAssertTrue(row["原因"]?.text.contains("已预约 12 月县医院慢病鉴定") ?? false)
        XCTAssertEqual(Int(row["跟进日期"]?.raw ?? ""), LocalDate("2026-12-10")!.dayNumber + 25_569)
    }

    func testOverviewStatesPeriodThresholdsAndVersion() throws {
        let sheet = try workbook(try Demo.report()).sheet("概况")
        let items = Dictionary(sheet.records.map { ($0["项目"]!.text, $0["内容"]) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(items["村"]??.text, "文峰村（621121103201）")
        XCTAssertEqual(items["乡镇"]??.text, "榜罗镇")
        XCTAssertEqual(Int(items["统计期间起"]??.raw ?? ""), LocalDate("2025-11-25")!.dayNumber + 25_569)
        XCTAssertEqual(Int(items["统计期间止（评估日期）"]??.raw ?? ""), Demo.date.dayNumber + 25_569)
        XCTAssertEqual(items["户数"]??.raw, "44")
        XCTAssertEqual(items["三保版本"]??.text, SanbaoVersion.current)
        XCTAssertEqual(items["生成时间"]??.text, Demo.generatedAt)
        XCTAssertEqual(items["判定标准：走访间隔"]??.text, "30 天")
        XCTAssertTrue(items["判定标准：贫困线（人均纯收入）"]??.text.contains("2020 年 4000 元") ?? false)
        XCTAssertTrue(items["帮扶干部"]??.text.contains("何志刚") ?? false)
        XCTAssertEqual(items["身份证号"]??.text, "已遮盖")
    }

    func testControlCharactersAreDroppedAndTheWorkbookStaysValid() throws {
        var d = Demo.dataset
        d.checks.append(Check(id: "ctl", householdID: "621121103201-0001", date: Demo.date, cadreID: "c1",
                              recordedAt: "2026-11-25T10:00:00Z", findings: [:], note: "响铃\u{07}退格\u{08}换页\u{0C}\t制表"))
        let wb = try workbook(try Demo.report(d))
        let sheet = try wb.sheet("户明细")
        let notes = sheet.records.first { $0["户ID"]?.text == "621121103201-0001" }?["期内走访记录"]?.text ?? ""
        XCTAssertTrue(notes.contains("响铃退格换页\t制表"), notes)
    }

    func testXMLEscapingAndExcelEscapes() {
        XCTAssertEqual(TextTools.xmlEscaped("a&b<c>\"d'\u{01}e\r\nf"), "a&amp;b&lt;c&gt;&quot;d&apos;e\nf")
        XCTAssertEqual(XLSXWriter.cellText("x_x000D_y"), "x_x005F_x000D_y")
        XCTAssertEqual(Workbook.unescapeExcel(XLSXWriter.cellText("x_x000D_y")), "x_x000D_y")
        XCTAssertEqual(XLSXWriter.columnName(0), "A")
        XCTAssertEqual(XLSXWriter.columnName(25), "Z")
        XCTAssertEqual(XLSXWriter.columnName(26), "AA")
        XCTAssertEqual(XLSXWriter.columnName(28), "AC")
        XCTAssertEqual(XLSXWriter.serial(LocalDate("1900-03-01")!), 61)
        XCTAssertEqual(XLSXWriter.serial(LocalDate("2026-11-25")!), 46351)
        XCTAssertEqual(TextTools.displayWidth("文峰村 01"), 9)
        XCTAssertEqual(XLSXWriter.sheetNames(["a/b", "A/B", String(repeating: "长", count: 40)]),
                       ["ab", "AB 2", String(repeating: "长", count: 31)])
    }

    /// An independent reader: LibreOffice converts the workbook to CSV, sheet by sheet.
    /// .ci/run installs LibreOffice (libreoffice-calc-nogui), so this always runs.
    func testLibreOfficeOpensTheWorkbook() throws {
        let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let soffice else {
            return XCTFail("LibreOffice is not installed: apt-get install -y libreoffice-calc-nogui (.ci/run does)")
        }
        let dir = tempDir(self, "sanbao-lo")
        let xlsx = dir + "/summary.xlsx"
        try Demo.report(Demo.datasetWithHardNote()).render(.xlsx).write(to: URL(fileURLWithPath: xlsx))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice)
        // 44 comma, 34 quote, 76 UTF-8, row 1; formatted as shown; -1: every sheet.
        p.arguments = ["-env:UserInstallation=file://" + dir + "/profile", "--headless", "--convert-to",
                       "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, xlsx]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // A hung LibreOffice (a stale profile lock, a dialog) fails the test instead of
        // hanging the suite: killed after 120 s, a conversion takes a few seconds.
        let deadline = Date().addingTimeInterval(120)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            return XCTFail("LibreOffice did not finish converting the workbook within 120 s")
        }
        let households = dir + "/summary-户明细.csv"
        guard let data = FileManager.default.contents(atPath: households) else {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            XCTFail("LibreOffice wrote no household sheet (status \(p.terminationStatus)); files: \(files)")
            return
        }
        let csv = try parseCSV(data)
        XCTAssertEqual(csv.rows.count, 44)
        let id = try XCTUnwrap(csv.header.firstIndex(of: "户ID"))
        let last = try XCTUnwrap(csv.header.firstIndex(of: "上次走访"))
        let notes = try XCTUnwrap(csv.header.firstIndex(of: "期内走访记录"))
        let roster = Dictionary(uniqueKeysWithValues: Demo.datasetWithHardNote().roster(on: Demo.date).map { ($0.id, $0) })
        for row in csv.rows {
            XCTAssertEqual(row[last], roster[row[id]]?.lastCheck?.description ?? "", "LibreOffice shows the date as yyyy-mm-dd")
        }
        let n5 = try XCTUnwrap(csv.rows.first { $0[id] == "621121103201-0005" })
        XCTAssertTrue(n5[notes].contains(Demo.hardNoteRead), n5[notes])
        let n16 = try XCTUnwrap(csv.rows.first { $0[id] == "621121103201-0016" })
        XCTAssertTrue(n16[notes].contains(Demo.demoNote))
        let summary = try parseCSV(try XCTUnwrap(FileManager.default.contents(atPath: dir + "/summary-汇总.csv")))
        XCTAssertEqual(summary.rows.count, 42)
    }
}
