import Foundation
import SanbaoCore

/// Household edits, conflicts, bundles and imports.
extension Store {
    public var editLog: EditLog { EditLog(dataset.edits) }
    public var conflicts: [EditLog.Conflict] { editLog.conflicts }

    /// Records a change to one field of a household, durably. The value is checked by
    /// applying it: a value the record cannot hold is refused with the decoder's words.
    @discardableResult
    public func edit(householdID: String, field: String, value: JSONValue, cadreID: String? = nil,
                     replacing parents: [String]? = nil) throws -> HouseholdEdit {
        try readEverything()
        guard let base = loaded.bases.first(where: { $0.id == householdID }) else {
            throw StoreError.badData("unknown household \(householdID)")
        }
        if let p = HouseholdEdit.fieldProblem(field) { throw StoreError.badData(p.en) }
        if let (member, key) = HouseholdEdit.memberField(field), key != nil,
           let current = dataset.household(householdID), current.member(member) == nil {
            let ids = current.members.map { String($0.id) }.joined(separator: ", ")
            throw StoreError.badData("\(householdID) has no member \(member) (members are numbered by id: \(ids))")
        }
        let edit = HouseholdEdit(
            id: "e-" + StableHash.hex(Data("\(householdID)|\(field)|\(now())|\(UInt64.random(in: 0...UInt64.max))".utf8)),
            householdID: householdID, field: field, value: value,
            parents: parents ?? editLog.parents(householdID: householdID, field: field),
            deviceID: deviceID, cadreID: cadreID, recordedAt: now())
        let updated: Household
        do {
            updated = try HouseholdPatcher.apply(EditLog(dataset.edits + [edit]), to: base)
        } catch {
            let d = DecodeFailure.describe(error)
            throw StoreError.badData("\(field): \(d.message.en)")
        }
        let file = DataLayout.editsFile(village: base.address.villageCode)
        if let refusal = refusal(for: file) { throw refusal }
        var line = try JSONCoding.encoder().encode(edit)
        line.append(0x0A)
        try appendDurably(line, to: file, kind: "edits", village: base.address.villageCode)
        loaded.dataset.edits.append(edit)
        if let i = loaded.dataset.households.firstIndex(where: { $0.id == householdID }) {
            loaded.dataset.households[i] = updated
        }
        return edit
    }

    /// Settles a conflict with `value`: a new edit that replaces every competing one.
    @discardableResult
    public func resolve(_ conflict: EditLog.Conflict, value: JSONValue, cadreID: String? = nil) throws -> HouseholdEdit {
        try edit(householdID: conflict.householdID, field: conflict.field, value: value, cadreID: cadreID,
                 replacing: conflict.heads.map(\.id))
    }

