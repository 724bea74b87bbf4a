import Foundation
import XCTest
@testable import SanbaoCore

final class LocalDateTests: XCTestCase {
    func testParseAndFormatRoundTrip() {
        let rows: [(text: String, y: Int, m: Int, d: Int)] = [
            ("2026-03-01", 2026, 3, 1),
            ("1900-01-01", 1900, 1, 1),
            ("2024-02-29", 2024, 2, 29),
            ("2000-02-29", 2000, 2, 29),
            ("1949-12-31", 1949, 12, 31),
            ("0001-01-01", 1, 1, 1),
            ("9999-12-31", 9999, 12, 31),
        ]
        for r in rows {
            guard let date = LocalDate(r.text) else { XCTFail("row \(r.text): did not parse"); continue }
            XCTAssertEqual([date.year, date.month, date.day], [r.y, r.m, r.d], "row \(r.text)")
            XCTAssertEqual(date.description, r.text, "row \(r.text)")
            XCTAssertEqual(LocalDate(date.description), date, "row \(r.text)")
        }
    }

    func testDescriptionPadsYearMonthAndDay() {
        XCTAssertEqual(LocalDate(year: 5, month: 1, day: 2)?.description, "0005-01-02")
        XCTAssertEqual(LocalDate(year: 987, month: 11, day: 9)?.description, "0987-11-09")
    }

    func testInvalidTextIsRejected() {
        let rows: [(name: String, text: String)] = [
            ("Feb 29 in a common year", "2023-02-29"),
            ("Feb 30 in a leap year", "2024-02-30"),
            ("Feb 29 in 1900 (century, not leap)", "1900-02-29"),
            ("April 31", "2024-04-31"),
            ("month 13", "2024-13-01"),
            ("month 0", "2024-00-10"),
            ("day 0", "2024-01-00"),
            ("year 0", "0000-01-01"),
            ("one-digit month", "2024-1-01"),
            ("one-digit day", "2024-01-1"),
            ("slashes", "2024/01/01"),
            ("compact form", "20240101"),
            ("leading space", " 2024-01-01"),
            ("trailing space", "2024-01-01 "),
            ("sign in the year", "+024-01-01"),
            ("full-width digits", "２０２４-01-01"),
            ("time attached", "2024-01-01T00:00"),
            ("empty", ""),
        ]
        for r in rows {
            XCTAssertNil(LocalDate(r.text), "row \(r.name): \"\(r.text)\" should be rejected")
        }
    }

    func testMemberwiseInitRejectsNonexistentDays() {
        XCTAssertNil(LocalDate(year: 2023, month: 2, day: 29))
        XCTAssertNil(LocalDate(year: 2024, month: 6, day: 31))
        XCTAssertNil(LocalDate(year: 2024, month: 12, day: 32))
        XCTAssertNil(LocalDate(year: 10000, month: 1, day: 1))
        XCTAssertNotNil(LocalDate(year: 2024, month: 2, day: 29))
    }

    func testCompactForm() {
        XCTAssertEqual(LocalDate(compact: "19491231"), d("1949-12-31"))
        XCTAssertNil(LocalDate(compact: "19490230"), "Feb 30")
        XCTAssertNil(LocalDate(compact: "1949123"), "seven digits")
        XCTAssertNil(LocalDate(compact: "1949-12-31"), "dashed form")
    }

