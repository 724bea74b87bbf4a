import SanbaoCore

/// What every screen reads: the data as of today, prepared once per change (not per
/// keystroke or redraw): roster rows, search keys, cadre names, the language.
public struct Model: Sendable {
    public var dataset: Dataset
    public var today: LocalDate
    public var language: Language
    public var glyphs: Glyphs
    public var keys: KeyTable
    /// The cadre whose households are shown, or nil for all.
    public var cadreID: String?
    /// Why saving is impossible (lock held elsewhere, damaged file), or nil.
    public var readOnly: Bilingual?
    public var rows: [RosterRow]
    /// Per row, the text searched: names of all members, household number, village and
    /// group, and the ID numbers (searched by their last digits).
    public var searchText: [String]
    public var cadreNames: [String: String]
    /// Village names of the rows, sorted: the header and the place filter read it on
    /// every frame, so it is computed once here.
    public var villages: [String]
    /// Households by id, so lookups per row (search by ID digits) are not linear scans.
    var householdsByID: [String: Household]

    public init(dataset: Dataset, today: LocalDate, language: Language, glyphs: Glyphs = .unicode,
                keys: KeyTable = .standard, cadreID: String? = nil, readOnly: Bilingual? = nil) {
        self.dataset = dataset
        self.today = today
        self.language = language
        self.glyphs = glyphs
        self.keys = keys
        self.cadreID = cadreID
        self.readOnly = readOnly
        cadreNames = Dictionary(dataset.cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let households = Dictionary(dataset.households.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        householdsByID = households
        var rows = dataset.roster(on: today)
        if let cadreID {
            rows = rows.filter { households[$0.id]?.cadreID(on: today) == cadreID }
        }
        self.rows = rows
        villages = Set(rows.map(\.village)).sorted()
        searchText = rows.map { r in
            guard let h = households[r.id] else { return r.head }
            return (h.members.map(\.name) + [h.number, h.address.village, h.address.group]).joined(separator: " ")
        }
    }

    public func household(_ id: String) -> Household? { householdsByID[id] }

    public func say(_ text: Bilingual) -> String { text.text(language) }

    /// Whether row `i` matches a search query: names (pinyin too), number, village,
    /// group, or the last digits of an ID number.
    public func row(_ i: Int, matches query: PinyinQuery, digits: String?) -> Bool {
        if query.matches(searchText[i]) { return true }
        guard let digits, digits.count >= 3, let h = household(rows[i].id) else { return false }
        return h.members.contains { $0.idNumber?.uppercased().hasSuffix(digits) ?? false }
    }
}
