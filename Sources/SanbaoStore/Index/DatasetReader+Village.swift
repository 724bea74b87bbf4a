import Foundation
import SanbaoCore

extension DatasetReader {
    /// Reads the manifest, the cadres and the rules: everything but the village files.
    public func readDocuments() throws -> LoadResult {
        var result = LoadResult(dataset: Dataset(), manifest: nil, problems: [], conditions: [:], locations: RecordLocations())
        guard FileManager.default.fileExists(atPath: layout.root) else {
            throw StoreError.missingDirectory(layout.root)
        }
        try Readability.check(layout)
        result.problems += UnfinishedImports.problems(layout)
        result.manifest = readDocument(Manifest.self, DataLayout.manifest, into: &result, required: true)
        result.dataset.cadres = readDocument(CadreFile.self, DataLayout.cadres, into: &result, required: true)?.cadres ?? []
        if let rules = readDocument(RulesConfig.self, DataLayout.rules, into: &result, required: false) {
            result.dataset.rules = rules
            for p in rules.problems { result.problems.append(FileProblem(file: DataLayout.rules, p)) }
        }
        return result
    }

    /// Reads one village's household, check and edit files (those that exist), with edits
    /// applied, as `read()` would for them. Cadres and rules are not read.
    public func readVillage(_ code: String) -> LoadResult {
        readVillageCounting(code).result
    }

    /// `readVillage`, then the domain checks of `Validator` on it against `cadres` (duplicate
    /// ids, checks and edits of unknown households, ID numbers …), located: what
    /// `sanbao validate` says of this village, for readers that go village by village
    /// (the roster index, the export) and must not show a damaged village as if whole.
    public func readVillageChecked(_ code: String, cadres: [Cadre], today: LocalDate) -> LoadResult {
        var read = readVillage(code)
        var data = read.dataset
        data.cadres = cadres
        read.problems += Validator(today: today).problems(in: data).map { read.located($0) }
        return read
    }

    /// `readVillage`, and how many of its problems came from reading the files: those
    /// after them came from laying the edits over the records.
    func readVillageCounting(_ code: String) -> (result: LoadResult, readProblems: Int) {
        var result = LoadResult(dataset: Dataset(), manifest: nil, problems: [], conditions: [:], locations: RecordLocations())
        let files = [RecordFile(path: DataLayout.householdsFile(village: code), kind: .households),
                     RecordFile(path: DataLayout.checksFile(village: code), kind: .checks),
                     RecordFile(path: DataLayout.editsFile(village: code), kind: .edits)]
            .filter { FileManager.default.fileExists(atPath: layout.path($0.path)) }
        // As `read()`: the fast way (tried twice), else the careful way.
        if !(readRecordsFast(files, into: &result) || readRecordsFast(files, into: &result)) {
            readRecordsInTurn(files, into: &result)
        }
        let readProblems = result.problems.count
        applyEdits(&result)
        return (result, readProblems)
    }

    /// Village codes with at least one data file, sorted (the order `read()` uses).
    public func villageCodes() -> [String] {
        var codes = Set<String>()
        for dir in [DataLayout.householdsDir, DataLayout.checksDir, DataLayout.editsDir] {
            for file in listing(dir) { codes.insert(String((file as NSString).lastPathComponent.dropLast(".jsonl".count))) }
        }
        return codes.sorted()
    }
}
