import SanbaoCore
import SanbaoExport
import SanbaoStore

// Here because this is the first layer that sees both the store (which reads) and the
// export (which is pure): `sanbao export`, the TUI's export and the benchmark all build
// the report this one way.
extension SummaryReport {
    /// The report of the data at `layout` for `request`, read one village at a time
    /// (`SummaryReport.byVillage`), and the problems `sanbao validate` finds in it. Data whose records
    /// do not each sit with their household (which the store never writes) is read whole
    /// instead, giving the same report. `documents` are the cadres and rules when the
    /// caller has them already; otherwise they are read too.
    ///
    /// Throws a `StoreError` when the directory cannot be read, an `ExportError` for a
    /// request that does not fit the data (before any village is read).
    public static func read(_ layout: DataLayout, documents: Dataset? = nil,
                            _ request: ExportRequest) throws -> (report: SummaryReport, problems: [FileProblem]) {
        let reader = DatasetReader(layout: layout)
        var problems: [FileProblem] = []
        let docs: Dataset
        if let documents {
            docs = documents
        } else {
            let read = try reader.readDocuments()
            docs = read.dataset
            problems = read.problems
        }
        let (report, extras) = try byVillage(documents: docs, villages: reader.villageCodes(), request) { code in
            let village = reader.readVillageChecked(code, cadres: docs.cadres, today: request.to)
            return (village.dataset, village.problems)
        }
        if let report { return (report, problems + extras.flatMap { $0 }) }
        var whole = try reader.read()
        whole.dataset.cadres = docs.cadres
        whole.dataset.rules = docs.rules
        let checked = whole.problems + Validator(today: request.to).problems(in: whole.dataset).map { whole.located($0) }
        return (try SummaryReport(whole.dataset, request), documents == nil ? checked : [])
    }
}
