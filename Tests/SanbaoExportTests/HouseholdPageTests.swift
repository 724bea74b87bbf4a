import Foundation
import SanbaoCore
@testable import SanbaoExport
import XCTest

/// The printable household page (明白卡): what is on it for demo households, read back with
/// Python's html.parser as an independent reader, against what the assessor says.
final class HouseholdPageTests: XCTestCase {
    static let zhang = "621121103201-0002"   // 张永强: education not met (张浩宇 out of school)
    static let niu = "621121103201-0016"     // 牛进财: medical needs follow-up

    func page(_ id: String, _ d: Dataset = Demo.dataset, fullIDs: Bool = false) -> HouseholdPage {
        let h = d.households.first { $0.id == id }!
        return HouseholdPage(household: h, checks: d.checks, cadres: d.cadres, rules: d.rules, on: Demo.date, fullIDs: fullIDs)
    }

    func render(_ pages: [HouseholdPage], _ language: Language = .zh) -> (html: String, data: Data) {
        let data = HouseholdPageDocument(pages: pages, language: language).render()
        return (String(decoding: data, as: UTF8.self), data)
    }

    /// The row of a table whose text starts with `start` (a row's text is its cells' run together).
    func row(_ doc: Python.HTMLDocument, _ start: String) -> String? {
        doc.text["tr"]?.first { $0.hasPrefix(start) }
    }

