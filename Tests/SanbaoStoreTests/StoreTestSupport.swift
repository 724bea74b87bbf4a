import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// Paths and small datasets for store tests.
enum Fixture {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func invalid(_ name: String) -> String { root + "/Fixtures/invalid/" + name }

    static func d(_ s: String) -> LocalDate { LocalDate(s)! }

    /// A fresh, empty temporary directory, removed when the test ends.
    static func tempDir(_ test: XCTestCase) -> String {
        let dir = NSTemporaryDirectory() + "sanbao-test-" + UUID().uuidString
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// Copies a fixture directory to a temp dir so a test may change it.
    static func copy(_ source: String, _ test: XCTestCase) throws -> String {
        let dir = tempDir(test)
        try FileManager.default.copyItem(atPath: source, toPath: dir)
        return dir
    }

    static let village = "621121103201"

    static func household(_ seq: Int) -> Household {
        let head = Member(id: 1, name: "王建国", sex: .male, idNumber: "621121197005120138",
                          birthDate: d("1970-05-12"), relation: .head)
        return Household(
            id: "\(village)-\(String(format: "%04d", seq))", number: "\(village)\(String(format: "%04d", seq))",
            address: Address(province: "甘肃省", city: "定西市", county: "通渭县", township: "榜罗镇",
                             village: "文峰村", group: "一组", villageCode: village),
            phone: "13909321234", type: .ordinaryPoor, causes: PovertyCauses(main: .illness),
            status: PovertyStatus(outOfPovertyYear: 2019), members: [head],
            pairings: [Pairing(cadreID: "c1", start: d("2021-03-01"))],
            income: [IncomeRecord(year: 2025, perCapita: 7000)],
            foodClothing: FoodClothing(enoughFood: true, seasonalClothes: true, winterBedding: true),
            housing: Housing(grade: .b))
    }

    static func dataset() -> Dataset {
        Dataset(cadres: [Cadre(id: "c1", name: "刘志刚", unit: "通渭县农业农村局", level: .county, phone: "13893201111")],
                households: [household(1), household(2)])
    }

    static func check(_ id: String, household: Int = 1, date: String = "2026-10-15") -> Check {
        Check(id: id, householdID: "\(village)-\(String(format: "%04d", household))", date: d(date), cadreID: "c1",
              recordedAt: "\(date)T09:00:00Z", findings: [.water: Finding(state: .notMet, note: "水窖干涸，\"缺水\"\n待跟进")])
    }

    /// A data directory holding `dataset()`.
    static func dataDir(_ test: XCTestCase) throws -> DataLayout {
        let layout = DataLayout(root: tempDir(test))
        try DatasetWriter(layout: layout).create(dataset(), manifest: Manifest(deviceID: "test", created: "2026-11-01T00:00:00Z"))
        return layout
    }

    static func fixedNow() -> String { "2026-11-29T08:00:00Z" }
}
