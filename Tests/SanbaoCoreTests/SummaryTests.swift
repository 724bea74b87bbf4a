import XCTest
@testable import SanbaoCore

/// Five households in two villages, three groups and two cadres (plus one household
/// whose pairing has ended), summarised on 2026-03-01:
///
/// | household | village, group | cadre | facts / checks                          | outcome                      |
/// |-----------|----------------|-------|-----------------------------------------|------------------------------|
/// | H1        | Wenfeng 1组    | c1    | child in school, checked 02-20 all met  | meets; education met         |
/// | H2        | Wenfeng 1组    | c1    | spouse uninsured, checked 02-20 all met | medical not met              |
/// | H3        | Wenfeng 2组    | c2    | never checked                           | unchecked, overdue           |
/// | H4        | Chakou 1组     | c2    | checked 2026-01-01 all met              | meets, overdue (59 days)     |
/// | H5        | Chakou 1组     | none  | checked 02-25, housing follow-up        | housing follow-up            |
final class SummaryTests: XCTestCase {
    let wenfeng1 = address(village: "文峰村", code: wenfeng, group: "1组")
    let wenfeng2 = address(village: "文峰村", code: wenfeng, group: "2组")
    let chakou1 = address(village: "岔口村", code: chakou, group: "1组")

    lazy var dataset: Dataset = {
        let h1 = household("621121103201-001", members: [member(), child()], address: wenfeng1, cadre: "c1")
        let h2 = household("621121103201-002", members: [
            member(), member(2, "李秀英", born: "1978-01-20", sex: .female, relation: .spouse, insured: false),
        ], address: wenfeng1, cadre: "c1")
        let h3 = household("621121103201-003", address: wenfeng2, cadre: "c2")
        let h4 = household("621121103202-001", address: chakou1, cadre: "c2")
        let h5 = household("621121103202-002", address: chakou1, pairings: [
            Pairing(cadreID: "c1", start: d("2020-01-01"), end: d("2025-12-31")),
        ])
        let checks = [
            check("k1", household: h1.id, date: "2026-02-20"),
            check("k2", household: h2.id, date: "2026-02-20"),
            check("k4", household: h4.id, date: "2026-01-01", cadre: "c2"),
            check("k5", household: h5.id, date: "2026-02-25",
                  findings: findings(.met, except: [.housing: Finding(state: .followUp, note: "墙体裂缝待复查")]),
                  followUp: "2026-03-15"),
        ]
        let cadres = [
            Cadre(id: "c1", name: "李文", unit: "通渭县农业农村局", level: .county, phone: "13900000001"),
            Cadre(id: "c2", name: "赵强", unit: "榜罗镇政府", level: .township, phone: "13900000002"),
        ]
        return Dataset(cadres: cadres, households: [h1, h2, h3, h4, h5], checks: checks)
    }()

    func testTotal() {
        let s = Summary(dataset, on: assessDate)
        XCTAssertEqual(s.date, assessDate)
        XCTAssertEqual(s.total.households, 5)
        XCTAssertEqual(s.total.meetingStandard, 2)
        XCTAssertEqual(s.total.overdue, 2)
        let rows: [(indicator: Indicator, state: IndicatorState, count: Int)] = [
            (.income, .met, 4), (.income, .unchecked, 1),
            (.foodClothing, .met, 4), (.foodClothing, .unchecked, 1),
            (.water, .met, 4), (.water, .unchecked, 1),
            (.education, .met, 1), (.education, .notApplicable, 4), (.education, .unchecked, 0),
            (.medical, .met, 3), (.medical, .notMet, 1), (.medical, .unchecked, 1),
            (.housing, .met, 3), (.housing, .followUp, 1), (.housing, .unchecked, 1), (.housing, .notMet, 0),
        ]
        for r in rows {
            XCTAssertEqual(s.total.count(r.indicator, r.state), r.count, "row \(r.indicator) \(r.state)")
        }
        for i in Indicator.allCases {
            XCTAssertEqual(s.total.counts[i]?.values.reduce(0, +), 5, "\(i): every household counted once")
        }
    }

