import SanbaoCore
import XCTest
@testable import SanbaoIntake

/// Rows to households, on rows written by hand: the values and every problem's exact words.
/// (Files from independent writers are read in the spreadsheet tests and `IntakeCLITests`.)
final class RosterReaderTests: XCTestCase {
    static let today = LocalDate("2026-12-06")!
    static let asOf = LocalDate("2026-12-01")!

    /// ID numbers worked out by hand (GB 11643 weights), not by the code under test.
    enum ID {
        static let head1 = "62112119600305011X"   // male, 1960-03-05
        static let wife1 = "621121196208120222"   // female, 1962-08-12
        static let son1 = "621121198801010314"    // male, 1988-01-01
        static let dil1 = "621121199006150427"    // female, 1990-06-15
        static let grandson = "621121201309200516" // male, 2013-09-20
        static let granddaughter = "621121201703010622" // female, 2017-03-01
        static let head2 = "621121194511110714"   // male, 1945-11-11
        static let wife2 = "62112119500202082X"   // female, 1950-02-02
        static let head3 = "621121197507070936"   // male, 1975-07-07
    }

    static let header = ["姓名", "与户主关系", "身份证号", "户编号", "行政区划代码", "省", "市", "县", "乡镇", "村", "组",
                         "户类型", "主要致贫原因", "在校生状况", "健康状况", "是否参加城乡居民基本医疗保险", "帮扶责任人", "帮扶单位", "备注"]

    static func row(_ n: Int, _ cells: [String]) -> SheetRow {
        SheetRow(number: n, cells: cells.map { $0.isEmpty ? nil : SheetCell.text($0) })
    }

    static func place(_ number: String) -> [String] {
        [number, "621121103201", "甘肃省", "定西市", "通渭县", "榜罗镇", "文峰村", "一组"]
    }

    /// A title row, a blank row, the header on row 3, two households and a third.
    static var goodRows: [SheetRow] {
        var rows = [row(1, ["榜罗镇文峰村建档立卡花名册"]), SheetRow(number: 2, cells: []), row(3, header)]
        let h1 = place("6211211032010101"), h2 = place("6211211032010102"), h3 = place("6211211032010103")
        let data: [[String]] = [
            ["马国强", "户主", ID.head1] + h1 + ["低保户", "因病", "非在校生", "长期慢性病", "是", "何志刚", "通渭县农业农村局", "x"],
            ["王兰", "配偶", ID.wife1] + h1 + ["低保户", "因病", "非在校生", "健康", "是", "何志刚", "通渭县农业农村局", ""],
            ["马军", "之子", ID.son1] + h1 + ["低保户", "因病", "非在校生", "健康", "否", "何志刚", "通渭县农业农村局", ""],
            ["李娟", "之儿媳", ID.dil1] + h1 + ["低保户", "因病", "", "健康", "是", "何志刚", "通渭县农业农村局", ""],
            ["马小虎", "之孙子", ID.grandson.lowercased()] + h1 + ["低保户", "因病", "七年级", "健康", "是", "何志刚", "通渭县农业农村局", ""],
            ["马小花", "之孙女", ID.granddaughter] + h1 + ["低保户", "因病", "送教上门", "残疾", "是", "何志刚", "通渭县农业农村局", ""],
            ["张福", "户主", ID.head2] + h2 + ["特困供养户", "缺劳力", "非在校生", "患有大病", "是", "王晓燕", "榜罗镇人民政府", ""],
            ["刘秀", "配偶", ID.wife2] + h2 + ["特困供养户", "缺劳力", "非在校生", "健康", "是", "王晓燕", "榜罗镇人民政府", ""],
            ["赵平", "户主", ID.head3] + h3 + ["一般贫困户", "缺技术", "非在校生", "健康", "是", "何志刚", "通渭县农业农村局", ""],
        ]
        for (i, d) in data.enumerated() { rows.append(row(4 + i, d)) }
        return rows
    }

    func read(_ rows: [SheetRow], cadres: [Cadre] = [], villages: [String: Address] = [:]) throws -> Roster {
        try RosterReader(asOf: Self.asOf, today: Self.today, knownCadres: cadres, knownVillages: villages).read { body in
            for r in rows { try body(r) }
        }
    }

