import SanbaoCore

/// Every fixed string of the terminal UI, in both languages, in one place.
public enum UIText {
    public static let appName = Bilingual(zh: "三保", en: "Sanbao")
    public static let readOnly = Bilingual(zh: "只读", en: "read-only")
    public static let all = Bilingual(zh: "全部", en: "all")
    public static let allCadres = Bilingual(zh: "全部干部", en: "all cadres")
    public static let search = Bilingual(zh: "搜索", en: "Search")
    public static let noMatches = Bilingual(zh: "没有符合条件的户", en: "no household matches")
    public static let head = Bilingual(zh: "户主", en: "Head")
    public static let place = Bilingual(zh: "村组", en: "Village/group")
    public static let people = Bilingual(zh: "人", en: "Ppl")
    public static let days = Bilingual(zh: "未访", en: "Days")
    public static let followUp = Bilingual(zh: "跟进", en: "Follow-up")
    public static let number = Bilingual(zh: "户号", en: "No.")
    public static let cadre = Bilingual(zh: "干部", en: "Cadre")
    public static let monitoring = Bilingual(zh: "监测", en: "Monitor")
    public static let anyFailing = Bilingual(zh: "任一未达标", en: "any failing")
    public static let overdue = Bilingual(zh: "逾期", en: "overdue")
    public static let filters = Bilingual(zh: "筛选", en: "filter")
    public static let sortedBy = Bilingual(zh: "排序", en: "sort")
    public static let tooSmall = Bilingual(zh: "请把终端窗口放大到至少 80x24", en: "Please enlarge the terminal to at least 80x24")
    public static let members = Bilingual(zh: "家庭成员", en: "Members")
    public static let indicators = Bilingual(zh: "六项指标", en: "Indicators")
    public static let checks = Bilingual(zh: "检查记录（最新在前，Enter 查看）", en: "Checks (newest first, Enter opens)")
    public static let noChecks = Bilingual(zh: "尚无检查记录", en: "no checks yet")
    public static let followUps = Bilingual(zh: "待跟进", en: "Open follow-ups")
    public static let measures = Bilingual(zh: "帮扶措施", en: "Assistance measures")
    public static let helpTitle = Bilingual(zh: "按键一览（Esc 返回）", en: "Keys (Esc to go back)")
    public static let dashboardTitle = Bilingual(zh: "统计面板", en: "Dashboard")
    public static let overdueList = Bilingual(zh: "逾期未走访", en: "Overdue visits")
    public static let meetsAll = Bilingual(zh: "六项全部达标", en: "meet all six")
    public static let saved = Bilingual(zh: "已保存（已写入磁盘）", en: "saved (on disk)")
    public static let discardQuestion = Bilingual(zh: "放弃未保存的修改？(y/n)", en: "Discard unsaved changes? (y/n)")
    public static let quitQuestion = Bilingual(zh: "检查尚未保存，草稿已留存。仍要退出？(y/n)", en: "The check is not saved (a draft is kept). Quit anyway? (y/n)")
    public static let yes = Bilingual(zh: "是", en: "yes")
    public static let no = Bilingual(zh: "否", en: "no")
    public static let unknown = Bilingual(zh: "未知", en: "unknown")
    public static let auto = Bilingual(zh: "按事实判定", en: "from the facts")
    public static let note = Bilingual(zh: "备注", en: "Note")
    public static let derived = Bilingual(zh: "当前判定", en: "Derived state")
}

/// Decorations that differ between a normal terminal and `--ascii`, which avoids every
/// East Asian ambiguous-width character (drawn two cells wide by some Chinese setups).
public struct Glyphs: Sendable {
    public var bar: Character
    public var separator: String
    public var arrow: String
    public var cursor: String

    public static let unicode = Glyphs(bar: "█", separator: " · ", arrow: " → ", cursor: "▶")
    public static let ascii = Glyphs(bar: "#", separator: " | ", arrow: " -> ", cursor: ">")
}

extension IndicatorState {
    /// The style role of a state.
    public var role: Role {
        switch self {
        case .met: .met
        case .notMet: .notMet
        case .followUp: .followUp
        case .notApplicable: .notApplicable
        case .unchecked: .unchecked
        }
    }
}
