import Foundation
import SanbaoCore

/// Whether a file may be written.
public enum FileCondition: Hashable, Sendable {
    case ok
    /// Could not be read in full; never overwritten until the user repairs or moves it.
    case damaged
    /// Written by a newer Sanbao; never written to by this one.
    case newer(Int)
}

/// The result of reading a data directory: everything that could be read, and every
/// problem found, each with its file and line. A damaged file never stops the rest.
public struct LoadResult: Sendable {
    public var dataset: Dataset
    public var manifest: Manifest?
    public var problems: [FileProblem]
    /// Files that are not `.ok`, by path relative to the data directory.
    public var conditions: [String: FileCondition]
    /// Where each household, check and edit was read from: `locations[id]` is its file and line.
    public var locations: RecordLocations
    /// Append-only files whose last line is an interrupted write: the byte offset where
    /// that torn line starts. Everything before it is complete.
    public var tornTails: [String: Int] = [:]
    /// Household records as registered, before edits; `dataset.households` has the edits applied.
    public var bases: [Household] = []

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// A domain problem of a record read here, at the file and line of the record.
    public func located(_ p: DataProblem) -> FileProblem {
        let at = p.record.flatMap { locations[$0] }
        var severity = p.severity
        var message = p.message
        // A check or edit whose household sits in a file that could not be read in full is
        // a consequence of that damage, already reported: say so, as a warning.
        if p.path == "$.household_id", let file = at?.file,
           let households = Optional(DataLayout.householdsFile(village: DataLayout.village(ofChecksFile: file))),
           conditions[households] != nil {
            severity = .warning
            message = file.hasPrefix(DataLayout.editsDir + "/")
                ? Bilingual(zh: "此修改所属的户在 \(households) 中未能读取", en: "this edit's household could not be read from \(households)")
                : Bilingual(zh: "此检查所属的户在 \(households) 中未能读取", en: "this check's household could not be read from \(households)")
        }
        return FileProblem(severity, file: at?.file ?? "?", line: at?.line, path: p.path, message)
    }
}

/// Reads a data directory into a `Dataset`, and validates it.
public struct DatasetReader: Sendable {
    public let layout: DataLayout

    public init(layout: DataLayout) {
        self.layout = layout
    }

    /// Reads every file. Problems are collected, not thrown; only a missing or
    /// unreadable directory throws.
    public func read() throws -> LoadResult {
        try read(fast: true)
    }

    /// With `fast`, the record files are read on all cores and each household and check
    /// line goes through `FastDecode` first, falling back to the careful way for any line
    /// it declines (DatasetReader+Records.swift). Without, every line goes the careful
    /// way (UTF-8 check, `JSONSyntax`, `JSONDecoder`) one file after another, as before
    /// the fast decoder: kept so tests can show that both give the same result.
    func read(fast: Bool) throws -> LoadResult {
        var result = try readDocuments()
        let files = listing(DataLayout.householdsDir).map { RecordFile(path: $0, kind: .households) }
            + listing(DataLayout.checksDir).map { RecordFile(path: $0, kind: .checks) }
            + listing(DataLayout.editsDir).map { RecordFile(path: $0, kind: .edits) }
        // A file that grows while it is read (a check saved meanwhile) makes the fast
        // read give up; a second try nearly always succeeds, reading in turn always does.
        if !(fast && (readRecordsFast(files, into: &result) || readRecordsFast(files, into: &result))) {
            readRecordsInTurn(files, into: &result)
        }
        applyEdits(&result)
        return result
    }

    /// `read()`, then the domain checks of `Validator`, located by file and line.
    public func readAndValidate(today: LocalDate) throws -> LoadResult {
        try readAndValidate(today: today, fast: true)
    }

    func readAndValidate(today: LocalDate, fast: Bool) throws -> LoadResult {
        var result = try read(fast: fast)
        result.problems += Validator(today: today).problems(in: result.dataset).map { result.located($0) }
        return result
    }

    /// Lays the edits over the registration records. An edit that would make a record
    /// invalid is reported at its line and that household keeps its registered value.
    func applyEdits(_ result: inout LoadResult) {
        result.bases = result.dataset.households
        guard !result.dataset.edits.isEmpty else { return }
        let log = EditLog(result.dataset.edits)
        result.dataset.households = result.bases.map { base in
            do {
                return try HouseholdPatcher.apply(log, to: base)
            } catch {
                let d = DecodeFailure.describe(error)
                let edit = log.heads[base.id]?.values.flatMap { $0 }.first { d.path.contains($0.field.prefix { $0 != "[" }) }
                let at = edit.flatMap { result.locations[$0.id] }
                result.problems.append(FileProblem(file: at?.file ?? DataLayout.editsDir, line: at?.line, path: d.path, Bilingual(
                    zh: "对 \(base.id) 的修改无法应用：\(d.message.zh)", en: "edit of \(base.id) cannot be applied: \(d.message.en)")))
                return base
            }
        }
    }

