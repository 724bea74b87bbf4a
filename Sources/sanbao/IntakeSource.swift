import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoIntake
import SanbaoStore

/// The roster file of an intake: opened (XLSX by its content, else delimited text),
/// read with progress on a terminal, and its refused rows written back out as they were.
struct IntakeSource {
    let path: String
    let file: RosterFile
    let options: GlobalOptions

    init(path: String, sheet: String?, options: GlobalOptions) throws {
        self.path = path
        self.options = options
        guard FileManager.default.fileExists(atPath: path) else {
            warn("sanbao: " + options.say(Bilingual(zh: "找不到花名册文件 \(path)", en: "no roster file \(path)")))
            throw ExitCode(Exit.noInput)
        }
        do { file = try RosterFile.open(path: path, sheet: sheet) } catch let e as SpreadsheetError {
            warn("sanbao: \(path): " + options.say(e.message))
            throw ExitCode(Exit.dataErr)
        } catch {
            warn("sanbao: \(path): \(error)")
            throw ExitCode(Exit.noInput)
        }
    }

    var sheetName: String? { file.sheetName }

    /// Every row read into a roster; on a terminal, standard error counts the rows.
    func read(_ reader: RosterReader) throws -> Roster {
        var reader = reader
        reader.date1904 = file.date1904
        let progress = isatty(2) == 1
        var count = 0
        do {
            let roster = try reader.read { body in
                try file.forEachRow { row in
                    count += 1
                    if progress && count % 50_000 == 0 {
                        progressLine(options.say(Bilingual(zh: "已读 \(count) 行…", en: "read \(count) rows…")))
                    }
                    try body(row)
                }
            }
            if progress && count >= 50_000 { progressLine("") }
            return roster
        } catch let e as SpreadsheetError {
            warn("sanbao: \(path): " + options.say(e.message))
            throw ExitCode(Exit.dataErr)
        }
    }

    /// The refused rows as they were, the reasons in a first column, for the township to
    /// correct in Excel and send again. Format from the extension; never over a file
    /// unless `force`.
    func writeRefused(_ roster: Roster, to output: String, force: Bool) throws {
        guard let format = ExportFormat(fileName: output), format == .xlsx || format == .csv else {
            warn("sanbao: " + options.say(Bilingual(zh: "--problems 的文件应以 .xlsx 或 .csv 结尾：\(output)",
                                                    en: "the --problems file should end in .xlsx or .csv: \(output)")))
            throw ExitCode(Exit.usage)
        }
        if FileManager.default.fileExists(atPath: output) && !force {
            warn("sanbao: " + options.say(Bilingual(zh: "\(output) 已存在；用 --force 覆盖", en: "\(output) exists; use --force to replace it")))
            throw ExitCode(Exit.cantCreate)
        }
        var reasons: [Int: [String]] = [:]
        for p in roster.problems { reasons[p.row ?? 0, default: []].append(p.reason(options.language)) }
        var rows: [[Cell]] = []
        if let whole = reasons[0] { rows.append([.text(whole.joined(separator: "；"))]) }
        try file.forEachRow { row in
            guard row.number != roster.headerRow, let why = reasons[row.number] else { return }
            let cells: [Cell] = row.cells.map { cell in cell.map { Cell.text($0.text) } ?? .empty }
            rows.append([Cell.text(why.joined(separator: "；"))] + cells)
        }
        let header = [options.say(Bilingual(zh: "问题", en: "Problem"))] + roster.headerTitles
        let table = PlainTable(title: options.say(Bilingual(zh: "被拒的行", en: "Refused rows")), header: header, rows: rows, wrapped: [0])
        do {
            try AtomicFile.write(try table.render(format), to: output, mode: 0o600)
        } catch {
            throw fail(error, options)
        }
        out(options.say(Bilingual(zh: "被拒的 \(rows.count) 行已写入 \(output)（第一列是原因）",
                                    en: "the \(rows.count) refused rows were written to \(output) (the reason in the first column)")))
    }
}
