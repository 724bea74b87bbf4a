import SanbaoCore

extension SummaryReport {
    /// The report built from data read one village at a time, on every core: each
    /// village's files are read, its households judged and its data let go before the
    /// next. A county's data (about twice its size on disk once read) is then never held
    /// whole, reading and judging overlap, and freeing is spread over the cores instead of
    /// coming at the end.
    ///
    /// `documents` holds the cadres and rules; `read(code)` gives the households, checks
    /// and edits of one village, as a whole read would give them, and something the caller
    /// keeps (the problems found reading them); the extras come back in village order.
    ///
    /// The report equals `SummaryReport(wholeDataset, request)` when each household's
    /// checks and edits sit in its own village's files and no household id appears twice,
    /// as the store writes them. When the data says otherwise, `report` is nil and the
    /// caller builds it from the whole dataset (which settles such data the careful way).
    /// Usage errors are thrown before anything is read.
    public static func byVillage<Extra: Sendable>(
        documents: Dataset, villages: [String], _ request: ExportRequest,
        read: @Sendable (String) -> (Dataset, Extra)
    ) throws -> (report: SummaryReport?, extras: [Extra]) {
        let plan = try Plan(cadres: documents.cadres, rules: documents.rules, request)
        var pieces = villages.concurrentMap(chunk: 1) { code -> VillagePiece<Extra> in
            let (data, extra) = read(code)
            return VillagePiece(data, plan, extra: extra)
        }
        let extras = pieces.map(\.extra)
        guard VillagePiece.settleAlone(pieces) else { return (nil, extras) }
        // Each piece's judged households are taken out of it (so they are held once, and
        // can be moved rather than copied into the report).
        var judged: [Judged] = []
        judged.reserveCapacity(pieces.count)
        for k in pieces.indices {
            judged.append(pieces[k].judged)
            pieces[k].judged = Judged(records: [], part: Part(), repeatedIDs: false)
        }
        return (SummaryReport(plan, Judged(joining: &judged)), extras)
    }
}

/// One village judged on its own, with what tells whether that was enough: the ids of
/// its households, and the household ids its checks and edits name that are not among
/// them (a record filed in another village, or naming no household at all).
struct VillagePiece<Extra: Sendable>: Sendable {
    var judged: SummaryReport.Judged
    let ids: [String: Int]
    let strays: Set<String>
    let extra: Extra

    init(_ data: Dataset, _ plan: SummaryReport.Plan, extra: Extra) {
        let chosen = SummaryReport.selection(data, plan)
        let judge = SummaryReport.Judge(data, plan)
        var part = SummaryReport.Part()
        var shared = SummaryReport.SharedValues()
        let records = chosen.map { judge.record($0.index, cadreID: $0.cadreID, part: &part, shared: &shared) }
        judged = .init(records: records, part: part, repeatedIDs: judge.byHousehold.hasRepeatedIDs)
        // The ids and the checks' strays come from finding each check's household.
        let ids = judge.byHousehold.households
        var strays = judge.byHousehold.strayIDs
        for e in data.edits where ids[e.householdID] == nil { strays.insert(e.householdID) }
        self.ids = ids
        self.strays = strays
        self.extra = extra
    }

    /// Whether judging each village alone gave what judging them together would: no
    /// household id twice (in a village or across villages), and no check or edit filed
    /// away from its household. A stray naming no household anywhere is ignored by both.
    static func settleAlone(_ pieces: [VillagePiece]) -> Bool {
        guard !pieces.contains(where: \.judged.repeatedIDs) else { return false }
        var all = Set<String>()
        all.reserveCapacity(pieces.reduce(0) { $0 + $1.ids.count })
        for p in pieces {
            let before = all.count
            all.formUnion(p.ids.keys)
            guard all.count == before + p.ids.count else { return false }
        }
        return !pieces.contains { p in p.strays.contains(where: all.contains) }
    }
}