    /// The `.jsonl` files of a subdirectory, sorted, as paths relative to the root.
    func listing(_ dir: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.path(dir))) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(dir)/\($0)" }
    }

    func bytes(_ file: String, into result: inout LoadResult) -> [UInt8]? {
        if let bytes = FileBytes.contents(layout.path(file)) { return bytes }
        guard let data = FileManager.default.contents(atPath: layout.path(file)) else {
            result.problems.append(FileProblem(file: file, Bilingual(zh: "无法读取文件", en: "cannot read the file")))
            result.conditions[file] = .damaged
            return nil
        }
        return [UInt8](data)
    }

    /// Reads a single-document JSON file, checking its schema version first.
    func readDocument<T: Codable>(_ type: T.Type, _ file: String, into result: inout LoadResult,
                                    required: Bool) -> T? {
        guard FileManager.default.fileExists(atPath: layout.path(file)) else {
            if required {
                result.problems.append(FileProblem(file: file, Bilingual(zh: "文件缺失", en: "file is missing")))
            }
            return nil
        }
        guard let bytes = bytes(file, into: &result) else { return nil }
        guard checkUTF8(bytes, 0..<bytes.count, file: file, into: &result) else { return nil }
        let data = Data(bytes)
        guard checkVersion(data, file: file, line: nil, into: &result) else { return nil }
        // The cadres file the fast way when it is sure (strict, no unknown or repeated key).
        if T.self == CadreFile.self, let fast = FastDecode.cadreFile(bytes) as? T { return fast }
        let (failure, keyPaths) = JSONSyntax.check(bytes, 0..<bytes.count, gatheringKeys: true)
        if let syntax = failure {
            let at = JSONSyntax.position(bytes, offset: syntax.offset)
            result.problems.append(FileProblem(file: file, line: at.line, column: at.column, path: syntax.path, syntax.message))
            result.conditions[file] = .damaged
            return nil
        }
        do {
            let value = try JSONCoding.decoder().decode(T.self, from: data)
            if let unknown = UnknownKeys.first(in: bytes[...], decoded: value, keyPaths: keyPaths) {
                result.problems.append(FileProblem(file: file, path: unknown, UnknownKeys.message(unknown)))
                result.conditions[file] = .damaged
                return nil
            }
            return value
        } catch {
            let d = DecodeFailure.describe(error)
            result.problems.append(FileProblem(file: file, path: d.path, d.message))
            result.conditions[file] = .damaged
            return nil
        }
    }

    func checkUTF8(_ bytes: [UInt8], _ range: Range<Int>, file: String, line: Int? = nil,
                   into result: inout LoadResult) -> Bool {
        guard let bad = JSONLines.firstInvalidUTF8(bytes, range) else { return true }
        let hex = String(bytes[bad], radix: 16, uppercase: true)
        var lineNo = line
        var column = JSONSyntax.position(Array(bytes[range]), offset: bad - range.lowerBound).column
        if line == nil { (lineNo, column) = JSONSyntax.position(bytes, offset: bad) }
        result.problems.append(FileProblem(file: file, line: lineNo, column: column, Bilingual(
            zh: "不是有效的 UTF-8 文本（字节 0x\(hex)；文件可能是 GBK 编码，请另存为 UTF-8）",
            en: "not valid UTF-8 text (byte 0x\(hex); if the file is GBK, save it as UTF-8)")))
        result.conditions[file] = .damaged
        return false
    }

    func checkVersion(_ data: Data, file: String, line: Int?, into result: inout LoadResult) -> Bool {
        guard let probe = try? JSONCoding.decoder().decode(VersionProbe.self, from: data) else { return true }
        guard let raw = probe.raw else {
            result.problems.append(FileProblem(file: file, line: line, path: "$.schema_version",
                Bilingual(zh: "缺少 schema_version", en: "schema_version is missing")))
            result.conditions[file] = .damaged
            return false
        }
        guard let v = probe.schemaVersion else {
            let found: String
            if case .string(let text) = raw { found = "\"\(text)\"" } else { found = raw.display }
            result.problems.append(FileProblem(file: file, line: line, path: "$.schema_version", Bilingual(
                zh: "schema_version 应为从 1 起的整数，实为 \(found)；文件未读取",
                en: "schema_version should be a whole number from 1 up, found \(found); the file was not read")))
            result.conditions[file] = .damaged
            return false
        }
        if v > DataLayout.schemaVersion {
            result.problems.append(FileProblem(file: file, line: line, path: "$.schema_version", Bilingual(
                zh: "此文件由更新版本的三保写入（格式版本 \(v)，本程序支持到 \(DataLayout.schemaVersion)）；未读取，也不会改写。请升级三保",
                en: "written by a newer Sanbao (schema_version \(v); this one reads up to \(DataLayout.schemaVersion)); not read and never written. Upgrade Sanbao")))
            result.conditions[file] = .newer(v)
            return false
        }
        return true
    }

}
