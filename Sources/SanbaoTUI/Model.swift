#if canImport(Glibc)
import Glibc
#endif
import SanbaoCore
import SanbaoStore

/// What every screen reads: the roster as of today, prepared once per change (not per
/// keystroke or redraw), search keys, cadre names, the language, and where full records
/// come from. Rows come from the store's roster index, so 200,000 households need no
/// full records in memory; a household's record is read when a screen asks for it.
public struct Model {
    public var today: LocalDate
    public var language: Language
    public var glyphs: Glyphs
    public var keys: KeyTable
    /// The cadre whose households are shown, or nil for all.
    public var cadreID: String?
    /// Why saving is impossible (lock held elsewhere, damaged file), or nil.
    public var readOnly: Bilingual?
    public var rules: RulesConfig
    public var cadres: [Cadre]
    public private(set) var rows: [RosterRow]
    /// Per row, the text searched (names of all members, household number, village and
    /// group) and the last digits of the members' ID numbers, as UTF-8 in one
    /// buffer each: a keystroke scans 200,000 of them without touching a `String`.
    private(set) var searchText: TextColumn
    private(set) var idEnds: TextColumn
    public var cadreNames: [String: String]
    /// Village names of the rows, sorted: the header reads it on every frame.
    public private(set) var villages: [String]
    /// Villages and village/group pairs present, for the place filter.
    public private(set) var places: [(village: String, group: String?)]
    let records: any RecordSource
    /// Unsaved checks kept on disk, by household id: opening a check for one of these
    /// households continues the draft instead of starting over it.
    public var drafts: [String: CheckDraft] = [:]
    /// Row index by household id, made on the first `replace` (not every open needs it).
    private var rowOfID: [String: Int]?

    /// A model of a dataset held in memory (tests, small data).
    public init(dataset: Dataset, today: LocalDate, language: Language, glyphs: Glyphs = .unicode,
                keys: KeyTable = .standard, cadreID: String? = nil, readOnly: Bilingual? = nil) {
        self.init(entries: [dataset.rosterEntries(on: today)].joined(), records: DatasetRecords(dataset), rules: dataset.rules,
                  cadres: dataset.cadres, today: today, language: language, glyphs: glyphs, keys: keys,
                  cadreID: cadreID, readOnly: readOnly)
    }

    /// A model of roster entries (from `Store.roster(on:)`) with records read from `records`.
    public init(entries: FlattenSequence<[[RosterEntry]]>, records: any RecordSource, rules: RulesConfig, cadres: [Cadre],
                today: LocalDate, language: Language, glyphs: Glyphs = .unicode, keys: KeyTable = .standard,
                cadreID: String? = nil, readOnly: Bilingual? = nil) {
        self.today = today
        self.language = language
        self.glyphs = glyphs
        self.keys = keys
        self.cadreID = cadreID
        self.readOnly = readOnly
        self.rules = rules
        self.cadres = cadres
        self.records = records
        cadreNames = Dictionary(cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // One pass into three arrays: at 200,000 rows each extra copy costs ~50 ms.
        (rows, searchText, idEnds) = ([], TextColumn(), TextColumn())
        for e in entries where cadreID == nil || e.row.cadreID == cadreID {
            rows.append(e.row)
            searchText.append(e.searchText)
            idEnds.append(e.idEnds)
        }
        (villages, places) = Self.places(rows)
    }

    /// Villages sorted, and each followed by its groups in their usual order.
    static func places(_ rows: [RosterRow]) -> ([String], [(village: String, group: String?)]) {
        var groups: [String: Set<String>] = [:]
        var last: (String, String)?
        // Rows come village by village, group by group: hash only where a run changes.
        for r in rows where last.map({ $0 != r.village || $1 != r.group }) ?? true {
            groups[r.village, default: []].insert(r.group)
            last = (r.village, r.group)
        }
        let villages = groups.keys.sorted()
        var out: [(village: String, group: String?)] = []
        for v in villages {
            out.append((v, nil))
            for g in groups[v]!.sorted(by: GroupOrder.less) { out.append((v, g)) }
        }
        return (villages, out)
    }

    public func household(_ id: String) -> Household? { records.household(id) }

    /// The household's checks, in the order they were saved.
    public func checks(of householdID: String) -> [Check] { records.checks(of: householdID) }

    public func cadre(_ id: String) -> Cadre? { cadres.first { $0.id == id } }

    /// When the household's facts were last edited (`FactTimes`).
    public func factTimes(of householdID: String) -> FactTimes { records.factTimes(of: householdID) }

    /// An assessor of one household: the rules, and its edits' times.
    public func assessor(of householdID: String) -> Assessor {
        var clock = [String: FactTimes]()
        clock[householdID] = factTimes(of: householdID)
        return Assessor(config: rules, clock: FactClock(single: clock))
    }

    /// Puts a household's new roster entry in place (after a check is saved), keeping
    /// the row order; a household not shown stays hidden.
    public mutating func replace(_ entry: RosterEntry) {
        if rowOfID == nil {
            rowOfID = Dictionary(rows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        guard let i = rowOfID?[entry.row.id] else { return }
        rows[i] = entry.row
        searchText.replace(i, with: entry.searchText)
        idEnds.replace(i, with: entry.idEnds)
    }

    /// A dataset of what the check form's validation needs about one household: the
    /// cadres, the rules and that household's checks.
    public func context(of householdID: String) -> Dataset {
        Dataset(cadres: cadres, households: household(householdID).map { [$0] } ?? [], checks: checks(of: householdID), rules: rules)
    }

    public func say(_ text: Bilingual) -> String { text.text(language) }

    /// Whether row `i` matches a search query: names (pinyin too), number, village,
    /// group, or the last digits of an ID number. For one row; `withMatcher` for many.
    public func row(_ i: Int, matches query: PinyinQuery, digits: String?) -> Bool {
        withMatcher(query, digits: digits, namesOnlyIn: nil) { $0(i) }
    }

    /// Calls `body` with a row matcher that reads the text columns in place; the matcher
    /// may be called from several threads while `body` runs. With `namesOnlyIn`, the
    /// (costlier) name match is tried only for rows marked there; ID ends in every row.
    func withMatcher<R>(_ query: PinyinQuery, digits: String?, namesOnlyIn marked: [Bool]?,
                        _ body: (@Sendable (Int) -> Bool) -> R) -> R {
        searchText.withView { text in
            idEnds.withView { ids in
                // Only the ends of ID numbers are kept (`RosterEntry.idEnds`): a longer
                // query is matched by its own last digits.
                var suffix = Array((digits ?? "").suffix(RosterEntry.idEndLength).utf8)
                let useIDs = (digits?.count ?? 0) >= 3
                return suffix.withUnsafeMutableBufferPointer { s in
                    nonisolated(unsafe) let s = UnsafeBufferPointer(s)
                    return body { i in
                        ((marked?[i] ?? true) && query.matches(utf8: text[i]))
                            || (useIDs && Self.someWord(of: ids[i], endsWith: s))
                    }
                }
            }
        }
    }

    /// Whether a word of space-separated `t` ends with `s`; on bytes, without splitting,
    /// because it runs for every row on every keystroke.
    static func someWord(of t: UnsafeBufferPointer<UInt8>, endsWith s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !s.isEmpty else { return false }
        var start = 0
        for end in 0...t.count where end == t.count || t[end] == 0x20 {
            defer { start = end + 1 }
            guard end - start >= s.count else { continue }
            if memcmp(t.baseAddress! + (end - s.count), s.baseAddress!, s.count) == 0 { return true }
        }
        return false
    }
}
