import Foundation
import XCTest

/// `sanbao member`, `household`, `cadre`, `pair` (issue 13): a family's changes in plain
/// commands, Chinese or English values, each refusal a message and an exit code with
/// nothing written.
final class RecordCommandTests: XCTestCase {
    var dir = ""

    override func setUp() { dir = makeDemo() }

    @discardableResult
    func sanbao(_ args: [String], expect code: Int32 = 0, lang: String = "zh",
                file: StaticString = #filePath, line: UInt = #line) -> (status: Int32, stdout: String, stderr: String) {
        let r = run(args + CLI.opts(dir, lang: lang), file: file, line: line)
        XCTAssertEqual(r.status, code, "\(args): \(r.stdout)\(r.stderr)", file: file, line: line)
        return r
    }

    func show(_ id: String) -> String { sanbao(["show", id]).stdout }

    /// A valid ID number for a boy born on 2026-10-01.
    let newborn = "62112120261001013" + "X"

    func testANewbornJoinsAndAnotherMemberLeaves() throws {
        let id = "621121103201-0002"
        let before = show(id)
        XCTAssertTrue(before.contains("张浩宇"))
        sanbao(["member", "add", id, "--name", "张小宝", "--relation", "之子", "--sex", "男", "--birth-date", "2026-10-01", "--insured", "是"])
        sanbao(["member", "leave", id, "张浩宇", "--reason", "迁出", "--date", "2026-11-01"])
        let after = show(id)
        let members = after.components(separatedBy: "已减少人员")
        XCTAssertEqual(members.count, 2, after)
        XCTAssertTrue(members[0].contains("张小宝"), after)
        XCTAssertFalse(members[0].contains("张浩宇"), "who left is listed apart: \(after)")
        XCTAssertTrue(members[1].contains("张浩宇") && members[1].contains("迁出 2026-11-01"), after)
        let history = sanbao(["history", id]).stdout
        XCTAssertTrue(history.contains("新增成员 张小宝（新生 2026-10-01）"), history)
        XCTAssertTrue(history.contains("张浩宇 迁出（2026-11-01）"), history)
        sanbao(["member", "set", id, "张小宝", "school=学前教育", "insured=否"])
        XCTAssertTrue(show(id).contains("未参保"))
        sanbao(["validate"])
    }

    /// The example: a visit on 2025-12-08 found 汪福元's house C grade and not
    /// renovated; it is recorded reinforced afterwards. The later fact wins, and while the
    /// visit decided, `show` said so.
    func testAnEditAfterAVisitWins() {
        let id = "621121103201-0004"
        func housing(_ text: String) -> String {
            text.split(separator: "\n").map(String.init).first { $0.hasPrefix("  住房") || $0.hasPrefix("  Housing") } ?? ""
        }
        let before = housing(show(id))
        XCTAssertTrue(before.contains("未达标") && before.contains("据 2025-12-08 入户检查"), before)
        XCTAssertTrue(housing(sanbao(["show", id], lang: "en").stdout).contains("per the visit of 2025-12-08"))
        sanbao(["household", "set", id, "housing.renovation=已加固"])
        let after = housing(show(id))
        XCTAssertFalse(after.contains("未达标"), after)
        XCTAssertFalse(after.contains("入户检查"), "the record decides now: \(after)")
        XCTAssertTrue(after.contains("C 级") || after.contains("C级"), "the visit's grade stays, only the renovation changed: \(after)")
        sanbao(["validate"])
    }

    func testEnglishValuesWork() {
        sanbao(["member", "leave", "621121103201-0002", "4", "--reason", "died", "--date", "2026-11-01"], lang: "en")
        XCTAssertTrue(sanbao(["show", "621121103201-0002"], lang: "en").stdout.contains("died 2026-11-01"))
    }

