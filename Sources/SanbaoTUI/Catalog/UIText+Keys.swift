import SanbaoCore

/// The texts of the key table: what each command does (the help screen), where a key
/// applies (the help screen's headings), and the short names in the footer hints.
extension UIText {
    /// The help line of a command.
    public static func help(_ command: Command) -> Bilingual {
        switch command {
        case .help: Bilingual(zh: "帮助：列出全部按键", en: "help: list every key")
        case .quit: Bilingual(zh: "退出三保", en: "quit Sanbao")
        case .back: Bilingual(zh: "返回上一屏", en: "back to the previous screen")
        case .interrupt: Bilingual(zh: "中断（有未保存内容时先确认）", en: "interrupt (asks first if a form has changes)")
        case .yes: Bilingual(zh: "回答“是”（最后一行的问题，或检查表里的是/否题）", en: "answer yes (the question on the last line, or a yes/no question of the form)")
        case .no: Bilingual(zh: "回答“否”（最后一行的问题，或检查表里的是/否题）", en: "answer no (the question on the last line, or a yes/no question of the form)")
        case .up: Bilingual(zh: "上移", en: "move up")
        case .down: Bilingual(zh: "下移", en: "move down")
        case .pageUp: Bilingual(zh: "上翻一页", en: "page up")
        case .pageDown: Bilingual(zh: "下翻一页", en: "page down")
        case .top: Bilingual(zh: "到第一行", en: "go to the first line")
        case .bottom: Bilingual(zh: "到最后一行", en: "go to the last line")
        case .deleteBackward: Bilingual(zh: "删除光标前的一个字", en: "delete the character before the cursor")
        case .deleteForward: Bilingual(zh: "删除光标处的一个字", en: "delete the character at the cursor")
        case .cursorLeft: Bilingual(zh: "光标左移一个字", en: "move the cursor one character left")
        case .cursorRight: Bilingual(zh: "光标右移一个字", en: "move the cursor one character right")
        case .lineStart: Bilingual(zh: "光标移到开头", en: "move the cursor to the start")
        case .lineEnd: Bilingual(zh: "光标移到末尾", en: "move the cursor to the end")
        case .deleteToStart: Bilingual(zh: "删除光标前的全部文字", en: "delete everything before the cursor")
        case .open: Bilingual(zh: "打开所选项", en: "open the selected item")
        case .search: Bilingual(zh: "搜索：姓名、拼音（zs 找张三）、户号、身份证尾号、村组", en: "search: name, pinyin (zs finds 张三), number, ID digits, village")
        case .browseDown: Bilingual(zh: "结束输入，在搜索结果里下移（搜索保留）", en: "stop typing and move down the matches (the search stays)")
        case .browseUp: Bilingual(zh: "结束输入，在搜索结果里上移（搜索保留）", en: "stop typing and move up the matches (the search stays)")
        case .clearSearch: Bilingual(zh: "清除搜索，回到全部户", en: "clear the search, back to every household")
        case .sort: Bilingual(zh: "换一列排序", en: "sort by the next column")
        case .reverse: Bilingual(zh: "反向排序", en: "reverse the sort order")
        case .filterIndicator: Bilingual(zh: "筛选未达标指标（依次切换）", en: "filter by failing indicator (cycles)")
        case .filterOverdue: Bilingual(zh: "只看逾期未走访", en: "only overdue visits")
        case .filterMonitoring: Bilingual(zh: "只看监测户", en: "only monitoring households")
        case .filterPlace: Bilingual(zh: "按村、组筛选（依次切换）", en: "filter by village/group (cycles)")
        case .clearFilters: Bilingual(zh: "清除全部筛选", en: "clear all filters")
        case .newCheck: Bilingual(zh: "新建入户检查", en: "enter a new check")
        case .dashboard: Bilingual(zh: "统计面板", en: "dashboard")
        case .worklist: Bilingual(zh: "跟进名单：到期的跟进和逾期走访，最早的在前", en: "worklist: follow-ups and visits due, soonest first")
        case .export: Bilingual(zh: "导出汇总文件（xlsx、csv、json、html）", en: "export the summary file (xlsx, csv, json, html)")
        case .revealIDs: Bilingual(zh: "显示/隐藏完整身份证号", en: "show/hide full ID numbers")
        case .printPage: Bilingual(zh: "打印：把这一户的明白卡写成一页 A4 的 HTML（导出目录），用浏览器打印",
                                   en: "print: write this household's page (one A4 page, HTML) to the export directory, to print from a browser")
        case .intake: Bilingual(zh: "导入乡镇花名册（xlsx、csv）", en: "take in the township's roster (xlsx, csv)")
        case .previewIntake: Bilingual(zh: "读取花名册，列出将要改动的内容（不写入）", en: "read the roster and list what would change (writes nothing)")
        case .takeIn: Bilingual(zh: "导入花名册（写入磁盘后才提示已导入）", en: "take the roster in (reported only once on disk)")
        case .nextField: Bilingual(zh: "下一项（本页最后一项之后是下一页）", en: "next field (after a page's last, the next page)")
        case .previousField: Bilingual(zh: "上一项（本页第一项之前是上一页）", en: "previous field (before a page's first, the previous page)")
        case .nextPage: Bilingual(zh: "下一页（下一个指标）", en: "next page (next indicator)")
        case .previousPage: Bilingual(zh: "上一页", en: "previous page")
        case .increase: Bilingual(zh: "下一个选项", en: "next choice")
        case .decrease: Bilingual(zh: "上一个选项", en: "previous choice")
        case .toggle: Bilingual(zh: "是/否互换（未知变为是；参加医保等可为未知的题，要选未知用 ←/→：未知→是→否）；其他选择题换下一个选项",
                                en: "swap yes/no (unknown becomes yes; where unknown is allowed, such as insured, ←/→ reach it: unknown→yes→no); other choices: the next one")
        case .save: Bilingual(zh: "保存检查（写入磁盘后才提示已保存）", en: "save the check (reported only once on disk)")
        case .addMember: Bilingual(zh: "新增家庭成员（新生、娶入、迁入）", en: "add a member (born, married in, moved in)")
        case .memberLeaves: Bilingual(zh: "所选成员减少（死亡、迁出、嫁出、参军、服刑），记录保留", en: "the selected member left (died, moved away, married out, army, prison); the record stays")
        case .editMember: Bilingual(zh: "修改所选成员的信息（姓名、身份证号、改为户主、在校、医保、健康……）",
                                    en: "change the selected member's facts (name, ID number, made head, school, insured, health …)")
        case .editHousehold: Bilingual(zh: "修改户的信息（电话、户类型、致贫原因、住房、饮水……）", en: "change the household's facts (phone, type, poverty causes, housing, water …)")
        case .pairCadre: Bilingual(zh: "更换帮扶干部（原结对到前一天为止）", en: "pair with another cadre (the current pairing ends the day before)")
        case .addHousehold: Bilingual(zh: "新增一户（数据中没有的户）", en: "add a household that is not in the data")
        case .saveRecord: Bilingual(zh: "保存（先问一句；写入磁盘后才提示已保存，表的草稿随之删除）", en: "save (asks first; reported only once on disk, then the form's draft is deleted)")
        }
    }