    func testAFailingIndicatorWithItsReasonsTheCadreAndRoomToSign() throws {
        let (html, data) = render([page(Self.zhang)])
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("@page { size: A4"))
        for external in ["<script", "<link", "@import", "<img", "url("] { XCTAssertFalse(html.contains(external), external) }
        let doc = try Python.readHTML(data, test: self)
        XCTAssertEqual(doc.problems, [], "every element is closed in order")
        XCTAssertEqual(doc.refs, [], "nothing fetched")
        XCTAssertEqual(doc.text["h1"], ["张永强 户帮扶明白卡"])
        XCTAssertEqual(doc.text["h2"], ["家庭成员", "六项指标", "帮扶措施", "最近入户核查"])
        // Each indicator as the assessor has it: state letter and label, every reason.
        let d = Demo.dataset
        let h = d.households.first { $0.id == Self.zhang }!
        let a = Assessor(config: d.rules).assess(h, checks: d.checks, on: Demo.date)
        XCTAssertEqual(a.state(.education), .notMet, "the demo's failing household")
        for i in Indicator.allCases {
            let s = a.indicators[i]!
            let expected = i.label.zh + "\(s.state.letter) " + s.state.label.zh + s.reasons.map(\.zh).joined(separator: "；")
            XCTAssertEqual(row(doc, i.label.zh + "\(s.state.letter)"), expected, "\(i)")
        }
        XCTAssertEqual(doc.text["strong"]?.first, "未达标：教育")
        // Who helps them and how to reach them; the household's own phone.
        let facts = try XCTUnwrap(row(doc, "户编号"))
        XCTAssertTrue(facts.contains("6211211032010002"), facts)
        XCTAssertTrue(html.contains("何志刚，通渭县农业农村局") && html.contains("13993206618") && html.contains("15720146121"))
        XCTAssertNotNil(row(doc, "人口4 人"))
        // Members, ID numbers masked: no full number anywhere.
        XCTAssertNotNil(row(doc, "张浩宇男子14621121********0498"), "\(doc.text["tr"] ?? [])")
        for m in h.members { XCTAssertFalse(html.contains(m.idNumber!), m.name) }
        // Measures and the latest visits, newest first, at most three.
        XCTAssertNotNil(row(doc, "2020-04-10富民产业养羊 12 只（湖羊）9,600"))
        let effective = CheckHistory.effective(d.checks.filter { $0.householdID == Self.zhang }).filter { $0.date <= Demo.date }
        let shown = (doc.text["tr"] ?? []).filter { $0.range(of: #"^\d{4}-\d{2}-\d{2}(何志刚|王晓燕|陈文博)"#, options: .regularExpression) != nil }
        XCTAssertEqual(shown.count, min(3, effective.count))
        XCTAssertEqual(shown.first.map { String($0.prefix(10)) }, effective.last!.date.description, "newest first")
        // A finding with a word of the cadre's gets its line; those left to the facts share one.
        let latest = try XCTUnwrap(shown.first)
        XCTAssertTrue(latest.contains("教育：计划 2027 年春季学期转入县职教中心预备班\n"), latest)
        XCTAssertTrue(latest.contains("\n按事实判定：收入、饮水、医疗、住房\n"), latest)
        XCTAssertTrue(latest.contains("\n跟进日期：2027-02-20\n") && latest.hasSuffix("\n户主已签字确认"), latest)
        let signatures = (doc.text["div"] ?? []).joined()
        XCTAssertTrue(signatures.contains("户主（签字）") && signatures.contains("帮扶责任人（签字）"), signatures)
    }

    func testAMemberWhoLeftIsListedApartAndNotCounted() throws {
        var d = Demo.dataset
        let k = d.households.firstIndex { $0.id == Self.zhang }!
        d.households[k].members[2].left = MemberChange(reason: .marriedOut, date: LocalDate("2026-05-01")!)
        let doc = try Python.readHTML(render([page(Self.zhang, d)]).data, test: self)
        XCTAssertEqual(doc.text["p"]?.first { $0.hasPrefix("已减少人员") }, "已减少人员：张佳怡（女，嫁出 2026-05-01）")
        XCTAssertNil(row(doc, "张佳怡"), "not in the members table")
        XCTAssertNotNil(row(doc, "人口3 人"))
        XCTAssertEqual(page(Self.zhang, d).present.count, 3)
        // Without one who left, no such line.
        XCTAssertFalse(render([page(Self.zhang)]).html.contains("已减少人员"))
    }

    func testFullIDsOnlyWhenAsked() {
        let full = render([page(Self.zhang, fullIDs: true)]).html
        XCTAssertTrue(full.contains("621121201205170498"))
        XCTAssertFalse(render([page(Self.zhang)]).html.contains("621121201205170498"))
    }

    func testEveryValueIsEscaped() throws {
        var d = Demo.dataset
        let k = d.households.firstIndex { $0.id == Self.zhang }!
        let name = "<script>alert(1)</script>"
        d.households[k].members[0].name = name
        d.checks.append(Check(id: "20261125-escape", householdID: Self.zhang, date: Demo.date, cadreID: "c1",
                              recordedAt: "2026-11-25T08:00:00Z", findings: [.water: Finding(state: .met, note: "水 & <b>电</b>")],
                              measures: ["\"引号\" 'x'"], note: "<img src=x onerror=alert(1)>"))
        let (html, data) = render([page(Self.zhang, d)])
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let doc = try Python.readHTML(data, test: self)
        XCTAssertEqual(doc.problems, [])
        XCTAssertNil(doc.tags["script"])
        XCTAssertNil(doc.tags["img"])
        XCTAssertNil(doc.tags["b"])
        XCTAssertEqual(doc.text["h1"], [name + " 户帮扶明白卡"], "shown as typed")
        let visit = try XCTUnwrap(doc.text["td"]?.first { $0.contains("饮水：达标") })
        XCTAssertTrue(visit.contains("饮水：达标，水 & <b>电</b>") && visit.contains("商定措施：\"引号\" 'x'")
                      && visit.contains("备注：<img src=x onerror=alert(1)>"), visit)
    }

    func testOnePagePerHouseholdInOrder() throws {
        let ids = [Self.niu, Self.zhang, "621121103201-0001"]
        let (html, data) = render(ids.map { page($0) })
        XCTAssertTrue(html.contains(".page + .page { break-before: page; page-break-before: always }"))
        let doc = try Python.readHTML(data, test: self)
        XCTAssertEqual(doc.problems, [])
        XCTAssertEqual(doc.tags["section"], 3)
        XCTAssertEqual(doc.text["h1"], ["牛进财 户帮扶明白卡", "张永强 户帮扶明白卡", "马斌 户帮扶明白卡"])
        XCTAssertEqual(doc.text["title"], ["帮扶明白卡（3 户）"])
        XCTAssertEqual((doc.text["h2"] ?? []).filter { $0 == "六项指标" }.count, 3)
        let empty = try Python.readHTML(render([]).data, test: self)
        XCTAssertEqual(empty.text["p"], ["没有符合条件的户"])
        XCTAssertNil(empty.tags["section"])
    }

    /// A visit that chose 达标 for 医疗 while the facts still need follow-up: the page says
    /// the choice was overruled, in ChoiceOverride's words, under the indicator.
    func testAnOverruledChoiceIsSaid() throws {
        var d = Demo.dataset
        d.checks.append(Check(id: "20261124-override", householdID: Self.niu, date: LocalDate("2026-11-24")!, cadreID: "c2",
                              recordedAt: "2026-11-24T08:00:00Z", findings: [.medical: Finding(state: .met)]))
        let p = page(Self.niu, d)
        let got = p.assessment.state(.medical)
        XCTAssertNotEqual(got, .met, "the facts overrule the choice")
        let why = try XCTUnwrap(ChoiceOverride.reason(chosen: .met, got: got))
        XCTAssertEqual(p.overruled, [.medical: why])
        let doc = try Python.readHTML(render([p]).data, test: self)
        XCTAssertEqual(doc.text["span"], [why.zh])
        XCTAssertTrue(try XCTUnwrap(row(doc, "医疗")).hasSuffix(why.zh))
        XCTAssertEqual(page(Self.niu).overruled, [:], "the demo's own choice stands")
    }

    func testEnglish() throws {
        let doc = try Python.readHTML(render([page(Self.zhang)], .en).data, test: self)
        XCTAssertEqual(doc.text["h1"], ["Household page: 张永强"])
        XCTAssertEqual(doc.text["h2"], ["Members", "The six indicators", "Assistance measures", "Latest visits"])
        XCTAssertNotNil(row(doc, "EducationX not met"))
        XCTAssertTrue((doc.text["div"] ?? []).joined().contains("Head of household (signature)"))
    }
}
