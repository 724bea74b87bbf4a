import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// Convergence as a property (issue 19): devices start from the same data, each works
/// offline (checks, amendments, edits, members joining and leaving, new households, new
/// cadres and pairings), then they exchange bundles in a random order. Over many seeds:
/// every device ends with the same data, `validate` clean, nothing acknowledged lost,
/// and exactly the fields changed on two devices unseen by each other listed as conflicts.
final class ConvergenceTests: XCTestCase {
    static let seeds: ClosedRange<UInt64> = 1...24

    func testTwoDevicesConverge() throws {
        assertExercised(try Self.seeds.map { try Run(test: self, seed: $0, devices: 2).go() })
    }

    func testThreeDevicesConverge() throws {
        assertExercised(try Self.seeds.map { try Run(test: self, seed: $0 &+ 1000, devices: 3).go() })
    }

    /// The runs did what they are for: members joined and left, households and cadres
    /// were added, and some fields really were changed on two devices at once.
    func assertExercised(_ ledgers: [Run.Ledger]) {
        XCTAssertGreaterThan(ledgers.map(\.checks.count).reduce(0, +), 0)
        XCTAssertGreaterThan(ledgers.map { $0.fields(ending: "].left") }.reduce(0, +), 0, "no member left")
        XCTAssertGreaterThan(ledgers.map { $0.fields(ending: "]") }.reduce(0, +), 0, "no member joined")
        XCTAssertGreaterThan(ledgers.map(\.households.count).reduce(0, +), 0, "no household added")
        XCTAssertGreaterThan(ledgers.map(\.cadres.count).reduce(0, +), 0, "no cadre added")
        XCTAssertGreaterThan(ledgers.map { $0.lastChangers.values.filter { $0.count > 1 }.count }.reduce(0, +), 0, "no conflict made")
    }
}

/// SplitMix64: a failure is replayed from its seed.
struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One run of the property for one seed.
struct Run {
    let test: XCTestCase
    let seed: UInt64
    let devices: Int
    let today = Fixture.d("2026-11-29")
    let givenNames = ["小宝", "小贝", "丽", "强", "芳", "军", "梅", "磊"]

    final class Device {
        let name: String
        let layout: DataLayout
        var tick = 0
        init(name: String, layout: DataLayout) { self.name = name; self.layout = layout }
        /// A clock of its own, always moving forward.
        func now() -> String {
            tick += 1
            return String(format: "2026-11-28T%02d:%02d:%02dZ", tick / 3600 % 24, tick / 60 % 60, tick % 60)
        }
    }

    /// What the devices were told was saved, and which fields each phase changed where.
    struct Ledger {
        var checks: Set<String> = []
        var edits: Set<String> = []
        var households: Set<String> = []
        var cadres: Set<String> = []
        /// (household, field) → the devices that changed it in the latest phase it changed.
        var lastChangers: [String: Set<String>] = [:]
        var phaseChangers: [String: Set<String>] = [:]
        var fieldsChanged: [String] = []

        func fields(ending suffix: String) -> Int { fieldsChanged.filter { $0.hasSuffix(suffix) }.count }
    }

    func go() throws -> Ledger {
        var rng = Seeded(state: seed)
        // The fixture's head has a wrong check character (for tests of invalid data);
        // here the start must be clean, so that "validate clean" at the end means something.
        var start = Fixture.dataset()
        for i in start.households.indices { start.households[i].members[0].idNumber = "621121197005120139" }
        let fleet = try (0..<devices).map { i -> Device in
            let d = Device(name: "dev\(i)", layout: DataLayout(root: Fixture.tempDir(test)))
            try DatasetWriter(layout: d.layout).create(start, manifest: Manifest(deviceID: d.name, created: "2026-11-01T00:00:00Z"))
            return d
        }
        var ledger = Ledger()
        for phase in 0..<2 {
            ledger.phaseChangers = [:]
            for d in fleet {
                let store = try Store(layout: d.layout, write: true, now: d.now)
                for k in 0..<Int.random(in: 3...8, using: &rng) {
                    try operate(store, d, tag: "\(phase)-\(k)", &ledger, &rng)
                }
                store.close()
            }
            for (field, who) in ledger.phaseChangers { ledger.lastChangers[field] = who }
            try exchange(fleet, &rng)
        }
        try assertConverged(fleet, ledger)
        return ledger
    }