    /// The heading of a key context on the help screen.
    public static func title(_ context: KeyContext) -> Bilingual {
        switch context {
        case .global: Bilingual(zh: "任何界面", en: "Everywhere")
        case .list: Bilingual(zh: "列表与滚动", en: "Lists and scrolling")
        case .text: Bilingual(zh: "输入文字时", en: "While typing text")
        case .question: Bilingual(zh: "回答是/否问题", en: "Answering a yes/no question")
        case .roster: Bilingual(zh: "户列表", en: "Roster")
        case .search: Bilingual(zh: "搜索时", en: "While searching")
        case .household: Bilingual(zh: "户详情", en: "Household")
        case .check: Bilingual(zh: "一次检查的详情", en: "One check")
        case .indicator: Bilingual(zh: "一个指标的详情", en: "One indicator")
        case .form: Bilingual(zh: "检查录入", en: "Check entry")
        case .record: Bilingual(zh: "修改户和成员的信息", en: "Keeping records current")
        case .export: Bilingual(zh: "导出汇总文件", en: "Export")
        case .dashboard: Bilingual(zh: "统计面板", en: "Dashboard")
        case .worklist: Bilingual(zh: "跟进名单", en: "Worklist")
        case .help: Bilingual(zh: "帮助", en: "Help")
        case .intake: Bilingual(zh: "导入花名册：文件路径", en: "Roster intake: the file")
        case .intakePreview: Bilingual(zh: "导入花名册：检查结果", en: "Roster intake: what would change")
        }
    }

