import Dispatch
import SanbaoCore
import SanbaoText

/// The start screen: the cadre's households, one line each, a column per indicator.
/// Sort by any column, filter by failing indicator, place, overdue or monitoring, and
/// search incrementally (pinyin initials too).
public struct RosterScreen: Screen {
    public enum Column: CaseIterable, Sendable {
        case number, head, place, people, indicator(Indicator), days, followUp

        public static var allCases: [Column] {
            [.number, .head, .place, .people] + Indicator.allCases.map { .indicator($0) } + [.days, .followUp]
        }

        var title: Bilingual {
            switch self {
            case .number: UIText.number
            case .head: UIText.head
            case .place: UIText.place
            case .people: UIText.people
            case .indicator(let i): UIText.indicatorColumn(i)
            case .days: UIText.days
            case .followUp: UIText.followUp
            }
        }
    }

    /// Which failing indicator to show: nil all, `.any` any failing, or one indicator.
    public enum IndicatorFilter: Equatable, Sendable {
        case any
        case one(Indicator)
    }

    public var context: KeyContext { searching ? .search : .roster }
    public var cursor = ListCursor()
    public var sortColumn = 0
    public var descending = false
    public var indicatorFilter: IndicatorFilter?
    public var overdueOnly = false
    public var monitoringOnly = false
    /// Index into `places(model)`: nil for all.
    public var place: Int?
    public var search = TextField()
    public var searching = false
    /// Indices into `model.rows` currently shown, in display order.
    public private(set) var visible: [Int] = []
    var lastHeight = 20

    public init(model: Model) {
        refresh(model)
    }

    public var isEditingText: Bool { searching }

    /// Villages and village/group pairs present, for the place filter.
    func places(_ model: Model) -> [(village: String, group: String?)] { model.places }

    /// Every row index in the current sort order: sorted once per model and sort, so a
    /// keystroke only filters (200,000 rows are not re-sorted on every letter typed).
    var order: [Int] = []
    var orderKey: OrderKey?
    /// What the last refresh filtered by, so a search that only grows filters the rows
    /// shown instead of every row.
    var shownFor: Filters?

    struct OrderKey: Equatable {
        var column: Int
        var descending: Bool
        var rows: Int
    }

    struct Filters: Equatable {
        var indicator: IndicatorFilter?
        var overdueOnly: Bool
        var monitoringOnly: Bool
        var place: Int?
        var order: OrderKey
        var search: String
    }

    /// Recomputes the visible rows: filters and search, in the sort order.
    public mutating func refresh(_ model: Model) {
        let key = OrderKey(column: sortColumn, descending: descending, rows: model.rows.count)
        if orderKey != key {
            order = Self.sorted(model, by: Column.allCases[sortColumn], descending: descending)
            orderKey = key
        }
        let text = search.text
        let query = PinyinQuery(text)
        let digits = text.uppercased().allSatisfy { $0.isNumber || $0 == "X" } ? text.uppercased() : nil
        let idSearch = digits.map { $0.count >= 3 } ?? false
        let filters = Filters(indicator: indicatorFilter, overdueOnly: overdueOnly, monitoringOnly: monitoringOnly,
                              place: place, order: key, search: text)
        // Matching names is monotonic in the query (a row matching "zhan" matches "zha"), so
        // a grown query only looks at the rows shown before. Matching ID-number ends is
        // not ("1234" is not an end of what ends in "123"): then every row is looked at,
        // but names are matched only in the rows shown before, ends cheaply in all.
        var grown = false
        if let last = shownFor, text.hasPrefix(last.search) {
            var same = last
            same.search = text
            grown = same == filters
        }
        let narrowing = grown && !idSearch
        var shownBefore: [Bool]?
        if grown && idSearch {
            var mark = [Bool](repeating: false, count: model.rows.count)
            for i in visible { mark[i] = true }
            shownBefore = mark
        }
        let candidates = narrowing ? visible : order
        let placeFilter = place.flatMap { p in model.places.indices.contains(p) ? model.places[p] : nil }
        let (indicatorFilter, overdueOnly, monitoringOnly) = (indicatorFilter, overdueOnly, monitoringOnly)
        visible = model.withMatcher(query, digits: idSearch ? digits : nil, namesOnlyIn: shownBefore) { matches in
            Self.filter(candidates) { i in
                if let f = indicatorFilter {
                    switch f {
                    case .any: if model.rows[i].meetsStandard { return false }
                    case .one(let ind): if model.rows[i].state(ind).passes { return false }
                    }
                }
                if overdueOnly && !model.rows[i].overdue { return false }
                if monitoringOnly && model.rows[i].monitoring == nil { return false }
                if let p = placeFilter, model.rows[i].village != p.village || (p.group.map { $0 != model.rows[i].group } ?? false) { return false }
                return text.isEmpty || matches(i)
            }
        }
        shownFor = filters
        cursor.clamp(count: visible.count, height: lastHeight)
    }

