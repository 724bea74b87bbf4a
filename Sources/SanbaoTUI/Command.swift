import SanbaoCore

/// Every user intent is a named command. Keys map to commands through `KeyTable`; the
/// help screen and the footer hints are generated from the same table.
public enum Command: String, CaseIterable, Sendable {
    case help, quit, back, interrupt
    case up, down, pageUp, pageDown, top, bottom
    case open, search, sort, reverse, filterIndicator, filterOverdue, filterMonitoring, filterPlace, clearFilters
    case newCheck, dashboard, revealIDs
    case nextField, previousField, nextPage, previousPage, increase, decrease, toggle, save

    public var help: Bilingual {
        switch self {
        case .help: Bilingual(zh: "帮助：列出全部按键", en: "help: list every key")
        case .quit: Bilingual(zh: "退出三保", en: "quit Sanbao")
        case .back: Bilingual(zh: "返回上一屏", en: "back to the previous screen")
        case .interrupt: Bilingual(zh: "中断（有未保存内容时先确认）", en: "interrupt (asks first if a form has changes)")
        case .up: Bilingual(zh: "上移", en: "move up")
        case .down: Bilingual(zh: "下移", en: "move down")
        case .pageUp: Bilingual(zh: "上翻一页", en: "page up")
        case .pageDown: Bilingual(zh: "下翻一页", en: "page down")
        case .top: Bilingual(zh: "到第一行", en: "go to the first line")
        case .bottom: Bilingual(zh: "到最后一行", en: "go to the last line")
        case .open: Bilingual(zh: "打开所选项", en: "open the selected item")
        case .search: Bilingual(zh: "搜索：姓名、拼音（zs 找张三）、户号、身份证尾号、村组", en: "search: name, pinyin (zs finds 张三), number, ID digits, village")
        case .sort: Bilingual(zh: "换一列排序", en: "sort by the next column")
        case .reverse: Bilingual(zh: "反向排序", en: "reverse the sort order")
        case .filterIndicator: Bilingual(zh: "筛选未达标指标（依次切换）", en: "filter by failing indicator (cycles)")
        case .filterOverdue: Bilingual(zh: "只看逾期未走访", en: "only overdue visits")
        case .filterMonitoring: Bilingual(zh: "只看监测户", en: "only monitoring households")
        case .filterPlace: Bilingual(zh: "按村、组筛选（依次切换）", en: "filter by village/group (cycles)")
        case .clearFilters: Bilingual(zh: "清除全部筛选", en: "clear all filters")
        case .newCheck: Bilingual(zh: "新建入户检查", en: "enter a new check")
        case .dashboard: Bilingual(zh: "统计面板", en: "dashboard")
        case .revealIDs: Bilingual(zh: "显示/隐藏完整身份证号", en: "show/hide full ID numbers")
        case .nextField: Bilingual(zh: "下一项", en: "next field")
        case .previousField: Bilingual(zh: "上一项", en: "previous field")
        case .nextPage: Bilingual(zh: "下一页（下一个指标）", en: "next page (next indicator)")
        case .previousPage: Bilingual(zh: "上一页", en: "previous page")
        case .increase: Bilingual(zh: "下一个选项", en: "next choice")
        case .decrease: Bilingual(zh: "上一个选项", en: "previous choice")
        case .toggle: Bilingual(zh: "切换是/否", en: "toggle yes/no")
        case .save: Bilingual(zh: "保存检查（写入磁盘后才提示已保存）", en: "save the check (reported only once on disk)")
        }
    }
}

/// Where a key binding applies.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, list, roster, household, form, dashboard

    public var title: Bilingual {
        switch self {
        case .global: Bilingual(zh: "任何界面", en: "Everywhere")
        case .list: Bilingual(zh: "列表与滚动", en: "Lists and scrolling")
        case .roster: Bilingual(zh: "户列表", en: "Roster")
        case .household: Bilingual(zh: "户详情", en: "Household")
        case .form: Bilingual(zh: "检查录入", en: "Check entry")
        case .dashboard: Bilingual(zh: "统计面板", en: "Dashboard")
        }
    }
}

/// One key bound to one command in one context.
public struct Binding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var context: KeyContext
    /// Shown in the footer of screens of this context.
    public var hint: Bool
}

/// The key bindings, as data. Screens look commands up here; help and hints are made
/// from it, so a key cannot exist without its help text.
public struct KeyTable: Sendable {
    public var bindings: [Binding]

