import Foundation
import SanbaoCore

/// Bundles and merging: what one device hands another, and the one journaled merge that
/// bundles and township rosters (`Sync+Intake.swift`) both go through. The store owns
/// one (`Store.sync`) and hands it what it has read (`LoadResult`) and whether it may
/// write (`Store.Access`); everything it writes, it adds to that `LoadResult`.
struct Sync {
    /// Where a bundle waits while it is written (docs/storage.md, "All or nothing").
    static let incomingDir = "incoming"

    let layout: DataLayout
    /// The current time as ISO 8601 UTC (the store's clock).
    let now: () -> String

    /// Everything in `loaded` (or one cadre's households) as a bundle for another device.
    func bundle(of loaded: LoadResult, cadreIDs: Set<String>?) -> Bundle {
        let dataset = loaded.dataset
        // Everything, unless one cadre's households are asked for: no set of every id.
        var bases = loaded.bases, checks = dataset.checks, edits = dataset.edits, cadres = dataset.cadres
        if let cadreIDs {
            bases = bases.filter { h in h.pairings.contains { cadreIDs.contains($0.cadreID) } }
            let ids = Set(bases.map(\.id))
            checks = checks.filter { ids.contains($0.householdID) }
            edits = edits.filter { ids.contains($0.householdID) }
            cadres = cadres.filter { c in cadreIDs.contains(c.id) || bases.contains { $0.pairings.contains { $0.cadreID == c.id } } }
        }
        return Bundle(deviceID: loaded.deviceID, created: now(), cadres: cadres.sorted { $0.id < $1.id },
                      households: Self.byID(bases), checks: CheckHistory.chronological(checks),
                      edits: edits.sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) })
    }

    /// Households by id: as read (village by village, each file by id) they are so
    /// already, and a county's were copied whole to find that out.
    static func byID(_ households: [Household]) -> [Household] {
        zip(households, households.dropFirst()).allSatisfy { $0.id < $1.id } ? households : households.sorted { $0.id < $1.id }
    }

    /// The one merge path of bundles and rosters alike: plan, check the plan as a whole,
    /// journal `data` (the bundle's bytes) in `incoming/`, write, drop the journal.
    func merge(_ bundle: Bundle, data: Data, name: String, today: LocalDate, into loaded: inout LoadResult,
               access: Store.Access) throws -> MergePlan {
        try merge(bundle, journalName: Self.journalName(of: data), name: name, today: today, into: &loaded, access: access) { put in
            try put(data)
        }
    }

    /// A bundle's journal is named by its contents, so the same bundle imported twice
    /// while one waits is one journal. FNV-1a over 8-byte words: byte by byte, a county's
    /// bundle took 75 ms of its import. Only a name (what `incoming/` holds is merged
    /// whatever it is called), never an id written into records.
    static func journalName(of data: Data) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for k in 0..<words {
                h ^= raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)
                h = h &* 0x100000001b3
            }
            for k in (words * 8)..<raw.count {
                h ^= UInt64(raw[k])
                h = h &* 0x100000001b3
            }
        }
        h ^= UInt64(data.count)
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The merge with the journal's bytes made by `journal` (handing them, in pieces, to
    /// the function it is given), and new households' lines from `encoded` if made already.
    func merge(_ bundle: Bundle, journalName: String, name: String, today: LocalDate, encoded: EncodedRecords? = nil,
               into loaded: inout LoadResult, access: Store.Access,
               journal make: @escaping @Sendable ((Data) throws -> Void) throws -> Void) throws -> MergePlan {
        let plan = try MergePlan(bundle: bundle, name: name, bases: loaded.bases, dataset: loaded.dataset, deviceID: loaded.deviceID)
        guard !plan.isEmpty else { return plan }
        // The journal goes to disk while the plan is checked; it is the journal only
        // once the plan has passed.
        let journal = layout.path("\(Self.incomingDir)/\(journalName).json")
        let staged = StagedJournal.start(journal, make)
        let cut: VillageCut?
        do {
            cut = try checkPlan(plan, loaded: loaded, access: access, today: today, name: name)
        } catch {
            staged?.discard()
            throw error
        }
        try AtomicFile.inDataDirectory {
            if let staged { return try staged.commit() }
            try AtomicFile.makeDirectory(layout.path(Self.incomingDir))
            try AtomicFile.write(to: journal, make)
        }
        // From here the journal is on disk: a failure leaves a part written, which the
        // next open finishes. Said so, never "nothing imported".
        do {
            try apply(plan, encoded: encoded, cut: cut, into: &loaded)
            try FileManager.default.removeItem(atPath: journal)
            try AtomicFile.syncDirectory(layout.path(Self.incomingDir))
        } catch {
            throw StoreError.interruptedImport(name, Self.reason(error))
        }
        return plan
    }

    /// Refuses a plan that would add errors, or touch a file that may not be written.
    /// Returns the county it would leave cut by village, when its ids allow (for `apply`,
    /// which may then take each check's village from it).
    func checkPlan(_ plan: MergePlan, loaded: LoadResult, access: Store.Access, today: LocalDate, name: String) throws -> VillageCut? {
        let dataset = loaded.dataset
        var merged = dataset
        merged.cadres += plan.cadres
        merged.households = try mergedHouseholds(plan, loaded: loaded, name: name)
        // Shared, not copied, when nothing is here yet (a county into a new directory).
        merged.checks = dataset.checks.isEmpty ? plan.checks : dataset.checks + plan.checks
        let validator = Validator(today: today)
        let before = Set(VillageErrors.of(dataset, validator).map { "\($0.record ?? "")\($0.path)\($0.message.en)" })
        // The plan takes each new check id once and none that is here: the merged ids are
        // distinct when those here are.
        let cut = VillageCut(merged)
        let distinct = DistinctIDs.hold(dataset.checks, \.id)
        let added = VillageErrors.of(merged, validator, cut: cut, checkIDsDistinct: distinct)
            .filter { !before.contains("\($0.record ?? "")\($0.path)\($0.message.en)") }
        if let first = added.first {
            throw StoreError.badData("\(name): \(TerminalText.safe(first.record ?? "")) \(first.path): \(first.message.en)" + (added.count > 1 ? " (and \(added.count - 1) more)" : ""))
        }
        for file in targetFiles(plan, merged, checkVillages: checkVillages(plan, loaded: loaded, cut: cut)) {
            if let refusal = Store.refusal(for: file, access: access, conditions: loaded.conditions) { throw refusal }
        }
        return cut
    }

    /// The plan's checks by village code (positions in `plan.checks`, ascending): from
    /// the cut of the county the plan leaves, once it has passed the validator (each check
    /// is then in its household's village), else by looking each household up.
    func checkVillages(_ plan: MergePlan, loaded: LoadResult, cut: VillageCut?) -> [String: [Int]] {
        let base = loaded.dataset.checks.count
        guard let cut else {
            let village = Dictionary((loaded.bases + plan.households).map { ($0.id, $0.address.villageCode) }, uniquingKeysWith: { a, _ in a })
            return Dictionary(grouping: plan.checks.indices, by: { village[plan.checks[$0].householdID] ?? "" })
        }
        var out: [String: [Int]] = [:]
        for (p, positions) in cut.checks.enumerated() {
            let first = positions.firstIndex { $0 >= base } ?? positions.count
            if first < positions.count { out[cut.codes[p]] = positions[first...].map { $0 - base } }
        }
        return out
    }

    /// Every household as it will be once `plan` is written: registration records with
    /// all edits applied, the ones the plan touches made anew. The merged result is what
    /// is validated, not the parts.
    func mergedHouseholds(_ plan: MergePlan, loaded: LoadResult, name: String) throws -> [Household] {
        let dataset = loaded.dataset
        let touched = Set(plan.edits.map(\.householdID))
        if touched.isEmpty { return dataset.households.isEmpty ? plan.households : dataset.households + plan.households }
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

    func targetFiles(_ plan: MergePlan, _ merged: Dataset, checkVillages: [String: [Int]]) -> Set<String> {
        var files: Set<String> = plan.cadres.isEmpty ? [] : [DataLayout.cadres]
        files.formUnion(Set(plan.households.map(\.address.villageCode)).map { DataLayout.householdsFile(village: $0) })
        files.formUnion(checkVillages.keys.map { DataLayout.checksFile(village: $0) })
        guard !plan.edits.isEmpty else { return files }
        let village = Dictionary(merged.households.map { ($0.id, $0.address.villageCode) }, uniquingKeysWith: { a, _ in a })
        files.formUnion(Set(plan.edits.map { village[$0.householdID] ?? "" }).map { DataLayout.editsFile(village: $0) })
        return files
    }

    /// Writes a checked plan: registration records first, so every check and edit
    /// written after them names a household that is already on disk.
    func apply(_ plan: MergePlan, encoded: EncodedRecords? = nil, cut: VillageCut? = nil, into loaded: inout LoadResult) throws {
        let checkVillages = checkVillages(plan, loaded: loaded, cut: cut)
        if !plan.cadres.isEmpty {
            let all = (loaded.dataset.cadres + plan.cadres).sorted { $0.id < $1.id }
            let file = CadreFile(schemaVersion: DataLayout.schemaVersion, cadres: all)
            try AtomicFile.write(try JSONCoding.prettyEncoder().encode(file) + Data([0x0A]), to: layout.path(DataLayout.cadres))
            loaded.dataset.cadres = all
        }
        let bases = loaded.bases.isEmpty ? plan.households : loaded.bases + plan.households
        let byVillage = Dictionary(grouping: bases, by: \.address.villageCode)
        let newHouseholds = Set(plan.households.map(\.address.villageCode))
        let codes = newHouseholds.union(checkVillages.keys).sorted()
        if !newHouseholds.isEmpty { try AtomicFile.makeDirectory(layout.path(DataLayout.householdsDir)) }
        // Made here, not by the appends running side by side.
        if !checkVillages.isEmpty { try AtomicFile.inDataDirectory { try AtomicFile.makeDirectory(layout.path(DataLayout.checksDir)) } }
        // Each village's files made and written by one task, its households before its
        // checks (so every check written names a household on disk), the tasks on every
        // core a batch at a time: a county's files are never all in memory at once, and
        // one village's fsync waits while another's lines are made. Across villages the
        // journal covers the order.
        let all = plan.checks
        for batch in stride(from: 0, to: codes.count, by: 16).map({ Array(codes[$0..<min($0 + 16, codes.count)]) }) {
            try batch.concurrentMap(chunk: 1) { [layout] code in
                Result {
                    if newHouseholds.contains(code) {
                        let file = try DatasetWriter.householdLines(village: code, byVillage[code]!.sorted { $0.id < $1.id }, encoded: encoded)
                        try AtomicFile.writeLeavingDirectory(file, to: layout.path(DataLayout.householdsFile(village: code)))
                    }
                    // Checks ordered by position, never copied.
                    guard let positions = checkVillages[code] else { return }
                    var lines: [UInt8] = []
                    lines.reserveCapacity(positions.count * 700)
                    for k in CheckHistory.chronologicalIndices(all, positions) {
                        try RecordLine.append(all[k], to: &lines)
                        lines.append(0x0A)
                    }
                    try AppendOnlyFile.append(Data(lines), to: DataLayout.checksFile(village: code), in: layout, kind: "checks", village: code,
                                              syncingDirectory: false)
                }
            }.forEach { try $0.get() }
        }
        // The folders' fsyncs, once for all the files renamed into them.
        if !newHouseholds.isEmpty { try AtomicFile.syncDirectory(layout.path(DataLayout.householdsDir)) }
        if !checkVillages.isEmpty { try AtomicFile.syncDirectory(layout.path(DataLayout.checksDir)) }
        let village = plan.edits.isEmpty ? [:] : Dictionary(bases.map { ($0.id, $0.address.villageCode) }, uniquingKeysWith: { a, _ in a })
        for (code, edits) in Dictionary(grouping: plan.edits, by: { village[$0.householdID]! }).sorted(by: { $0.key < $1.key }) {
            let lines = try edits.reduce(into: Data()) { d, e in d.append(try JSONCoding.encoder().encode(e)); d.append(0x0A) }
            try AppendOnlyFile.append(lines, to: DataLayout.editsFile(village: code), in: layout, kind: "edits", village: code)
        }
        loaded.bases = bases
        // Shared, not copied, where nothing was here (a county into a new directory).
        loaded.dataset.checks = loaded.dataset.checks.isEmpty ? plan.checks : loaded.dataset.checks + plan.checks
        loaded.dataset.edits += plan.edits
        let log = EditLog(loaded.dataset.edits)
        loaded.dataset.households = loaded.dataset.edits.isEmpty ? bases : try bases.map { try HouseholdPatcher.apply(log, to: $0) }
    }

    /// Finishes imports a crash interrupted: each bundle left in `incoming/` is merged
    /// again (a union, so what was already written is not written twice). Returns what
    /// to tell the user.
    func finishInterruptedImports(into loaded: inout LoadResult, today: LocalDate) throws -> [Bilingual] {
        let dir = layout.path(Self.incomingDir)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var notices: [Bilingual] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: dir + "/" + name) else { continue }
            let bundle = try Bundle.decode(data, name: name)
            let plan = try MergePlan(bundle: bundle, name: name, bases: loaded.bases, dataset: loaded.dataset, deviceID: loaded.deviceID)
            if !plan.isEmpty { try apply(plan, into: &loaded) }
            try FileManager.default.removeItem(atPath: dir + "/" + name)
            notices.append(Bilingual(zh: "已完成上次被中断的导入（\(name)）", en: "finished an import that was interrupted (\(name))"))
        }
        return notices
    }

    /// Why writing failed, in words: a store error's own, a decoding failure's path and
    /// message, else the system's description.
    static func reason(_ error: Error) -> Bilingual {
        if let e = error as? StoreError { return e.message }
        if error is DecodingError {
            let d = DecodeFailure.describe(error)
            return Bilingual(zh: "\(d.path)：\(d.message.zh)", en: "\(d.path): \(d.message.en)")
        }
        return Bilingual(zh: "\(error)", en: "\(error)")
    }

    /// Whether an import was left unfinished in `incoming/`.
    static func hasInterruptedImport(_ layout: DataLayout) -> Bool {
        let incoming = (try? FileManager.default.contentsOfDirectory(atPath: layout.path(incomingDir))) ?? []
        return incoming.contains(where: { $0.hasSuffix(".json") })
    }
}

extension LoadResult {
    /// This copy's identity, from its manifest.
    var deviceID: String { manifest?.deviceID ?? "unknown" }
}

/// Bundles, for the commands and the app: the store reads everything first, then the
/// work is `Sync`'s.
extension Store {
    /// Everything (or one cadre's households) as a bundle for another device.
    public func bundle(cadreIDs: Set<String>? = nil) -> Bundle {
        // Only a vanished directory makes this fail; the bundle is then of what was read.
        try? readEverything()
        return sync.bundle(of: loaded, cadreIDs: cadreIDs)
    }

    /// Merges a bundle: all or nothing. The plan is computed and validated in memory;
    /// if anything in it is wrong nothing is written. The bundle is first saved to
    /// `incoming/`, so an import interrupted by a crash is finished on the next open.
    public func importBundle(_ data: Data, name: String, today: LocalDate) throws -> MergePlan {
        if let refusal = access.refusal { throw refusal }
        try readEverything()
        let bundle = try Bundle.decode(data, name: name)
        return try sync.merge(bundle, data: data, name: name, today: today, into: &loaded, access: access)
    }
}