    /// Everything (or one cadre's households) as a bundle for another device.
    public func bundle(cadreIDs: Set<String>? = nil) -> Bundle {
        // Only a vanished directory makes this fail; the bundle is then of what was read.
        try? readEverything()
        let bases = loaded.bases.filter { h in cadreIDs.map { ids in h.pairings.contains { ids.contains($0.cadreID) } } ?? true }
        let ids = Set(bases.map(\.id))
        let cadres = dataset.cadres.filter { c in
            cadreIDs?.contains(c.id) ?? true || bases.contains { $0.pairings.contains { $0.cadreID == c.id } }
        }
        return Bundle(deviceID: deviceID, created: now(), cadres: cadres.sorted { $0.id < $1.id },
                      households: bases.sorted { $0.id < $1.id },
                      checks: CheckHistory.chronological(dataset.checks.filter { ids.contains($0.householdID) }),
                      edits: dataset.edits.filter { ids.contains($0.householdID) }.sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) })
    }

    /// Merges a bundle: all or nothing. The plan is computed and validated in memory;
    /// if anything in it is wrong nothing is written. The bundle is first saved to
    /// `incoming/`, so an import interrupted by a crash is finished on the next open.
    public func importBundle(_ data: Data, name: String, today: LocalDate) throws -> MergePlan {
        if case .readOnly(let why) = access { throw StoreError.refused(why, code: 75) }
        try readEverything()
        return try merge(try Bundle.decode(data, name: name), data: data, name: name, today: today)
    }

    /// The one merge path of bundles and rosters alike: plan, check the plan as a whole,
    /// journal `data` (the bundle's bytes) in `incoming/`, write, drop the journal.
    func merge(_ bundle: Bundle, data: Data, name: String, today: LocalDate, encoded: EncodedRecords? = nil) throws -> MergePlan {
        let plan = try MergePlan(bundle: bundle, bases: loaded.bases, dataset: dataset, deviceID: deviceID)
        guard !plan.isEmpty else { return plan }
        try checkPlan(plan, today: today, name: name)
        try AtomicFile.makeDirectory(layout.path(Self.incomingDir))
        let journal = layout.path("\(Self.incomingDir)/\(StableHash.hex(data)).json")
        try AtomicFile.write(data, to: journal)
        try apply(plan, encoded: encoded)
        try FileManager.default.removeItem(atPath: journal)
        try AtomicFile.syncDirectory(layout.path(Self.incomingDir))
        return plan
    }

    static let incomingDir = "incoming"

    /// Refuses a plan that would add errors, or touch a file that may not be written.
    func checkPlan(_ plan: MergePlan, today: LocalDate, name: String) throws {
        var merged = dataset
        merged.cadres += plan.cadres
        merged.households = try mergedHouseholds(plan, name: name)
        merged.checks += plan.checks
        let validator = Validator(today: today)
        let before = Set(validator.problems(in: dataset).filter { $0.severity == .error }.map { "\($0.record ?? "")\($0.path)\($0.message.en)" })
        let added = validator.problems(in: merged).filter { $0.severity == .error && !before.contains("\($0.record ?? "")\($0.path)\($0.message.en)") }
        if let first = added.first {
            throw StoreError.badData("\(name): \(first.record ?? "") \(first.path): \(first.message.en)" + (added.count > 1 ? " (and \(added.count - 1) more)" : ""))
        }
        for file in targetFiles(plan, merged) {
            if let refusal = refusal(for: file) { throw refusal }
        }
    }

    /// Every household as it will be once `plan` is written: registration records with
    /// all edits applied, the ones the plan touches made anew. The merged result is what
    /// is validated, not the parts.
    func mergedHouseholds(_ plan: MergePlan, name: String) throws -> [Household] {
        let touched = Set(plan.edits.map(\.householdID))
        if touched.isEmpty { return dataset.households + plan.households }
        let log = EditLog(dataset.edits + plan.edits)
        let current = Dictionary(dataset.households.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try (loaded.bases + plan.households).map { base in
            guard touched.contains(base.id) else { return current[base.id] ?? base }
            do { return try HouseholdPatcher.apply(log, to: base) } catch {
                let d = DecodeFailure.describe(error)
                throw StoreError.badData("\(name): \(base.id) \(d.path): \(d.message.en)")
            }
        }
    }

    func targetFiles(_ plan: MergePlan, _ merged: Dataset) -> Set<String> {
        let village = Dictionary(merged.households.map { ($0.id, $0.address.villageCode) }, uniquingKeysWith: { a, _ in a })
        var files: Set<String> = plan.cadres.isEmpty ? [] : [DataLayout.cadres]
        for h in plan.households { files.insert(DataLayout.householdsFile(village: h.address.villageCode)) }
        for c in plan.checks { files.insert(DataLayout.checksFile(village: village[c.householdID] ?? "")) }
        for e in plan.edits { files.insert(DataLayout.editsFile(village: village[e.householdID] ?? "")) }
        return files
    }

    /// Writes a checked plan: registration records first, so every check and edit
    /// written after them names a household that is already on disk.
    func apply(_ plan: MergePlan, encoded: EncodedRecords? = nil) throws {
        if !plan.cadres.isEmpty {
            let all = (dataset.cadres + plan.cadres).sorted { $0.id < $1.id }
            let file = CadreFile(schemaVersion: DataLayout.schemaVersion, cadres: all)
            try AtomicFile.write(try JSONCoding.prettyEncoder().encode(file) + Data([0x0A]), to: layout.path(DataLayout.cadres))
            loaded.dataset.cadres = all
        }
        let bases = loaded.bases + plan.households
        let byVillage = Dictionary(grouping: bases, by: \.address.villageCode)
        let codes = Set(plan.households.map(\.address.villageCode)).sorted()
        // Each village's file made on every core, then written one by one.
        let files = codes.concurrentMap { code in
            Result { try DatasetWriter.householdLines(village: code, byVillage[code]!.sorted { $0.id < $1.id }, encoded: encoded) }
        }
        if !codes.isEmpty { try AtomicFile.makeDirectory(layout.path(DataLayout.householdsDir)) }
        for (code, file) in zip(codes, files) {
            try AtomicFile.write(try file.get(), to: layout.path(DataLayout.householdsFile(village: code)))
        }
        let village = Dictionary(bases.map { ($0.id, $0.address.villageCode) }, uniquingKeysWith: { a, _ in a })
        for (code, checks) in Dictionary(grouping: plan.checks, by: { village[$0.householdID]! }).sorted(by: { $0.key < $1.key }) {
            let lines = try CheckHistory.chronological(checks).reduce(into: Data()) { d, c in
                d.append(try JSONCoding.encoder().encode(c)); d.append(0x0A)
            }
            try appendDurably(lines, to: DataLayout.checksFile(village: code), kind: "checks", village: code)
        }
        for (code, edits) in Dictionary(grouping: plan.edits, by: { village[$0.householdID]! }).sorted(by: { $0.key < $1.key }) {
            let lines = try edits.reduce(into: Data()) { d, e in d.append(try JSONCoding.encoder().encode(e)); d.append(0x0A) }
            try appendDurably(lines, to: DataLayout.editsFile(village: code), kind: "edits", village: code)
        }
        loaded.bases = bases
        loaded.dataset.checks += plan.checks
        loaded.dataset.edits += plan.edits
        let log = EditLog(loaded.dataset.edits)
        loaded.dataset.households = try bases.map { try HouseholdPatcher.apply(log, to: $0) }
    }

    /// Finishes imports a crash interrupted: each bundle left in `incoming/` is merged
    /// again (a union, so what was already written is not written twice).
    func finishInterruptedImports(today: LocalDate) throws {
        let dir = layout.path(Self.incomingDir)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for name in names {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
            let bundle = try Bundle.decode(data, name: name)
            let plan = try MergePlan(bundle: bundle, bases: loaded.bases, dataset: dataset, deviceID: deviceID)
            if !plan.isEmpty { try apply(plan) }
            try FileManager.default.removeItem(atPath: dir + "/" + name)
            notices.append(Bilingual(zh: "已完成上次被中断的导入（\(name)）", en: "finished an import that was interrupted (\(name))"))
        }
    }
}