    /// The candidates `shows` keeps, in order; a long list is split over the cores (the
    /// first letter of a search looks at every one of 200,000 rows).
    static func filter(_ candidates: [Int], _ shows: (Int) -> Bool) -> [Int] {
        let parts = candidates.count >= 20_000 ? 4 : 1
        guard parts > 1 else { return candidates.filter(shows) }
        let size = (candidates.count + parts - 1) / parts
        return withoutActuallyEscaping(shows) { shows in
            // `shows` reads the model only, which nothing changes while this runs.
            nonisolated(unsafe) let shows = shows
            return (0..<parts).concurrentMap { k in
                candidates[(k * size)..<min(candidates.count, (k + 1) * size)].filter(shows)
            }.flatMap { $0 }
        }
    }

    /// Row indices sorted by `column`; ties keep the rows' own order.
    static func sorted(_ model: Model, by column: Column, descending: Bool) -> [Int] {
        var out = Array(model.rows.indices)
        // Names sort by pinyin; the keys are made once per sort, not per comparison.
        let names: [String]? = if case .head = column { model.rows.map { PinyinOrder.key($0.head) } } else { nil }
        func before(_ a: Int, _ b: Int) -> Bool {
            let ord = names.map { $0[a] < $0[b] ? -1 : ($0[a] > $0[b] ? 1 : 0) } ?? compare(model.rows[a], model.rows[b], column, today: model.today)
            if ord != 0 { return descending ? ord > 0 : ord < 0 }
            return a < b
        }
        // Rows usually come in household-number order already: checking is one pass.
        if out.indices.dropFirst().allSatisfy({ before($0 - 1, $0) }) { return out }
        out.sort(by: before)
        return out
    }

    static func compare(_ a: RosterRow, _ b: RosterRow, _ c: Column, today: LocalDate) -> Int {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch c {
        case .number: return cmp(a.number, b.number)
        case .head: return cmp(a.head, b.head)
        case .place: return cmp(a.village + a.group, b.village + b.group)
        case .people: return cmp(a.members, b.members)
        case .indicator(let i): return cmp(severity(a.state(i)), severity(b.state(i)))
        case .days: return cmp(a.daysSinceVisit(on: today) ?? Int.max, b.daysSinceVisit(on: today) ?? Int.max)
        case .followUp: return cmp(a.followUp?.dayNumber ?? Int.max, b.followUp?.dayNumber ?? Int.max)
        }
    }

    /// Worst first when sorting by an indicator.
    static func severity(_ s: IndicatorState) -> Int {
        switch s {
        case .notMet: 0
        case .followUp: 1
        case .unchecked: 2
        case .met: 3
        case .notApplicable: 4
        }
    }

    public func selectedRow(_ model: Model) -> RosterRow? {
        visible.indices.contains(cursor.selected) ? model.rows[visible[cursor.selected]] : nil
    }

    public mutating func modelChanged(_ model: Model) {
        orderKey = nil
        shownFor = nil
        refresh(model)
    }

    public func unavailable(_ command: Command, model: Model) -> Bilingual? {
        if command == .addHousehold && model.rows.isEmpty { return UIText.recordNoVillage }
        return [.open, .newCheck].contains(command) && selectedRow(model) == nil ? UIText.nothingToOpen : nil
    }

