import Foundation
import SanbaoCore

/// What `sanbao validate` reports: every problem, located, and what was read.
public struct Validation: Sendable {
    public var problems: [FileProblem]
    public var households: Int
    public var checks: Int
    public var cadres: Int

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

extension DatasetReader {
    /// The problems `readAndValidate` finds, read and checked one village at a time on
    /// every core: each village's data is let go once checked, so a county is never held
    /// whole (it takes about twice its size on disk once read).
    ///
    /// Problems come in the order of `readAndValidate`: the documents', then those of
    /// reading the households files, the checks files and the edits files, then those of
    /// laying edits over the records, then the domain problems of every household, then
    /// of every check. A village checked alone says what the whole would say about it as
    /// long as no record id is in two villages and no check or edit is filed away from its
    /// household; when either happens (data the store never writes), the whole is read.
    public func validate(today: LocalDate) throws -> Validation {
        let documents = try readDocuments()
        let validator = Validator(today: today)
        let cadres = documents.dataset.cadres
        let villages = villageCodes().concurrentMap(chunk: 1) { code in
            VillageValidation(self.readVillageCounting(code), cadres: cadres, validator: validator)
        }
        guard VillageValidation.standAlone(villages) else {
            let whole = try readAndValidate(today: today)
            return Validation(problems: whole.problems, households: whole.dataset.households.count,
                              checks: whole.dataset.checks.count, cadres: whole.dataset.cadres.count)
        }
        var problems = documents.problems
        for dir in [DataLayout.householdsDir, DataLayout.checksDir, DataLayout.editsDir] {
            for v in villages { problems += v.reading.filter { VillageValidation.directory(of: $0) == dir } }
        }
        for v in villages { problems += v.reading.filter { VillageValidation.directory(of: $0) == nil } }
        for v in villages { problems += v.editing }
        for v in villages { problems += v.householdProblems }
        for v in villages { problems += v.checkProblems }
        return Validation(problems: problems, households: villages.reduce(0) { $0 + $1.households },
                          checks: villages.reduce(0) { $0 + $1.checks }, cadres: cadres.count)
    }
}

/// One village read and checked on its own, with what tells whether that was enough.
struct VillageValidation: Sendable {
    /// Problems of reading its files, and of laying its edits over its records.
    let reading: [FileProblem]
    let editing: [FileProblem]
    /// Domain problems of its households, then of its checks, located.
    let householdProblems: [FileProblem]
    let checkProblems: [FileProblem]
    let households: Int
    let checks: Int
    /// Every record id read (households, checks, edits), and its household ids.
    let recordIDs: Set<String>
    let householdIDs: Set<String>
    /// Household ids named by its checks and edits that are not among its households.
    let strays: Set<String>

    init(_ read: (result: LoadResult, readProblems: Int), cadres: [Cadre], validator: Validator) {
        var data = read.result.dataset
        data.cadres = cadres
        let (h, c) = validator.problemsByKind(in: data)
        reading = Array(read.result.problems[..<read.readProblems])
        editing = Array(read.result.problems[read.readProblems...])
        householdProblems = h.map { read.result.located($0) }
        checkProblems = c.map { read.result.located($0) }
        households = data.households.count
        checks = data.checks.count
        householdIDs = Set(data.households.map(\.id))
        recordIDs = householdIDs.union(data.checks.map(\.id)).union(data.edits.map(\.id))
        var strays = Set<String>()
        for c in data.checks where !householdIDs.contains(c.householdID) { strays.insert(c.householdID) }
        for e in data.edits where !householdIDs.contains(e.householdID) { strays.insert(e.householdID) }
        self.strays = strays
    }

    /// Whether each village's problems are those the whole would give: no record id in
    /// two villages (locations and duplicates are then the same), and no check or edit
    /// naming a household of another village.
    static func standAlone(_ villages: [VillageValidation]) -> Bool {
        var ids = Set<String>()
        ids.reserveCapacity(villages.reduce(0) { $0 + $1.recordIDs.count })
        var households = Set<String>()
        for v in villages {
            guard ids.isDisjoint(with: v.recordIDs) else { return false }
            ids.formUnion(v.recordIDs)
            households.formUnion(v.householdIDs)
        }
        return !villages.contains { v in v.strays.contains { households.contains($0) } }
    }

    /// The record directory a problem's file is in (`households`, `checks`, `edits`).
    static func directory(of p: FileProblem) -> String? {
        [DataLayout.householdsDir, DataLayout.checksDir, DataLayout.editsDir].first { p.file.hasPrefix($0 + "/") }
    }
}