    public static let standard = KeyTable(bindings: [
        Binding(keys: [.character("?"), .function(1)], command: .help, context: .global, hint: true),
        Binding(keys: [.escape], command: .back, context: .global, hint: false),
        Binding(keys: [.control("c")], command: .interrupt, context: .global, hint: false),
        Binding(keys: [.up, .character("k")], command: .up, context: .list, hint: false),
        Binding(keys: [.down, .character("j")], command: .down, context: .list, hint: false),
        Binding(keys: [.pageUp, .control("b")], command: .pageUp, context: .list, hint: false),
        Binding(keys: [.pageDown, .control("f"), .character(" ")], command: .pageDown, context: .list, hint: false),
        Binding(keys: [.home, .character("g")], command: .top, context: .list, hint: false),
        Binding(keys: [.end, .character("G")], command: .bottom, context: .list, hint: false),
        Binding(keys: [.enter], command: .open, context: .roster, hint: true),
        Binding(keys: [.character("/")], command: .search, context: .roster, hint: true),
        Binding(keys: [.character("n")], command: .newCheck, context: .roster, hint: true),
        Binding(keys: [.character("f")], command: .filterIndicator, context: .roster, hint: true),
        Binding(keys: [.character("o")], command: .filterOverdue, context: .roster, hint: false),
        Binding(keys: [.character("m")], command: .filterMonitoring, context: .roster, hint: false),
        Binding(keys: [.character("v")], command: .filterPlace, context: .roster, hint: false),
        Binding(keys: [.character("x")], command: .clearFilters, context: .roster, hint: false),
        Binding(keys: [.character("s")], command: .sort, context: .roster, hint: true),
        Binding(keys: [.character("r")], command: .reverse, context: .roster, hint: false),
        Binding(keys: [.character("d")], command: .dashboard, context: .roster, hint: true),
        Binding(keys: [.character("q")], command: .quit, context: .roster, hint: true),
        Binding(keys: [.enter], command: .open, context: .household, hint: true),
        Binding(keys: [.character("n")], command: .newCheck, context: .household, hint: true),
        Binding(keys: [.character("i")], command: .revealIDs, context: .household, hint: true),
        Binding(keys: [.character("q")], command: .back, context: .household, hint: true),
        Binding(keys: [.down, .tab, .enter], command: .nextField, context: .form, hint: false),
        Binding(keys: [.up, .backTab], command: .previousField, context: .form, hint: false),
        Binding(keys: [.pageDown, .control("n")], command: .nextPage, context: .form, hint: true),
        Binding(keys: [.pageUp, .control("p")], command: .previousPage, context: .form, hint: true),
        Binding(keys: [.right], command: .increase, context: .form, hint: false),
        Binding(keys: [.left], command: .decrease, context: .form, hint: false),
        Binding(keys: [.character(" ")], command: .toggle, context: .form, hint: false),
        Binding(keys: [.function(10), .control("s")], command: .save, context: .form, hint: true),
        Binding(keys: [.character("q")], command: .back, context: .dashboard, hint: true),
    ])

    /// The command for `key` in `context`, falling back to list and global bindings.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        let order: [KeyContext] = context == .form ? [.form, .global] : [context, .list, .global]
        for c in order {
            if let b = bindings.first(where: { $0.context == c && $0.keys.contains(key) }) { return b.command }
        }
        return nil
    }

    /// The footer line for a context: "Enter 打开  / 搜索 …".
    public func hints(for context: KeyContext, _ language: Language) -> String {
        let shown = bindings.filter { ($0.context == context || $0.context == .global) && $0.hint }
        return shown.map { "\($0.keys[0].name) \(Self.short($0.command).text(language))" }.joined(separator: "  ")
    }

    /// Short names for the footer.
    static func short(_ c: Command) -> Bilingual {
        switch c {
        case .help: Bilingual(zh: "帮助", en: "help")
        case .open: Bilingual(zh: "打开", en: "open")
        case .search: Bilingual(zh: "搜索", en: "search")
        case .newCheck: Bilingual(zh: "新检查", en: "new check")
        case .filterIndicator: Bilingual(zh: "筛选", en: "filter")
        case .sort: Bilingual(zh: "排序", en: "sort")
        case .dashboard: Bilingual(zh: "统计", en: "dashboard")
        case .quit: Bilingual(zh: "退出", en: "quit")
        case .back: Bilingual(zh: "返回", en: "back")
        case .revealIDs: Bilingual(zh: "身份证号", en: "IDs")
        case .nextPage: Bilingual(zh: "下一页", en: "next page")
        case .previousPage: Bilingual(zh: "上一页", en: "prev page")
        case .save: Bilingual(zh: "保存", en: "save")
        default: c.help
        }
    }
}
