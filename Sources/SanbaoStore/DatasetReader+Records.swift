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
                let (records, log) = readAll(Household.self, file, fastHeader: false)
                result.dataset.households += records
                result.absorb(log)
            case .checks:
                let (records, log) = readAll(Check.self, file, fastHeader: false)
                result.dataset.checks += records
                result.absorb(log)
            case .edits:
                let (records, log) = readAll(HouseholdEdit.self, file, fastHeader: false)
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
        let bounds = (0..<files.count).concurrentMap { [layout] k in FileBytes.recordBound(layout.path(files[k].path)) }
        let households = files.indices.filter { files[$0].kind == .households }
        let checks = files.indices.filter { files[$0].kind == .checks }
        let edits = files.indices.filter { files[$0].kind == .edits }
        let (householdRecords, householdLogs) = [Household].filledConcurrently(sizes: households.map { bounds[$0] }) {
            [self] k, region in
            readLinesInPlace(files[households[k]], into: &region)
        }
        let (checkRecords, checkLogs) = [Check].filledConcurrently(sizes: checks.map { bounds[$0] }) { [self] k, region in
            readLinesInPlace(files[checks[k]], into: &region)
        }
        guard !(householdLogs + checkLogs).contains(where: \.overflowed) else { return false }
        // Edits are few and small: JSONDecoder is fast enough for them.
        let editReads = (0..<edits.count).concurrentMap { [self] k in readAll(HouseholdEdit.self, files[edits[k]], fastHeader: true) }
        result.dataset.households = householdRecords
        result.dataset.checks = checkRecords
        result.dataset.edits = editReads.flatMap(\.records)
        for log in householdLogs + checkLogs + editReads.map(\.log) { result.absorb(log) }
        return true
    }

    /// All the records of one file in an array, every line read the careful way.
    func readAll<T: Codable & Identifiable>(_ type: T.Type, _ file: RecordFile, fastHeader: Bool) -> (records: [T], log: FileLog)
    where T.ID == String {
        var log = FileLog(file: file.path)
        var records: [T] = []
        guard let (bytes, lines) = recordLines(file, fast: fastHeader, into: &log) else { return (records, log) }
        let decoder = JSONCoding.decoder()
        for line in lines {
            guard let record = decodeCarefully(T.self, bytes, line, kind: file.kind.rawValue, decoder: decoder,
                                               into: &log.result, file: file.path) else { continue }
            log.located.append(record.id, line: line.number)
            records.append(record)
        }
        return (records, log)
    }

    /// The records of one file written into `region`, each line through `FastDecode`
    /// first and the careful way when it declines. Stops, marking the log, when the
    /// region has no room left (the file grew since its lines were counted).
    func readLinesInPlace<T: FastDecodable & Codable & Identifiable>(
        _ file: RecordFile, into region: inout ArrayRegion<T>
    ) -> FileLog where T.ID == String {
        var log = FileLog(file: file.path)
        guard let (bytes, lines) = recordLines(file, fast: true, into: &log) else { return log }
        let decoder = JSONCoding.decoder()
        bytes.withUnsafeBufferPointer { buffer in
            for line in lines {
                guard let slot = region.room() else {
                    log.overflowed = true
                    return
                }
                if T.fastDecode(UnsafeBufferPointer(rebasing: buffer[line.range]), into: slot) {
                    log.located.append(slot.pointee.id, line: line.number)
                    region.keep()
                } else if let record = decodeCarefully(T.self, bytes, line, kind: file.kind.rawValue, decoder: decoder,
                                                       into: &log.result, file: file.path) {
                    log.located.append(record.id, line: line.number)
                    slot.initialize(to: record)
                    region.keep()
                }
            }
        }
        return log
    }

    /// The bytes of a record file and its lines after the header, when the header says
    /// the file holds what its folder should, in this schema version; otherwise nil,
    /// with the problem in `log`. With `fast`, a header in the usual form is read by
    /// `FastDecode.header` instead of twice by `JSONDecoder`.
    private func recordLines(_ file: RecordFile, fast: Bool, into log: inout FileLog) -> ([UInt8], ArraySlice<JSONLines.Line>)? {
        let kind = file.kind.rawValue
        guard let bytes = bytes(file.path, into: &log.result) else { return nil }
        let lines = JSONLines.split(bytes)
        guard let first = lines.first else {
            log.result.problems.append(FileProblem(file: file.path, line: 1, Bilingual(zh: "文件为空，缺少文件头", en: "file is empty, header line missing")))
            log.result.conditions[file.path] = .damaged
            return nil
        }
        let quick = fast ? bytes.withUnsafeBufferPointer { FastDecode.header(UnsafeBufferPointer(rebasing: $0[first.range])) } : nil
        if quick?.kind != kind {
            guard checkUTF8(bytes, first.range, file: file.path, line: first.number, into: &log.result),
                  checkVersion(Data(bytes[first.range]), file: file.path, line: first.number, into: &log.result) else { return nil }
        }
        if quick == nil, let problem = headerProblem(bytes, first, file: file.path) {
            log.result.problems.append(problem)
            log.result.conditions[file.path] = .damaged
            return nil
        }
        guard let header = quick ?? (try? JSONCoding.decoder().decode(LinesHeader.self, from: Data(bytes[first.range]))),
              header.kind == kind else {
            log.result.problems.append(FileProblem(file: file.path, line: first.number, Bilingual(
                zh: "文件头应为 {\"schema_version\":…,\"kind\":\"\(kind)\",\"village_code\":…}",
                en: "header line should be {\"schema_version\":…,\"kind\":\"\(kind)\",\"village_code\":…}")))
            log.result.conditions[file.path] = .damaged
            return nil
        }
        if let problem = villageProblem(header, file: file.path, line: first.number) {
            log.result.problems.append(problem)
            log.result.conditions[file.path] = .damaged
            return nil
        }
        log.located.ids.reserveCapacity(lines.count - 1)
        log.located.lines.reserveCapacity(lines.count - 1)
        return (bytes, lines.dropFirst())
    }

    /// What is wrong with a header line that is valid JSON but not one Sanbao reads: a
    /// key twice, a number not a plain integer, a key no header has. Nil when none of these.
    private func headerProblem(_ bytes: [UInt8], _ first: JSONLines.Line, file: String) -> FileProblem? {
        if let syntax = JSONSyntax.firstError(bytes, first.range), syntax.isStrictness {
            let column = JSONSyntax.position(Array(bytes[first.range]), offset: syntax.offset).column
            return FileProblem(file: file, line: first.number, column: column, path: syntax.path, syntax.message)
        }
        guard let header = try? JSONCoding.decoder().decode(LinesHeader.self, from: Data(bytes[first.range])),
              let unknown = UnknownKeys.first(in: bytes[first.range], decoded: header) else { return nil }
        return FileProblem(file: file, line: first.number, path: unknown, UnknownKeys.message(unknown))
    }

    /// A header naming another village than the file's name, or a file whose name is no
    /// village code: the records would be filed under a village they do not belong to
    /// (and a stray copy such as `checks/abc.jsonl` would have its checks blamed on the
    /// real file as duplicates), so the file is named and not read.
    private func villageProblem(_ header: LinesHeader, file: String, line: Int) -> FileProblem? {
        let name = DataLayout.village(ofChecksFile: file)
        if DivisionCode.problem(name) != nil {
            return FileProblem(file: file, Bilingual(
                zh: "文件名“\(name)”不是 12 位村代码（应为 村代码.jsonl，如 \(header.villageCode).jsonl）；文件未读取",
                en: "file name \"\(name)\" is not a 12-digit village code (should be CODE.jsonl, like \(header.villageCode).jsonl); the file was not read"))
        }
        guard header.villageCode != name else { return nil }
        return FileProblem(file: file, line: line, path: "$.village_code", Bilingual(
            zh: "文件头的村代码 \(header.villageCode) 与文件名 \(name) 不符；文件未读取",
            en: "village code \(header.villageCode) in the header differs from the file name \(name); the file was not read"))
    }

    /// One line checked and decoded the careful way: UTF-8, then syntax (with the column
    /// of the error), then `JSONDecoder` (with the JSON path of the error). Nil, with the
    /// problem recorded, when the line cannot be read.
    private func decodeCarefully<T: Codable>(_ type: T.Type, _ bytes: [UInt8], _ line: JSONLines.Line, kind: String,
                                               decoder: JSONDecoder, into result: inout LoadResult, file: String) -> T? {
        guard checkUTF8(bytes, line.range, file: file, line: line.number, into: &result) else { return nil }
        let (failure, keyPaths) = JSONSyntax.check(bytes, line.range, gatheringKeys: true)
        if let syntax = failure {
            let torn = line.unterminated && kind != "households" && !syntax.isStrictness
            if torn { result.tornTails[file] = line.range.lowerBound }
            let column = JSONSyntax.position(Array(bytes[line.range]), offset: syntax.offset).column
            result.problems.append(FileProblem(file: file, line: line.number, column: column, path: syntax.path, torn
                ? Bilingual(zh: "最后一行不完整（写入中断）：\(syntax.message.zh)", en: "last line is incomplete (interrupted write): \(syntax.message.en)")
                : syntax.message))
            result.conditions[file] = .damaged
            return nil
        }
        do {
            let record = try decoder.decode(T.self, from: Data(bytes[line.range]))
            if let unknown = UnknownKeys.first(in: bytes[line.range], decoded: record, keyPaths: keyPaths) {
                result.problems.append(FileProblem(file: file, line: line.number, path: unknown, UnknownKeys.message(unknown)))
                result.conditions[file] = .damaged
                return nil
            }
            return record
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