    func testLeapYears() {
        let rows: [(year: Int, leap: Bool)] = [
            (2024, true), (2023, false), (2000, true), (1900, false), (2100, false), (2400, true),
            (1996, true), (2026, false),
        ]
        for r in rows {
            XCTAssertEqual(LocalDate.isLeap(r.year), r.leap, "row \(r.year)")
            XCTAssertEqual(LocalDate.daysIn(month: 2, year: r.year), r.leap ? 29 : 28, "row \(r.year)")
        }
        XCTAssertEqual((1...12).map { LocalDate.daysIn(month: $0, year: 2026) },
                       [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }

    func testDayNumberAnchors() {
        let rows: [(date: String, n: Int)] = [
            ("1970-01-01", 0), ("1969-12-31", -1), ("1970-01-02", 1),
            ("2000-01-01", 10957), ("2000-03-01", 11017), ("1900-01-01", -25567),
            ("1949-12-31", -7306), ("2026-03-01", 20513), ("2100-12-31", 47846),
        ]
        for r in rows {
            XCTAssertEqual(d(r.date).dayNumber, r.n, "row \(r.date)")
            XCTAssertEqual(LocalDate(dayNumber: r.n), d(r.date), "row \(r.date)")
        }
    }

    /// Every day from 1900-01-01 to 2100-12-31: the day number goes up by one per day and
    /// converts back to the same date. The successor is computed here by plain calendar
    /// rules, independently of the code under test.
    func testDayNumberRoundTripsEveryDay1900To2100() {
        var (y, m, day) = (1900, 1, 1)
        var n = d("1900-01-01").dayNumber
        var count = 0
        while y <= 2100 {
            let expected = LocalDate(year: y, month: m, day: day)!
            if expected.dayNumber != n || LocalDate(dayNumber: n) != expected {
                XCTFail("day \(expected): dayNumber \(expected.dayNumber), expected \(n); back: \(LocalDate(dayNumber: n))")
                return
            }
            let monthLength = m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28)
                : [4, 6, 9, 11].contains(m) ? 30 : 31
            day += 1
            if day > monthLength { day = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
            n += 1
            count += 1
        }
        XCTAssertEqual(count, 73414, "days in 1900...2100")
    }

    func testDaysToAndAdding() {
        let rows: [(from: String, to: String, days: Int)] = [
            ("2024-02-28", "2024-03-01", 2),
            ("2023-02-28", "2023-03-01", 1),
            ("2025-12-31", "2026-01-01", 1),
            ("2026-01-30", "2026-03-01", 30),
            ("2026-01-29", "2026-03-01", 31),
            ("2024-01-01", "2025-01-01", 366),
            ("2025-01-01", "2026-01-01", 365),
            ("2026-03-01", "2026-03-01", 0),
            ("2026-03-01", "2026-02-01", -28),
        ]
        for r in rows {
            XCTAssertEqual(d(r.from).days(to: d(r.to)), r.days, "row \(r.from) → \(r.to)")
            XCTAssertEqual(d(r.from).adding(days: r.days), d(r.to), "row \(r.from) + \(r.days)")
        }
    }

    func testAgeOnAndAroundBirthdays() {
        let rows: [(name: String, born: String, on: String, age: Int)] = [
            ("day of birth", "2020-03-01", "2020-03-01", 0),
            ("day before first birthday", "2020-03-01", "2021-02-28", 0),
            ("first birthday", "2020-03-01", "2021-03-01", 1),
            ("day before sixth birthday", "2020-03-01", "2026-02-28", 5),
            ("sixth birthday", "2020-03-01", "2026-03-01", 6),
            ("day after sixth birthday", "2020-03-01", "2026-03-02", 6),
            ("day before 16th birthday, across new year", "2010-01-01", "2025-12-31", 15),
            ("16th birthday on new year's day", "2010-01-01", "2026-01-01", 16),
            ("end-of-year birthday, day before", "2010-12-31", "2026-12-30", 15),
            ("end-of-year birthday", "2010-12-31", "2026-12-31", 16),
            // Born on Feb 29: in a common year the birthday is passed on March 1.
            ("Feb 29 birth, Feb 28 of a common year", "2016-02-29", "2021-02-28", 4),
            ("Feb 29 birth, Mar 1 of a common year", "2016-02-29", "2021-03-01", 5),
            ("Feb 29 birth, Feb 28 of a leap year", "2016-02-29", "2020-02-28", 3),
            ("Feb 29 birth, Feb 29 of a leap year", "2016-02-29", "2020-02-29", 4),
            ("elderly", "1949-12-31", "2026-03-01", 76),
        ]
        for r in rows {
            XCTAssertEqual(d(r.born).age(on: d(r.on)), r.age, "row \(r.name)")
        }
    }

    func testOrdering() {
        XCTAssertLessThan(d("2025-12-31"), d("2026-01-01"))
        XCTAssertLessThan(d("2026-01-31"), d("2026-02-01"))
        XCTAssertLessThan(d("2026-02-01"), d("2026-02-02"))
        XCTAssertFalse(d("2026-02-02") < d("2026-02-02"))
        XCTAssertEqual([d("2026-03-01"), d("1999-12-31"), d("2026-01-15")].sorted(),
                       [d("1999-12-31"), d("2026-01-15"), d("2026-03-01")])
    }

    func testCodableUsesTheDashedForm() throws {
        let data = try JSONEncoder().encode([d("2026-03-01")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["2026-03-01"]"#)
        XCTAssertEqual(try JSONDecoder().decode([LocalDate].self, from: Data(#"["2024-02-29"]"#.utf8)),
                       [d("2024-02-29")])
        XCTAssertThrowsError(try JSONDecoder().decode([LocalDate].self, from: Data(#"["2023-02-29"]"#.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode([LocalDate].self, from: Data(#"["2024-1-01"]"#.utf8)))
    }
}