    func testRefusalsWriteNothing() {
        let id = "621121103201-0002"
        let files = snapshot(dir)
        let cases: [([String], Int32, String)] = [
            (["member", "add", id, "--name", "甲", "--relation", "表亲", "--sex", "男", "--birth-date", "2020-01-01"], 64, "与户主关系“表亲”不认识"),
            (["member", "add", id, "--name", "甲", "--relation", "之子", "--sex", "男", "--birth-date", "2030-01-01"], 65, "在未来"),
            (["member", "add", id, "--name", "甲", "--relation", "之子", "--sex", "男", "--birth-date", "2020-01-01",
              "--id-number", "621121202001010011"], 65, "校验位"),
            (["member", "add", id, "--name", "甲", "--relation", "户主", "--sex", "男", "--birth-date", "2000-01-01"], 65, "户主不止一人"),
            (["member", "leave", id, "张浩宇", "--reason", "跑了"], 64, "减少原因“跑了”不认识"),
            (["member", "leave", id, "张浩宇", "--reason", "迁出", "--date", "2001-01-01"], 65, "早于出生日期"),
            (["member", "leave", id, "无此人", "--reason", "迁出"], 64, "没有名为“无此人”的成员"),
            (["member", "set", id, "张浩宇", "colour=red"], 64, "没有字段“colour”"),
            (["member", "set", id, "张浩宇", "insured=也许"], 64, "insured=“也许”不认识"),
            (["household", "set", id, "housing.grade=Z"], 64, "不认识"),
            (["household", "set", id, "causes.others=缺钱"], 64, "causes.others=“缺钱”不认识"),
            (["household", "set", id, "causes.others=因病、缺水、缺资金"], 64, "不认识"),
            (["member", "set", id, "张佳怡", "id_number=621121200904210483"], 65, "张佳怡：身份证号校验位应为 2，实为 3"),
            (["member", "set", id, "张佳怡", "id_number=621121200904220461"], 65, "张佳怡：出生日期 2009-04-21 与身份证号中的 2009-04-22 不符"),
            (["household", "add", "--village", "999999999999", "--group", "一组", "--head", "甲", "--id-number", "11010519491231002X"], 65, "无从得知地址"),
            (["pair", id, "--cadre", "无名氏"], 64, "没有名为“无名氏”的干部"),
            (["edit", id, "members[1].status=deceased"], 64, "成员没有字段“status”"),
            (["member", "add", "621121103201-9999", "--name", "甲", "--relation", "之子", "--sex", "男", "--birth-date", "2020-01-01"], 65, "没有编号为"),
            // Several fields at once are saved together or not at all: a refused second
            // field leaves the first unsaved too.
            (["member", "set", id, "张浩宇", "school=初中", "relation=户主"], 65, "张永强 仍是户主：用 --old-head"),
            (["edit", id, "phone=13900000002", "members[1].birth_date=2031-01-01"], 65, "在未来"),
        ]
        for (args, code, words) in cases {
            let r = sanbao(args, expect: code)
            XCTAssertTrue(r.stderr.contains(words), "\(args): \(r.stderr)")
        }
        assertSameFiles(files, snapshot(dir), "refused record commands")
    }

    /// `history` judges each step on the facts of its time: 张浩宇 found dropped out on
    /// visits, then recorded back at school: the edit is where education became met, and
    /// a visit after it changes nothing (it did not).
    func testHistoryJudgesEachStepOnTheFactsOfItsTime() {
        let id = "621121103201-0002"
        sanbao(["member", "set", id, "张浩宇", "school=初中"])
        sanbao(["check", id, "--set", "education=met"])
        let lines = sanbao(["history", id]).stdout.components(separatedBy: "\n")
        // The field and value in words, not `school：junior_middle` (issue 13).
        guard let k = lines.firstIndex(where: { $0.contains("修改 张浩宇 的 在校情况：初中（e-") }) else { return XCTFail(lines.joined(separator: "\n")) }
        XCTAssertEqual(lines[k + 1], "    教育: 未达标 → 达标", lines.joined(separator: "\n"))
        XCTAssertTrue(lines[k + 2].contains("记录 2026"), lines[k + 2])
        XCTAssertEqual(lines[k + 3], "    指标状态无变化")
        let english = sanbao(["history", id], lang: "en").stdout
        XCTAssertTrue(english.contains("changed 张浩宇's school: junior middle (e-"), english)
        XCTAssertFalse(english.contains("junior_middle") || english.contains("members["), english)
    }

    /// A member leaving, a household field, a yes/no and an ID number, each in words in
    /// both languages; no JSON path or stored value in sight.
    func testHistorySaysEachChangeInWords() {
        let id = "621121103201-0002"
        sanbao(["member", "set", id, "张佳怡", "insured=否", "id_number=621121200904210466"])
        sanbao(["household", "set", id, "住房等级=C"])
        sanbao(["member", "leave", id, "张浩宇", "--reason", "迁出", "--date", "2026-11-01"])
        let zh = sanbao(["history", id]).stdout
        for said in ["修改 张佳怡 的 参加医保：否（", "修改 张佳怡 的 身份证号：621121********0466（", "修改 住房：C级（局部危房）",
                     "张浩宇 迁出（2026-11-01）（"] {
            XCTAssertTrue(zh.contains(said), "\(said) in\n\(zh)")
        }
        let en = sanbao(["history", id], lang: "en").stdout
        for said in ["changed 张佳怡's insured: no (", "changed 张佳怡's ID number: 621121********0466 (",
                     "changed housing: C (partly dangerous)", "张浩宇 moved away (2026-11-01) ("] {
            XCTAssertTrue(en.contains(said), "\(said) in\n\(en)")
        }
        XCTAssertFalse((zh + en).contains("members[") || (zh + en).contains("{"), zh + en)
    }