    func context() -> String { "seed \(seed), \(devices) devices" }

    // MARK: Operations

    func operate(_ s: Store, _ d: Device, tag: String, _ ledger: inout Ledger, _ rng: inout Seeded) throws {
        let households = s.dataset.households
        let h = households.randomElement(using: &rng)!
        let date = Fixture.d("2026-11-01").adding(days: Int.random(in: 0...27, using: &rng))
        do {
            switch Int.random(in: 0..<8, using: &rng) {
            case 0, 1:
                let state = [IndicatorState.met, .notMet, .followUp].randomElement(using: &rng)!
                let check = Check(id: "\(d.name)-\(tag)", householdID: h.id, date: date, cadreID: "c1", recordedAt: d.now(),
                                  findings: [Indicator.allCases.randomElement(using: &rng)!: Finding(state: state, note: tag)])
                try s.save(check)
                ledger.checks.insert(check.id)
            case 2:
                guard let old = s.dataset.checks.randomElement(using: &rng) else { return }
                var amended = old
                amended.id = "\(d.name)-\(tag)-amend"
                amended.supersedes = old.id
                amended.recordedAt = d.now()
                amended.note = "amended \(tag)"
                try s.save(amended)
                ledger.checks.insert(amended.id)
            case 3:
                let e = try s.edit(householdID: h.id, field: "phone", value: .string("139\(Int.random(in: 10_000_000...99_999_999, using: &rng))"))
                changed(e, d, &ledger)
            case 4:
                let born = Fixture.d("2008-01-01").adding(days: Int.random(in: 0...6_800, using: &rng))
                let sex: Sex = Bool.random(using: &rng) ? .male : .female
                let first17 = "621121" + born.description.filter { $0 != "-" } + String(format: "%03d", Int.random(in: 0...499, using: &rng) * 2 + (sex == .male ? 1 : 0))
                let person = Member(id: 0, name: "王" + givenNames.randomElement(using: &rng)!, sex: sex,
                                    idNumber: first17 + String(IDNumber.checkCharacter(for: first17)!), birthDate: born, relation: .grandchild)
                let m = try s.addMember(person, to: h.id, joined: MemberChange(reason: .born, date: born))
                changed(s.dataset.edits.last!, d, &ledger)
                XCTAssertGreaterThanOrEqual(m.id, NewID.firstDeviceMemberID, context())
            case 5:
                let leaving = h.members.filter { $0.relation != .head && $0.left == nil && $0.birthDate <= date && ($0.joined?.date ?? $0.birthDate) <= date }
                guard let m = leaving.randomElement(using: &rng) else { return }
                try s.memberLeaves(m.id, householdID: h.id, change: MemberChange(reason: LeaveReason.allCases.randomElement(using: &rng)!, date: date))
                changed(s.dataset.edits.last!, d, &ledger)
            case 6:
                var new = Fixture.household(50 + Int.random(in: 0...40, using: &rng))
                new.members[0].sex = .male
                let first17 = "62112119\(60 + Int.random(in: 0...39, using: &rng))0101" + String(format: "%03d", Int.random(in: 0...499, using: &rng) * 2 + 1)
                new.members[0].name = "新户\(d.name)\(tag)"
                new.members[0].birthDate = LocalDate(first17.dropFirst(6).prefix(8).enumerated().reduce(into: "") { s, c in
                    s.append(c.element); if c.offset == 3 || c.offset == 5 { s.append("-") } })!
                new.members[0].idNumber = first17 + String(IDNumber.checkCharacter(for: first17)!)
                let added = try s.addHousehold(new, today: today)
                ledger.households.insert(added.id)
            default:
                let cadre = try s.addCadre(Cadre(id: "", name: "干部\(d.name)\(tag)", unit: "通渭县", level: .county, phone: ""), today: today)
                ledger.cadres.insert(cadre.id)
                try s.pair(householdID: h.id, cadreID: cadre.id, from: date)
                changed(s.dataset.edits.last!, d, &ledger)
            }
        } catch StoreError.refused {
            // Refused with a reason (a duplicate household, a date before a birth):
            // nothing was acknowledged, so nothing is owed.
        }
    }

