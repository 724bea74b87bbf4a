import Foundation
import SanbaoCore

extension DatasetReader {
    /// Reads the manifest, the cadres and the rules: everything but the village files.
    public func readDocuments() throws -> LoadResult {
        var result = LoadResult(dataset: Dataset(), manifest: nil, problems: [], conditions: [:], locations: [:])
        guard FileManager.default.fileExists(atPath: layout.root) else {
            throw StoreError.missingDirectory(layout.root)
        }
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
        var result = LoadResult(dataset: Dataset(), manifest: nil, problems: [], conditions: [:], locations: [:])
        let files = [DataLayout.householdsFile(village: code), DataLayout.checksFile(village: code),
                     DataLayout.editsFile(village: code)]
        let exists = files.map { FileManager.default.fileExists(atPath: layout.path($0)) }
        if exists[0] { result.dataset.households = readLines(Household.self, files[0], kind: "households", into: &result) }
        if exists[1] { result.dataset.checks = readLines(Check.self, files[1], kind: "checks", into: &result) }
        if exists[2] { result.dataset.edits = readLines(HouseholdEdit.self, files[2], kind: "edits", into: &result) }
        applyEdits(&result)
        return result
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