    func testByVillage() {
        let s = Summary(dataset, on: assessDate)
        XCTAssertEqual(Set(s.byVillage.keys), [wenfeng, chakou])
        let rows: [(village: String, households: Int, meeting: Int, overdue: Int, medicalNotMet: Int, housingFollowUp: Int)] = [
            (wenfeng, 3, 1, 1, 1, 0),
            (chakou, 2, 1, 1, 0, 1),
        ]
        for r in rows {
            let t = s.byVillage[r.village] ?? Tally()
            XCTAssertEqual(t.households, r.households, "row \(r.village)")
            XCTAssertEqual(t.meetingStandard, r.meeting, "row \(r.village)")
            XCTAssertEqual(t.overdue, r.overdue, "row \(r.village)")
            XCTAssertEqual(t.count(.medical, .notMet), r.medicalNotMet, "row \(r.village)")
            XCTAssertEqual(t.count(.housing, .followUp), r.housingFollowUp, "row \(r.village)")
        }
    }

    func testByGroup() {
        let s = Summary(dataset, on: assessDate)
        typealias Key = Summary.GroupKey
        let w1 = Key(villageCode: wenfeng, group: "1组")
        let w2 = Key(villageCode: wenfeng, group: "2组")
        let c1 = Key(villageCode: chakou, group: "1组")
        XCTAssertEqual(s.byGroup.keys.sorted(), [w1, w2, c1])
        let rows: [(name: String, key: Key, households: Int, meeting: Int, overdue: Int, educationMet: Int)] = [
            ("文峰村 1组", w1, 2, 1, 0, 1),
            ("文峰村 2组", w2, 1, 0, 1, 0),
            ("岔口村 1组", c1, 2, 1, 1, 0),
        ]
        for r in rows {
            let t = s.byGroup[r.key] ?? Tally()
            XCTAssertEqual(t.households, r.households, "row \(r.name)")
            XCTAssertEqual(t.meetingStandard, r.meeting, "row \(r.name)")
            XCTAssertEqual(t.overdue, r.overdue, "row \(r.name)")
            XCTAssertEqual(t.count(.education, .met), r.educationMet, "row \(r.name)")
        }
    }

    func testByCadre() {
        let s = Summary(dataset, on: assessDate)
        XCTAssertEqual(Set(s.byCadre.keys), ["c1", "c2", ""])
        let rows: [(name: String, cadre: String, households: Int, meeting: Int, overdue: Int, unchecked: Int)] = [
            ("c1 (H1, H2)", "c1", 2, 1, 0, 0),
            ("c2 (H3, H4)", "c2", 2, 1, 2, 1),
            ("no cadre on the date (H5)", "", 1, 0, 0, 0),
        ]
        for r in rows {
            let t = s.byCadre[r.cadre] ?? Tally()
            XCTAssertEqual(t.households, r.households, "row \(r.name)")
            XCTAssertEqual(t.meetingStandard, r.meeting, "row \(r.name)")
            XCTAssertEqual(t.overdue, r.overdue, "row \(r.name)")
            XCTAssertEqual(t.count(.income, .unchecked), r.unchecked, "row \(r.name)")
        }
        // On a date inside H5's old pairing it counts for c1.
        let earlier = Summary(dataset, on: d("2025-12-31"))
        XCTAssertEqual(earlier.byCadre["c1"]?.households, 3)
        XCTAssertNil(earlier.byCadre[""])
    }

    func testSummaryOnAnEarlierDateSeesFewerChecks() {
        // On 2026-01-15 only H4 has been checked (2026-01-01): it alone meets the standard.
        let s = Summary(dataset, on: d("2026-01-15"))
        XCTAssertEqual(s.total.households, 5)
        XCTAssertEqual(s.total.meetingStandard, 1)
        XCTAssertEqual(s.total.overdue, 4)
        XCTAssertEqual(s.total.count(.income, .unchecked), 4)
    }

    func testEmptyTally() {
        let t = Tally()
        XCTAssertEqual(t.households, 0)
        XCTAssertEqual(t.count(.water, .met), 0)
        let s = Summary(Dataset(), on: assessDate)
        XCTAssertEqual(s.total, Tally())
        XCTAssertTrue(s.byVillage.isEmpty)
    }
}