    func changed(_ e: HouseholdEdit, _ d: Device, _ ledger: inout Ledger) {
        ledger.edits.insert(e.id)
        ledger.fieldsChanged.append(e.field)
        ledger.phaseChangers["\(e.householdID) \(e.field)", default: []].insert(d.name)
    }

    // MARK: Exchange and comparison

    /// Every device imports every other's bundle, importers and exporters in a random
    /// order, twice over so what arrived in the first round travels on in the second.
    func exchange(_ fleet: [Device], _ rng: inout Seeded) throws {
        for _ in 0..<2 {
            for importer in fleet.shuffled(using: &rng) {
                for exporter in fleet.shuffled(using: &rng) where exporter !== importer {
                    let from = try Store(layout: exporter.layout, write: false, now: exporter.now)
                    let data = try from.bundle().encoded()
                    from.close()
                    let into = try Store(layout: importer.layout, write: true, now: importer.now)
                    defer { into.close() }
                    do { _ = try into.importBundle(data, name: exporter.name, today: today) } catch {
                        XCTFail("\(context()): \(importer.name) importing \(exporter.name): \(error)")
                    }
                }
            }
        }
    }

    func assertConverged(_ fleet: [Device], _ ledger: Ledger) throws {
        var first: (households: [Household], checks: Set<Check>, edits: Set<String>, cadres: [Cadre], conflicts: [String])?
        for d in fleet {
            let s = try Store(layout: d.layout, write: false, now: d.now)
            defer { s.close() }
            let data = s.dataset
            XCTAssertTrue(s.problems.isEmpty, "\(context()) \(d.name): \(s.problems)")
            let errors = Validator(today: today).problems(in: data).filter { $0.severity == .error }
            XCTAssertTrue(errors.isEmpty, "\(context()) \(d.name): \(errors.map(\.message.en))")
            let mine = (households: data.households.sorted { $0.id < $1.id }, checks: Set(data.checks), edits: Set(data.edits.map(\.id)),
                        cadres: data.cadres.sorted { $0.id < $1.id },
                        conflicts: s.conflicts.map { "\($0.householdID) \($0.field)" })
            XCTAssertTrue(ledger.checks.isSubset(of: Set(data.checks.map(\.id))), "\(context()) \(d.name): a saved check is missing")
            XCTAssertTrue(ledger.edits.isSubset(of: mine.edits), "\(context()) \(d.name): a saved edit is missing")
            XCTAssertTrue(ledger.households.isSubset(of: Set(data.households.map(\.id))), context())
            XCTAssertTrue(ledger.cadres.isSubset(of: Set(data.cadres.map(\.id))), context())
            let expected = ledger.lastChangers.filter { $0.value.count > 1 }.keys.sorted()
            XCTAssertEqual(mine.conflicts, expected, "\(context()) \(d.name): conflicts listed are the fields changed on two devices unseen")
            if let first {
                XCTAssertEqual(mine.households, first.households, "\(context()) \(d.name): households differ")
                XCTAssertEqual(mine.checks, first.checks, context())
                XCTAssertEqual(mine.edits, first.edits, context())
                XCTAssertEqual(mine.cadres, first.cadres, context())
                XCTAssertEqual(mine.conflicts, first.conflicts, context())
            } else {
                first = mine
            }
        }
    }
}