    public mutating func type(_ character: Character, model: Model) -> [Effect] {
        if search.insert(character) {
            cursor.selected = 0
            refresh(model)
        }
        return []
    }

    public mutating func perform(_ command: Command, model: Model) -> [Effect] {
        if searching {
            switch command {
            case .open:
                // Enter opens what is selected; the search stays for when the cadre comes back.
                searching = false
                guard let r = selectedRow(model) else { return [] }
                return [.push(HouseholdScreen(householdID: r.id, model: model))]
            case .browseDown, .browseUp:
                searching = false
                _ = cursor.apply(command == .browseUp ? .up : .down, count: visible.count, height: lastHeight)
            case .clearSearch:
                searching = false
                search = TextField()
                refresh(model)
            default:
                if search.edit(command) {
                    cursor.selected = 0
                    refresh(model)
                }
            }
            return []
        }
        if cursor.apply(command, count: visible.count, height: lastHeight) { return [] }
        switch command {
        case .search:
            // A second / is a new search, as in less and vi: the old words are not kept to type after.
            searching = true
            if !search.text.isEmpty {
                search = TextField()
                cursor.selected = 0
                refresh(model)
            }
        case .open:
            guard let r = selectedRow(model) else { return [] }
            return [.push(HouseholdScreen(householdID: r.id, model: model))]
        case .newCheck:
            guard let r = selectedRow(model) else { return [] }
            return CheckFormScreen.open(householdID: r.id, model: model)
        case .sort:
            sortColumn = (sortColumn + 1) % Column.allCases.count
            descending = false
        case .reverse:
            descending.toggle()
        case .filterIndicator:
            indicatorFilter = Self.next(indicatorFilter)
        case .filterOverdue:
            overdueOnly.toggle()
        case .filterMonitoring:
            monitoringOnly.toggle()
        case .filterPlace:
            let count = places(model).count
            place = place.map { $0 + 1 < count ? $0 + 1 : nil } ?? (count > 0 ? 0 : nil)
        case .clearFilters:
            indicatorFilter = nil
            overdueOnly = false
            monitoringOnly = false
            place = nil
            search = TextField()
        case .dashboard:
            return [.push(DashboardScreen(model: model))]
        case .worklist:
            return [.push(WorklistScreen(model: model))]
        case .export:
            return [.openExport]
        case .intake:
            if let why = model.readOnly { return [.error(why)] }
            return [.openIntake]
        case .addHousehold:
            if let why = model.readOnly { return [.error(why)] }
            return [.openRecord(RecordFormScreen(.addHousehold(model: model)))]
        case .quit:
            return [.quit]
        case .back:
            if !search.text.isEmpty { search = TextField() } else { return [] }
        default:
            return []
        }
        cursor.selected = command == .search ? cursor.selected : 0
        refresh(model)
        return []
    }

    static func next(_ f: IndicatorFilter?) -> IndicatorFilter? {
        switch f {
        case nil: return .any
        case .any: return .one(Indicator.allCases[0])
        case .one(let i):
            let k = Indicator.allCases.firstIndex(of: i)! + 1
            return k < Indicator.allCases.count ? .one(Indicator.allCases[k]) : nil
        }
    }

    // MARK: Rendering

    /// Column widths for the available width: fixed columns, the rest to names and places.
    static func widths(_ total: Int) -> [Int] {
        let fixed = [4, 8, 12, 3] + Array(repeating: 2, count: Indicator.allCases.count) + [4, 11]
        let gaps = fixed.count - 1
        var w = fixed
        let extra = max(0, total - fixed.reduce(0, +) - gaps - 1)
        w[1] += min(extra / 3, 6)
        w[2] += min(extra - min(extra / 3, 6), 14)
        return w
    }

    public mutating func layout(_ area: Rect) {
        lastHeight = max(1, area.rows - 2)
        cursor.clamp(count: visible.count, height: lastHeight)
    }

