import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoIntake
import SanbaoStore

/// One roster file taken in, from file to plan: opened (XLSX by its content, else
/// delimited text), read into a roster, planned against the data. `sanbao intake` and the
/// app's intake screen both run this, so both find the same problems and say the same.
public struct RosterIntake {
    public let path: String
    public let file: RosterFile
    public private(set) var roster = Roster()
    public private(set) var plan: IntakePlan?

    /// Opens `path`; a missing file, an old `.xls` or an unknown sheet throws `SpreadsheetError`.
    public init(path: String, sheet: String? = nil) throws {
        self.path = path
        file = try RosterFile.open(path: path, sheet: sheet)
    }

    /// The file's name as problems are located by.
    public var name: String { (path as NSString).lastPathComponent }

    public var report: IntakeReport { IntakeReport(name: name, sheet: file.sheetName) }

    /// Reads every row; `progress` is told the rows read so far, now and then.
    /// - Parameter store: the data the roster goes into (its cadres and village names), or nil.
    public mutating func read(asOf: LocalDate, today: LocalDate, store: Store?, progress: ((Int) -> Void)? = nil) throws {
        var villages: [String: Address] = [:]
        if let store {
            try store.readEverything()
            for h in store.dataset.households where villages[h.address.villageCode] == nil { villages[h.address.villageCode] = h.address }
        }
        var reader = RosterReader(asOf: asOf, today: today, knownCadres: store?.dataset.cadres ?? [], knownVillages: villages)
        reader.date1904 = file.date1904
        var count = 0
        let file = self.file
        roster = try reader.read { body in
            try file.forEachRow { row in
                count += 1
                if count % 50_000 == 0 { progress?(count) }
                try body(row)
            }
        }
    }

    /// What taking the roster in would change: against `store`, or against nothing for a
    /// directory that does not exist yet.
    public mutating func makePlan(store: Store?, asOf: LocalDate) throws {
        if let store {
            plan = try store.planIntake(roster.content, asOf: asOf, source: name)
        } else {
            plan = try IntakePlan(roster: roster.content, current: [], cadres: [], log: EditLog([]), asOf: asOf,
                                  deviceID: "new", now: Store.isoNow(), source: "intake " + name)
        }
    }

    /// The refused rows as they were, the reasons in a first column, for the township to
    /// correct in Excel and send again.
    public func refusedRows(_ language: Language) throws -> PlainTable {
        var reasons: [Int: [String]] = [:]
        for p in roster.problems { reasons[p.row ?? 0, default: []].append(p.reason(language)) }
        var rows: [[Cell]] = []
        if let whole = reasons[0] { rows.append([.text(whole.joined(separator: UIText.intakeReasonSeparator.text(language)))]) }
        let header = roster.headerRow
        try file.forEachRow { row in
            guard row.number != header, let why = reasons[row.number] else { return }
            let cells: [Cell] = row.cells.map { cell in cell.map { Cell.text($0.text) } ?? .empty }
            rows.append([Cell.text(why.joined(separator: UIText.intakeReasonSeparator.text(language)))] + cells)
        }
        return PlainTable(title: UIText.intakeRefusedRowsTitle.text(language),
                          header: [UIText.intakeProblemColumn.text(language)] + roster.headerTitles, rows: rows, wrapped: [0])
    }
}
