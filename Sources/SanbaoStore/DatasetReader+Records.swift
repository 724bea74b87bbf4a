import Foundation
import SanbaoCore

/// Reading the record files (`households/`, `checks/`, `edits/`): in turn with
/// `JSONDecoder` for every line, or on all cores with `FastDecode` first.
extension DatasetReader {
    /// Every file one after another, every line the careful way.
    func readRecordsInTurn(_ files: [RecordFile], into result: inout LoadResult) {
        for file in files {
            switch file.kind {
            case .households:
                let (records, log) = readAll(Household.self, file, fastDecode: nil)
                result.dataset.households += records
                result.absorb(log)
            case .checks:
                let (records, log) = readAll(Check.self, file, fastDecode: nil)
                result.dataset.checks += records
                result.absorb(log)
            case .edits:
                let (records, log) = readAll(HouseholdEdit.self, file, fastDecode: nil)
                result.dataset.edits += records
                result.absorb(log)
            }
        }
    }

    /// The files on all cores, households and checks decoded straight into the arrays
    /// the dataset keeps, each file into its own stretch (`Array.filledConcurrently`);
    /// the files' problems, conditions and locations are then taken in file order, so
    /// the result is the one reading them in turn gives. False, with `result`
    /// untouched, when a file grew while it was read (a check appended meanwhile): the
    /// caller then reads in turn.
    func readRecordsFast(_ files: [RecordFile], into result: inout LoadResult) -> Bool {
        // Line counts first: each file's stretch must hold all its records.
        let bounds = FileReads.concurrently(files.count) { [layout] k in FileBytes.lineBound(layout.path(files[k].path)) }
        let households = files.indices.filter { files[$0].kind == .households }
        let checks = files.indices.filter { files[$0].kind == .checks }
        let edits = files.indices.filter { files[$0].kind == .edits }
        let (householdRecords, householdLogs) = [Household].filledConcurrently(sizes: households.map { bounds[$0] }) {
            [self] k, region in
            readLines(Household.self, files[households[k]], fastDecode: { FastDecode.household($0) }) { region.append($0) }
        }
        let (checkRecords, checkLogs) = [Check].filledConcurrently(sizes: checks.map { bounds[$0] }) { [self] k, region in
            readLines(Check.self, files[checks[k]], fastDecode: { FastDecode.check($0) }) { region.append($0) }
        }
        guard !(householdLogs + checkLogs).contains(where: \.overflowed) else { return false }
        // Edits are few and small: JSONDecoder is fast enough for them.
        let editReads = FileReads.concurrently(edits.count) { [self] k in readAll(HouseholdEdit.self, files[edits[k]], fastDecode: nil) }
        result.dataset.households = householdRecords
        result.dataset.checks = checkRecords
        result.dataset.edits = editReads.flatMap(\.records)
        for log in householdLogs + checkLogs + editReads.map(\.log) { result.absorb(log) }
        return true
    }

    /// All the records of one file in an array.
    func readAll<T: Decodable & Identifiable>(_ type: T.Type, _ file: RecordFile,
                                              fastDecode: ((UnsafeBufferPointer<UInt8>) -> T?)?) -> (records: [T], log: FileLog)
    where T.ID == String {
        var records: [T] = []
        let log = readLines(type, file, fastDecode: fastDecode) { records.append($0); return true }
        return (records, log)
    }