    func testAGoodRosterBecomesHouseholds() throws {
        let known = Cadre(id: "c1", name: "何志刚", unit: "通渭县农业农村局", level: .county, phone: "13993206618")
        let roster = try read(Self.goodRows, cadres: [known])
        XCTAssertEqual(roster.problems, [])
        XCTAssertEqual(roster.headerRow, 3)
        XCTAssertEqual(roster.unknownColumns, ["备注"])
        XCTAssertEqual(roster.memberRows, 9)
        XCTAssertEqual(roster.households.map(\.id), ["621121103201-0101", "621121103201-0102", "621121103201-0103"])
        let h = roster.households[0]
        XCTAssertEqual(h.number, "6211211032010101")
        XCTAssertEqual(h.address, Address(province: "甘肃省", city: "定西市", county: "通渭县", township: "榜罗镇",
                                          village: "文峰村", group: "一组", villageCode: "621121103201"))
        XCTAssertEqual(h.type, .minimumLiving)
        XCTAssertEqual(h.causes, PovertyCauses(main: .illness))
        XCTAssertEqual(h.members.map(\.id), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(h.members.map(\.relation), [.head, .spouse, .son, .daughterInLaw, .grandchild, .grandchild])
        XCTAssertEqual(h.members.map(\.sex), [.male, .female, .male, .female, .male, .female])
        XCTAssertEqual(h.members[0].birthDate, LocalDate("1960-03-05"))
        XCTAssertEqual(h.members[0].idNumber, "62112119600305011X")
        XCTAssertEqual(h.members[4].idNumber, ID.grandson, "lower-case x made canonical")
        XCTAssertEqual(h.members[0].health, .chronic)
        XCTAssertEqual(h.members[2].insured, false)
        XCTAssertNil(h.members[3].school, "a blank cell says nothing")
        XCTAssertEqual(h.members[4].school, .juniorMiddle)
        XCTAssertEqual(h.members[5].school, .notInSchool)
        XCTAssertEqual(h.members[5].educationExemption, .homeTeaching)
        XCTAssertEqual(h.members[5].health, .disabled)
        XCTAssertEqual(h.pairings, [Pairing(cadreID: "c1", start: Self.asOf)], "the known cadre, by name and unit")
        let second = roster.households[1]
        XCTAssertEqual(second.type, .extremePoverty)
        XCTAssertEqual(second.members[0].health, .serious)
        let newCadre = try XCTUnwrap(roster.content.cadres.first { $0.name == "王晓燕" })
        XCTAssertEqual(newCadre.unit, "榜罗镇人民政府")
        XCTAssertEqual(newCadre.level, .township)
        XCTAssertTrue(newCadre.id.hasPrefix("c-"))
        XCTAssertEqual(second.pairings.map(\.cadreID), [newCadre.id])
        XCTAssertEqual(roster.content.cadres.count, 2)
        let stated = try XCTUnwrap(roster.content.stated["6211211032010101"])
        XCTAssertFalse(stated.members[3].contains("school"))
        XCTAssertTrue(stated.members[4].contains("school"))
        XCTAssertFalse(stated.household.contains("phone"), "no phone column")
    }

    func testTheVillageComesFromTheHouseholdNumberAndTheData() throws {
        let header = ["户编号", "姓名", "与户主关系", "身份证号", "社"]
        let rows = [Self.row(1, header), Self.row(2, ["6211211032010101", "马国强", "户主", ID.head1, "三社"])]
        let known = Address(province: "甘肃省", city: "定西市", county: "通渭县", township: "榜罗镇", village: "文峰村",
                            group: "一组", villageCode: "621121103201")
        let roster = try read(rows, villages: ["621121103201": known])
        XCTAssertEqual(roster.problems, [])
        XCTAssertEqual(roster.households.first?.address.village, "文峰村")
        XCTAssertEqual(roster.households.first?.address.group, "三社")
        let unknown = try read(rows)
        XCTAssertEqual(unknown.problems.map { $0.located(file: "r.csv", sheet: nil, .zh) },
                       ["r.csv:2: 列 村: 村代码 621121103201 的村名未知：请加上“村”列（及省、市、县、乡镇）"])
    }

    /// One bad roster per problem, each with the exact message, in both languages.
    func testEveryProblemIsNamedWithItsRowAndColumn() throws {
        let header = ["户编号", "行政区划代码", "村", "姓名", "与户主关系", "身份证号", "出生日期", "在校生状况"]
        func cells(_ number: String, _ name: String, _ relation: String, _ id: String, _ birth: String = "", _ school: String = "") -> [String] {
            [number, "621121103201", "文峰村", name, relation, id, birth, school]
        }
        let wrongCheck = String(ID.head1.dropLast()) + "3"
        var rows = [Self.row(1, header)]
        let data: [[String]] = [
            cells("6211211032010101", "马国强", "户主", wrongCheck),
            cells("6211211032010101", "王兰", "配偶", "6.21121196208120E+17"),
            cells("6211211032010102", "张福", "户主", ID.head2),
            cells("6211211032010102", "张福", "户主", ID.head2),
            cells("6211211032010103", "刘秀", "配偶", ID.wife2),
            cells("6211211032010104", "赵平", "户主", ID.head3, "1975-07-08"),
            cells("621121103201-01", "马军", "户主", ID.son1),
            cells("6211211032010105", "李娟", "表姐", ID.dil1),
            cells("6211211032010106", "马小虎", "户主", ID.grandson, "", "留级"),
        ]
        for (i, d) in data.enumerated() { rows.append(Self.row(2 + i, d)) }
        rows.append(SheetRow(number: 11, cells: [.text("6211211032010107"), .text("621121103201"), .text("文峰村"), .text("马小花"),
                                                  .text("户主"), SheetCell(.number, "6.21121201703010E+17")]))
        let roster = try read(rows)
        let zh = roster.problems.map { $0.located(file: "花名册.xlsx", sheet: "Sheet1", .zh) }
        let lost = "Excel 只保留 15 位有效数字，末几位已丢失，无法恢复；请先把该列设置为“文本”格式，再重新填入或粘贴号码"
        XCTAssertEqual(zh, [
            "花名册.xlsx:Sheet1:2: 列 身份证号: “\(wrongCheck)”：身份证号校验位应为 X，实为 3",
            "花名册.xlsx:Sheet1:3: 列 身份证号: “6.21121196208120E+17”被存成了数字。" + lost,
            "花名册.xlsx:Sheet1:5: 列 身份证号: 身份证号 \(ID.head2) 与第 4 行重复",
            "花名册.xlsx:Sheet1:5: 列 与户主关系: 户 6211211032010102 已有户主（第 4 行）",
            "花名册.xlsx:Sheet1:6: 列 与户主关系: 户 6211211032010103 没有户主（与户主关系 为“户主”的一行）",
            "花名册.xlsx:Sheet1:7: 列 出生日期: 出生日期 1975-07-08 与身份证号中的 1975-07-07 不符",
            "花名册.xlsx:Sheet1:8: 列 户编号: 户编号应为 6 到 20 位数字（国家系统为 16 位），实为“621121103201-01”",
            "花名册.xlsx:Sheet1:9: 列 与户主关系: 无法识别“表姐”；可填：户主、本人、配偶、妻子、丈夫、妻、夫、之子、子、儿子、长子、次子、三子、养子",
            "花名册.xlsx:Sheet1:10: 列 在校生状况: 无法识别“留级”；可填：学前教育、学前、幼儿园、小学、一年级、二年级、三年级、四年级、五年级、六年级、初中、七年级、八年级、九年级",
            "花名册.xlsx:Sheet1:11: 列 身份证号: “6.21121201703010E+17”被存成了数字。" + lost,
        ])
        XCTAssertEqual(roster.problems.map(\.kind), [.badIDNumber, .idStoredAsNumber, .duplicateIDNumber, .twoHeads, .noHead,
                                                     .birthDateDiffers, .badHouseholdNumber, .unknownWording, .unknownWording, .idStoredAsNumber])
        XCTAssertEqual(roster.problems[0].located(file: "r.csv", sheet: nil, .en),
                       "r.csv:2: column 身份证号: \"\(wrongCheck)\": ID number check character should be X, is 3")
        XCTAssertEqual(roster.refusedRows, [2, 3, 5, 6, 7, 8, 9, 10, 11])
    }

    func testAMissingColumnAndAMissingHeaderAreNamed() throws {
        let noID = try read([Self.row(1, ["户编号", "姓名", "与户主关系", "村"])])
        XCTAssertEqual(noID.problems.map { $0.located(file: "r.csv", sheet: nil, .zh) },
                       ["r.csv:1: 缺少“身份证号”列（也可写作：证件号码、身份证号码、公民身份号码、证件号）"])
        let none = try read([Self.row(1, ["a", "b"]), Self.row(2, ["1", "2"])])
        XCTAssertEqual(none.problems.map(\.kind), [.noHeader])
    }

    func testDatesAsSerialsAndAsText() throws {
        let header = ["户编号", "行政区划代码", "村", "姓名", "与户主关系", "身份证号", "出生日期", "性别"]
        let rows = [
            Self.row(1, header),
            SheetRow(number: 2, cells: ["6211211032010101", "621121103201", "文峰村", "马国强", "户主", ""].map { SheetCell.text($0) }
                     + [SheetCell(.number, "22000", hasDateFormat: true), .text("男")]),
            Self.row(3, ["6211211032010101", "621121103201", "文峰村", "马二", "之子", "", "1990/6/5", "男"]),
            Self.row(4, ["6211211032010101", "621121103201", "文峰村", "马三", "之女", "", "1992年1月2日", "女"]),
            Self.row(5, ["6211211032010101", "621121103201", "文峰村", "马四", "之女", "", "19950304", "女"]),
        ]
        let roster = try read(rows)
        XCTAssertEqual(roster.problems, [])
        // Serial 22000 is 1960-03-25 (Python: date(1899, 12, 30) + timedelta(22000)).
        XCTAssertEqual(roster.households.first?.members.map(\.birthDate.description),
                       ["1960-03-25", "1990-06-05", "1992-01-02", "1995-03-04"])
    }
}