    /// Each change names who made it: the household's paired cadre, or `--cadre`; the
    /// history says so (before, every record command's edit showed the device's id).
    func testEachChangeNamesItsCadre() {
        let id = "621121103201-0002"
        sanbao(["member", "set", id, "张浩宇", "school=初中"])
        sanbao(["household", "set", id, "电话=13911112222", "--cadre", "王晓燕"])
        sanbao(["member", "leave", id, "张浩宇", "--reason", "迁出", "--date", "2026-11-20", "--cadre", "王晓燕"])
        let r = sanbao(["member", "set", id, "张浩宇", "insured=是", "--cadre", "赵某"], expect: 64)
        XCTAssertTrue(r.stderr.contains("没有名为“赵某”的干部"), r.stderr)
        let history = sanbao(["history", id]).stdout
        XCTAssertTrue(history.contains("何志刚 修改 张浩宇 的 在校情况"), history)
        XCTAssertTrue(history.contains("王晓燕 修改 联系电话：13911112222"), history)
        XCTAssertFalse(history.contains("  demo-"), "no change is shown under the device's id: \(history)")
    }

    /// Other poverty causes, a name and an ID number, as the app's forms set them too.
    func testOtherCausesANameAndAnIDNumberAreSet() {
        let id = "621121103201-0002"
        sanbao(["household", "set", id, "其他致贫原因=缺资金、因病"])
        XCTAssertTrue(show(id).contains("因学（主）、缺资金、因病"), show(id))
        sanbao(["household", "set", id, "causes.others=无"])
        XCTAssertTrue(show(id).contains("致贫原因 因学（主）\n"), show(id))
        sanbao(["member", "set", id, "张佳怡", "name=张佳宜", "id_number=621121200904210466"])
        XCTAssertTrue(sanbao(["show", id, "--full-ids"]).stdout.contains("621121200904210466"))
        XCTAssertTrue(show(id).contains("张佳宜"))
        sanbao(["validate"])
    }

    /// The head changes: the old head stays as another relation (--old-head), or leaves
    /// first; never two heads, never none asked about.
    func testTheHeadOfHouseholdChanges() {
        let id = "621121103201-0002"
        let files = snapshot(dir)
        let refused = sanbao(["member", "set", id, "李红霞", "relation=户主"], expect: 65)
        XCTAssertEqual(refused.stderr, "sanbao: 张永强 仍是户主：用 --old-head 写明其新关系，如 --old-head 配偶（已去世或迁出的，先用 member leave 登记）；未保存任何内容\n")
        assertSameFiles(files, snapshot(dir), "a second head refused")
        sanbao(["member", "set", id, "李红霞", "relation=户主", "--old-head", "配偶"])
        XCTAssertTrue(show(id).hasPrefix("文峰村一组  李红霞"), show(id))
        XCTAssertEqual(sanbao(["validate"]).status, 0)
        // The other way: the head leaves, then another member becomes head.
        sanbao(["member", "leave", id, "李红霞", "--reason", "死亡", "--date", "2026-11-20"])
        sanbao(["member", "set", id, "张永强", "relation=户主"])
        XCTAssertTrue(show(id).hasPrefix("文峰村一组  张永强"), show(id))
        XCTAssertEqual(sanbao(["validate"]).status, 0)
    }

    func testNewHouseholdCadreAndPairing() {
        let r = sanbao(["household", "add", "--village", "621121103201", "--group", "三组", "--head", "何永福",
                        "--id-number", "11010519491231002X", "--phone", "13900001111", "--type", "低保贫困户", "--cause", "因病"])
        let word = r.stdout.split(separator: " ").first { $0.hasPrefix("621121103201-n") } ?? ""
        let hid = String(word.prefix { $0 != "（" })
        XCTAssertTrue(hid.hasPrefix("621121103201-n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("户编号 6211211032010045"), "the village's next free number: \(r.stdout)")
        sanbao(["cadre", "add", "赵德胜", "--unit", "通渭县水务局", "--phone", "13800000000"])
        sanbao(["cadre", "add", "赵德胜", "--unit", "通渭县水务局"], expect: 65)
        sanbao(["pair", hid, "--cadre", "赵德胜", "--from", "2026-11-20"])
        let text = show(hid)
        XCTAssertTrue(text.contains("何永福") && text.contains("赵德胜（通渭县水务局，13800000000）2026-11-20 – 至今"), text)
        XCTAssertTrue(text.contains("低保贫困户"), text)
        sanbao(["household", "set", hid, "housing.grade=B", "电话=13911112222"], expect: 65)  // no housing record yet: grade alone is not a record
        sanbao(["household", "set", hid, "电话=13911112222"])
        XCTAssertTrue(show(hid).contains("13911112222"))
        sanbao(["validate"])
    }
}