    public func render(into canvas: inout Canvas, area: Rect, model: Model) {
        let say = model.say
        // Line 1: search or filters, and the count.
        let count = "\(visible.count)/\(model.rows.count)"
        if searching || !search.text.isEmpty {
            let label = "/ " + say(UIText.search) + ": "
            let used = canvas.put(label, row: area.row, column: area.column, style: Style(.key))
            let width = area.columns - used - DisplayWidth.of(count) - 2
            search.render(into: &canvas, row: area.row, column: area.column + used, width: max(1, width), style: Style(.input))
        } else {
            canvas.put(filterSummary(model), row: area.row, column: area.column, width: area.columns - DisplayWidth.of(count) - 1, style: Style(.muted))
        }
        canvas.put(count, row: area.row, column: area.column + area.columns - DisplayWidth.of(count), style: Style(.title))

        let widths = Self.widths(area.columns)
        var x = area.column
        for (k, col) in Column.allCases.enumerated() {
            var title = say(col.title)
            if k == sortColumn { title += descending ? "v" : "^" }
            canvas.put(DisplayWidth.fit(title, width: widths[k]), row: area.row + 1, column: x, style: Style(.title, [.underline]))
            x += widths[k] + 1
        }
        let height = area.rows - 2
        if visible.isEmpty {
            // No household at all: the way in is the township's roster.
            let text = model.rows.isEmpty ? UIText.intakeEmptyData : UIText.noMatches
            for (k, line) in DisplayWidth.wrap(say(text), width: area.columns - 4).enumerated() {
                canvas.put(line, row: area.row + 3 + k, column: area.column + 2, style: Style(.muted))
            }
            return
        }
        for line in 0..<height {
            let k = cursor.top + line
            guard k < visible.count else { break }
            let row = area.row + 2 + line
            drawRow(model.rows[visible[k]], into: &canvas, row: row, x0: area.column, widths: widths, model: model)
            if k == cursor.selected {
                canvas.restyle(row: row, column: area.column, width: area.columns) { Style($0.role == .normal ? .selected : $0.role, $0.attributes.union(.reverse)) }
            }
        }
    }

    func drawRow(_ r: RosterRow, into canvas: inout Canvas, row: Int, x0: Int, widths: [Int], model: Model) {
        var cells: [(String, Style, Bool)] = [
            (String(r.number.suffix(4)), .normal, false), (r.head, .normal, false),
            (model.say(UIText.rosterPlace(village: r.village, group: r.group)), .normal, false),
            (String(r.members), .normal, true),
        ]
        for i in Indicator.allCases {
            let s = r.state(i)
            cells.append((String(s.letter), Style(s.role), false))
        }
        // Late is marked by a "!" as well as by colour, so it survives a monochrome screen.
        let late = UIText.lateMark
        let days = (r.daysSinceVisit(on: model.today).map(String.init) ?? "-") + (r.overdue ? late : "")
        cells.append((days, Style(r.overdue ? .warning : .normal), true))
        // The year only when it is not this year's (02-20 of next year beside this year's 12-31).
        let passed = r.followUp.map { $0 < model.today } ?? false
        let due = r.followUp.map { $0.year == model.today.year ? String($0.description.dropFirst(5)) : $0.description } ?? ""
        cells.append((due + (passed ? late : ""), Style(passed ? .warning : .normal), false))
        var x = x0
        for (k, (text, style, right)) in cells.enumerated() {
            let t = right ? DisplayWidth.fitRight(text, width: widths[k]) : DisplayWidth.fit(text, width: widths[k])
            canvas.put(t, row: row, column: x, style: style)
            x += widths[k] + 1
        }
    }

    func filterSummary(_ model: Model) -> String {
        var parts: [String] = []
        switch indicatorFilter {
        case nil: break
        case .any?: parts.append(model.say(UIText.anyFailing))
        case .one(let i)?: parts.append(model.say(i.label) + " X")
        }
        if overdueOnly { parts.append(model.say(UIText.overdue)) }
        if monitoringOnly { parts.append(model.say(UIText.monitoring)) }
        if let p = place, places(model).indices.contains(p) {
            let pl = places(model)[p]
            parts.append(pl.village + (pl.group ?? ""))
        }
        let filters = parts.isEmpty ? model.say(UIText.all) : parts.joined(separator: ", ")
        return model.say(UIText.filters) + ": " + filters + "   " + model.say(UIText.sortedBy) + ": "
            + model.say(Column.allCases[sortColumn].title)
    }
}
