import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// Merging keeps identity: an id never joins two families or two people into one record
/// (issue 19). Each test starts from two data directories, "here" and "there".
final class IdentityMergeTests: XCTestCase {
    let today = Fixture.d("2026-11-29")

    func directory(_ dataset: Dataset, device: String) throws -> DataLayout {
        let layout = DataLayout(root: Fixture.tempDir(self))
        try DatasetWriter(layout: layout).create(dataset, manifest: Manifest(deviceID: device, created: "2026-11-01T00:00:00Z"))
        return layout
    }

    func open(_ layout: DataLayout) throws -> Store {
        try Store(layout: layout, write: true, now: Fixture.fixedNow)
    }

    /// Every file's bytes, to show an import wrote nothing.
    func snapshot(_ layout: DataLayout) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for path in fm.subpaths(atPath: layout.root) ?? [] where !path.hasPrefix("index") && !path.hasSuffix(".lock") {
            var dir: ObjCBool = false
            if fm.fileExists(atPath: layout.path(path), isDirectory: &dir), !dir.boolValue {
                out[path] = fm.contents(atPath: layout.path(path))
            }
        }
        return out
    }

    func bundle(of layout: DataLayout) throws -> Data {
        let s = try open(layout)
        defer { s.close() }
        return try s.bundle().encoded()
    }

    /// A member with a valid ID number made of `first17` and its check character.
    func member(_ id: Int, _ name: String, _ first17: String, _ born: String, _ relation: Relation = .son) -> Member {
        Member(id: id, name: name, sex: .male, idNumber: valid(first17), birthDate: Fixture.d(born), relation: relation)
    }

    func valid(_ first17: String) -> String {
        String(first17.prefix(17)) + String(IDNumber.checkCharacter(for: first17.prefix(17))!)
    }

    func testTwoFamiliesUnderOneHouseholdIDAreRefusedNamingBoth() throws {
        var theirs = Fixture.dataset()
        theirs.households[1].members = [member(1, "何永福", "11010519491231002X", "1949-12-31", .head)]
        theirs.households[1].members[0].sex = .female
        let here = try directory(Fixture.dataset(), device: "here")
        let there = try directory(theirs, device: "there")
        let before = try snapshot(here)
        let store = try open(here)
        defer { store.close() }
        XCTAssertThrowsError(try store.importBundle(try bundle(of: there), name: "there.json", today: today)) { error in
            guard case StoreError.identityClash(let name, let clashes) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "there.json")
            XCTAssertEqual(clashes.map(\.householdID), ["621121103201-0002"])
            XCTAssertNil(clashes[0].memberID)
            let text = (error as! StoreError).message.zh
            XCTAssertTrue(text.contains("王建国（1970-05-12）"), text)
            XCTAssertTrue(text.contains("何永福（1949-12-31）"), text)
            XCTAssertTrue(text.contains("未导入任何内容"), text)
            XCTAssertEqual((error as! StoreError).exitCode, 65)
        }
        XCTAssertEqual(try snapshot(here), before, "a refused import writes nothing")
    }

    func testOneMemberIDHoldingTwoPeopleIsRefused() throws {
        var mine = Fixture.dataset()
        mine.households[0].members.append(member(2, "王小军", "621121200105120133", "2001-05-12"))
        var theirs = Fixture.dataset()
        theirs.households[0].members.append(member(2, "王小兵", "621121200307010159", "2003-07-01"))
        let here = try directory(mine, device: "here")
        let store = try open(here)
        defer { store.close() }
        XCTAssertThrowsError(try store.importBundle(try bundle(of: try directory(theirs, device: "there")), name: "b", today: today)) { error in
            guard case StoreError.identityClash(_, let clashes) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(clashes.first?.memberID, 2)
            XCTAssertTrue(clashes[0].message.zh.contains("王小军") && clashes[0].message.zh.contains("王小兵"))
        }
        XCTAssertEqual(store.dataset.household("621121103201-0001")?.members.map(\.name), ["王建国", "王小军"])
    }

    /// A member registered on one side only joined there: both devices end with the
    /// member, by one edit made alike on both, and no conflict with "nobody".
    func testMemberOnOneSideOnlyIsAddedAlikeOnBothDevices() throws {
        var theirs = Fixture.dataset()
        theirs.households[0].members.append(member(2, "王小军", "621121200105120133", "2001-05-12"))
        let here = try directory(Fixture.dataset(), device: "here")
        let there = try directory(theirs, device: "there")
        let toThere = try bundle(of: here), toHere = try bundle(of: there)
        for (layout, data) in [(here, toHere), (there, toThere)] {
            let s = try open(layout)
            _ = try s.importBundle(data, name: "b", today: today)
            XCTAssertEqual(s.conflicts.count, 0)
            XCTAssertEqual(s.dataset.household("621121103201-0001")?.members.map(\.name), ["王建国", "王小军"])
            s.close()
        }
        XCTAssertEqual(try open(here).dataset.households, try open(there).dataset.households)
    }

    /// Two devices each add a newborn offline: both keep both, under different ids,
    /// and neither is mixed with the other. Before, both took "the next free number".
    func testMembersAddedOnTwoDevicesKeepTheirIdentity() throws {
        let here = try directory(Fixture.dataset(), device: "here")
        let there = try directory(Fixture.dataset(), device: "there")
        let hid = "621121103201-0001"
        let born = MemberChange(reason: JoinReason.born, date: Fixture.d("2026-10-01"))
        var a = try open(here), b = try open(there)
        let one = try a.addMember(member(0, "王小宝", "621121202610010137", "2026-10-01"), to: hid, joined: born)
        let two = try b.addMember(member(0, "王小贝", "621121202610010155", "2026-10-01"), to: hid, joined: born)
        XCTAssertNotEqual(one.id, two.id)
        XCTAssertGreaterThanOrEqual(min(one.id, two.id), NewID.firstDeviceMemberID)
        let fromA = try a.bundle().encoded(), fromB = try b.bundle().encoded()
        a.close(); b.close()
        a = try open(here); b = try open(there)
        _ = try a.importBundle(fromB, name: "b", today: today)
        _ = try b.importBundle(fromA, name: "a", today: today)
        for s in [a, b] {
            let names = s.dataset.household(hid)!.members.map { "\($0.id):\($0.name):\($0.idNumber ?? "")" }.sorted()
            XCTAssertEqual(names, ["1:王建国:621121197005120138", "\(one.id):王小宝:\(valid("62112120261001013"))",
                                   "\(two.id):王小贝:\(valid("62112120261001015"))"].sorted())
            XCTAssertTrue(s.conflicts.isEmpty)
        }
        XCTAssertEqual(a.dataset.households, b.dataset.households)
        a.close(); b.close()
    }

    /// The same person added on two devices gets the same id on both: one member, not two.
    func testSamePersonAddedOnTwoDevicesIsOneMember() throws {
        let here = try directory(Fixture.dataset(), device: "here")
        let there = try directory(Fixture.dataset(), device: "there")
        let hid = "621121103201-0001"
        let baby = member(0, "王小宝", "621121202610010137", "2026-10-01")
        let a = try open(here), b = try open(there)
        let one = try a.addMember(baby, to: hid, joined: MemberChange(reason: .born, date: Fixture.d("2026-10-01")))
        let two = try b.addMember(baby, to: hid, joined: MemberChange(reason: .born, date: Fixture.d("2026-10-02")))
        XCTAssertEqual(one.id, two.id)
        _ = try a.importBundle(try b.bundle().encoded(), name: "b", today: today)
        XCTAssertEqual(a.dataset.household(hid)!.members.filter { $0.name == "王小宝" }.count, 1)
        XCTAssertEqual(a.conflicts.map(\.field), ["members[\(one.id)]"], "the two join dates differ: a conflict to settle")
        a.close(); b.close()
    }

    func testMemberWhoLeftStaysInTheRecord() throws {
        let layout = try directory(Fixture.dataset(), device: "here")
        let s = try open(layout)
        defer { s.close() }
        let hid = "621121103201-0001"
        let son = try s.addMember(member(0, "王小军", "621121200105120133", "2001-05-12"), to: hid, joined: nil)
        try s.memberLeaves(son.id, householdID: hid, change: MemberChange(reason: .movedAway, date: Fixture.d("2026-11-01")))
        let h = s.dataset.household(hid)!
        XCTAssertEqual(h.members.count, 2)
        XCTAssertEqual(h.member(son.id)?.left, MemberChange(reason: .movedAway, date: Fixture.d("2026-11-01")))
        XCTAssertEqual(h.present(on: Fixture.d("2026-11-01")).members.map(\.name), ["王建国"])
        XCTAssertEqual(h.present(on: Fixture.d("2026-10-31")).members.map(\.name), ["王建国", "王小军"])
        XCTAssertThrowsError(try s.memberLeaves(son.id, householdID: hid, change: MemberChange(reason: .died, date: Fixture.d("1999-01-01")))) {
            guard case StoreError.refused(let why, let code) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(code, 65)
            XCTAssertTrue(why.zh.contains("早于出生日期"), why.zh)
        }
    }

    /// Every write path validates as `validate` does (issue 16, point 4).
    func testEditThatValidateWouldRejectIsRefused() throws {
        let layout = try directory(Fixture.dataset(), device: "here")
        let s = try open(layout)
        defer { s.close() }
        let hid = "621121103201-0001"
        let bad: [(String, JSONValue, String)] = [
            ("members[1].id_number", .string(wrongCheck("62112119700512013")), "校验位"),
            ("members[1].birth_date", .string("2030-01-01"), "在未来"),
        ]
        for (field, value, words) in bad {
            XCTAssertThrowsError(try s.edit(householdID: hid, field: field, value: value), field) {
                guard case StoreError.refused(let why, 65) = $0 else { return XCTFail("\(field): \($0)") }
                XCTAssertTrue(why.zh.contains(words), why.zh)
            }
        }
        XCTAssertTrue(s.dataset.edits.isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: layout.path(DataLayout.editsFile(village: Fixture.village))))
    }

    func wrongCheck(_ first17: String) -> String {
        let right = IDNumber.checkCharacter(for: first17)!
        return first17 + (right == "0" ? "1" : "0")
    }

    func testHouseholdAndCadreAddedOnADeviceGetIdsNoOtherDeviceMakes() throws {
        let layout = try directory(Fixture.dataset(), device: "here")
        let s = try open(layout)
        defer { s.close() }
        var h = Fixture.household(9)
        h.members = [member(1, "何永福", "11010519491231002X", "1949-12-31", .head)]
        h.members[0].sex = .female
        let added = try s.addHousehold(h, today: today)
        XCTAssertTrue(added.id.hasPrefix("621121103201-n"), added.id)
        XCTAssertEqual(added.number, h.number, "the township's household number stays as given")
        XCTAssertNotNil(s.dataset.household(added.id))
        let cadre = try s.addCadre(Cadre(id: "", name: "赵德胜", unit: "通渭县水务局", level: .county, phone: ""), today: today)
        try s.pair(householdID: added.id, cadreID: cadre.id, from: Fixture.d("2026-11-20"))
        let pairings = s.dataset.household(added.id)!.pairings
        XCTAssertEqual(pairings.map(\.cadreID), ["c1", cadre.id])
        XCTAssertEqual(pairings[0].end, Fixture.d("2026-11-19"), "the old pairing ends, kept as history")
        XCTAssertThrowsError(try s.addHousehold(h, today: today))
    }
}