    /// Reads a JSON Lines file: the header line, then one record per line, each handed
    /// to `emit` (false when there is no room left). A bad line is reported and skipped;
    /// the records around it still load.
    ///
    /// `fastDecode`, when given, is tried first on each line; when it declines, the
    /// line is checked and decoded the careful way, which words any problem.
    func readLines<T: Decodable & Identifiable>(_ type: T.Type, _ file: RecordFile,
                                                fastDecode: ((UnsafeBufferPointer<UInt8>) -> T?)?,
                                                emit: (consuming T) -> Bool) -> FileLog where T.ID == String {
        let kind = file.kind.rawValue
        var log = FileLog(file: file.path)
        guard let bytes = bytes(file.path, into: &log.result) else { return log }
        let lines = JSONLines.split(bytes)
        guard let first = lines.first else {
            log.result.problems.append(FileProblem(file: file.path, line: 1, Bilingual(zh: "文件为空，缺少文件头", en: "file is empty, header line missing")))
            log.result.conditions[file.path] = .damaged
            return log
        }
        guard checkUTF8(bytes, first.range, file: file.path, line: first.number, into: &log.result),
              checkVersion(Data(bytes[first.range]), file: file.path, line: first.number, into: &log.result) else { return log }
        guard let header = try? JSONCoding.decoder().decode(LinesHeader.self, from: Data(bytes[first.range])),
              header.kind == kind else {
            log.result.problems.append(FileProblem(file: file.path, line: first.number, Bilingual(
                zh: "文件头应为 {\"schema_version\":…,\"kind\":\"\(kind)\",\"village_code\":…}",
                en: "header line should be {\"schema_version\":…,\"kind\":\"\(kind)\",\"village_code\":…}")))
            log.result.conditions[file.path] = .damaged
            return log
        }
        log.located.ids.reserveCapacity(lines.count - 1)
        log.located.lines.reserveCapacity(lines.count - 1)
        let decoder = JSONCoding.decoder()
        bytes.withUnsafeBufferPointer { buffer in
            for line in lines.dropFirst() {
                let record = fastDecode?(UnsafeBufferPointer(rebasing: buffer[line.range]))
                    ?? decodeCarefully(T.self, bytes, line, kind: kind, decoder: decoder, into: &log.result, file: file.path)
                guard let record else { continue }
                log.located.append(record.id, line: line.number)
                guard emit(record) else {
                    log.overflowed = true
                    return
                }
            }
        }
        return log
    }

    /// One line checked and decoded the careful way: UTF-8, then syntax (with the column
    /// of the error), then `JSONDecoder` (with the JSON path of the error). Nil, with the
    /// problem recorded, when the line cannot be read.
    private func decodeCarefully<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], _ line: JSONLines.Line, kind: String,
                                               decoder: JSONDecoder, into result: inout LoadResult, file: String) -> T? {
        guard checkUTF8(bytes, line.range, file: file, line: line.number, into: &result) else { return nil }
        if let syntax = JSONSyntax.firstError(bytes, line.range) {
            let torn = line.unterminated && kind != "households"
            if torn { result.tornTails[file] = line.range.lowerBound }
            let column = JSONSyntax.position(Array(bytes[line.range]), offset: syntax.offset).column
            result.problems.append(FileProblem(file: file, line: line.number, column: column, torn
                ? Bilingual(zh: "最后一行不完整（写入中断）：\(syntax.message.zh)", en: "last line is incomplete (interrupted write): \(syntax.message.en)")
                : syntax.message))
            result.conditions[file] = .damaged
            return nil
        }
        do {
            return try decoder.decode(T.self, from: Data(bytes[line.range]))
        } catch {
            let d = DecodeFailure.describe(error)
            result.problems.append(FileProblem(file: file, line: line.number, path: d.path, d.message))
            result.conditions[file] = .damaged
            return nil
        }
    }
}

/// A `.jsonl` file of records and what its lines hold.
struct RecordFile: Sendable {
    enum Kind: String, Sendable {
        case households, checks, edits
    }

    var path: String
    var kind: Kind
}

/// What reading one record file gave besides its records: its problems, condition and
/// torn tail (in a `LoadResult` of its own, merged into the whole in file order), and
/// where each record was.
struct FileLog: Sendable {
    var result = LoadResult(dataset: Dataset(), manifest: nil, problems: [], conditions: [:], locations: RecordLocations())
    var located: RecordLocations.FileTable
    /// The records did not fit in the room made for them: the file grew while read.
    var overflowed = false

    init(file: String) {
        located = RecordLocations.FileTable(file: file)
    }
}

extension LoadResult {
    /// Adds what reading one file gave, after everything read before it.
    mutating func absorb(_ log: FileLog) {
        problems += log.result.problems
        conditions.merge(log.result.conditions) { $1 }
        tornTails.merge(log.result.tornTails) { $1 }
        locations.add(log.located)
    }
}