    /// Why a command does nothing now: the footer leaves its hint out, and pressing its
    /// key says this instead of nothing.
    public static let nothingToOpen = Bilingual(zh: "没有可打开的户", en: "no household to open")
    public static let nothingOpensHere = Bilingual(
        zh: "这一行打不开：移到某个指标或某次检查上再按 Enter", en: "nothing opens from this line: move to an indicator or a check, then Enter")
    public static let firstPage = Bilingual(zh: "已是第一页", en: "this is the first page")
    public static let lastPage = Bilingual(zh: "已是最后一页；F10 保存", en: "this is the last page; F10 saves")
    public static let intakeNoPath = Bilingual(zh: "先输入花名册文件的路径", en: "type the roster file's path first")
    public static let intakeNothingToTakeIn = Bilingual(zh: "没有可导入的内容（见上）", en: "nothing to take in (see above)")

    /// A command's short name in the footer hints; the help line for commands without one.
    public static func hint(_ command: Command) -> Bilingual {
        switch command {
        case .help: Bilingual(zh: "帮助", en: "help")
        case .yes: Bilingual(zh: "是", en: "yes")
        case .no: Bilingual(zh: "否", en: "no")
        case .open: Bilingual(zh: "打开", en: "open")
        case .search: Bilingual(zh: "搜索", en: "search")
        case .browseDown, .browseUp: Bilingual(zh: "选择", en: "choose")
        case .clearSearch: Bilingual(zh: "清除搜索", en: "clear search")
        case .newCheck: Bilingual(zh: "新检查", en: "new check")
        case .filterIndicator: Bilingual(zh: "筛选", en: "filter")
        case .sort: Bilingual(zh: "排序", en: "sort")
        case .dashboard: Bilingual(zh: "统计", en: "dashboard")
        case .worklist: Bilingual(zh: "跟进名单", en: "worklist")
        case .export: Bilingual(zh: "导出", en: "export")
        case .quit: Bilingual(zh: "退出", en: "quit")
        case .back: Bilingual(zh: "返回", en: "back")
        case .revealIDs: Bilingual(zh: "身份证号", en: "IDs")
        case .printPage: Bilingual(zh: "打印", en: "print")
        case .nextPage: Bilingual(zh: "下一页", en: "next page")
        case .previousPage: Bilingual(zh: "上一页", en: "prev page")
        case .save, .saveRecord: Bilingual(zh: "保存", en: "save")
        case .addMember: Bilingual(zh: "加成员", en: "add member")
        case .editMember: Bilingual(zh: "改成员", en: "member")
        case .memberLeaves: Bilingual(zh: "减少", en: "left")
        case .editHousehold: Bilingual(zh: "改户", en: "edit")
        case .pairCadre: Bilingual(zh: "换干部", en: "cadre")
        case .addHousehold: Bilingual(zh: "新增户", en: "add household")
        case .intake: Bilingual(zh: "导入", en: "intake")
        case .previewIntake: Bilingual(zh: "检查", en: "check")
        case .takeIn: Bilingual(zh: "导入", en: "take in")
        default: help(command)
        }
    }
}
