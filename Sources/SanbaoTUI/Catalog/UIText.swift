import SanbaoCore

/// The string catalog of the terminal UI: every user-visible text of SanbaoTUI, in both
/// languages, lives in this folder (Sources/SanbaoTUI/Catalog/), one file per screen.
/// Fixed texts are `Bilingual` constants; texts with values are small functions. Screens
/// choose nothing by language themselves: they say a catalog value in the model's
/// language. Domain labels and rule reasons come from SanbaoCore and are not repeated here.
///
/// A test (CatalogTests) fails when a Chinese string literal appears in SanbaoTUI outside
/// this folder, and when a text here lacks either language (add new ones to `allStrings`).
public enum UIText {
    // MARK: Whole app: header, footer, status line

    public static let appName = Bilingual(zh: "三保", en: "Sanbao")
    public static let readOnly = Bilingual(zh: "只读", en: "read-only")
    /// The top line when the data holds more than one village.
    public static func villageCount(_ n: Int) -> Bilingual { Bilingual(zh: "\(n) 个村", en: "\(n) villages") }
    public static let allCadres = Bilingual(zh: "全部干部", en: "all cadres")
    public static let tooSmall = Bilingual(zh: "请把终端窗口放大到至少 80x24", en: "Please enlarge the terminal to at least 80x24")
    /// Under `tooSmall`: keys wait until the screen can show what they do.
    public static let tooSmallKeys = Bilingual(zh: "放大之前按键不起作用", en: "keys do nothing until then")

    /// The size the terminal has now, under `tooSmall`.
    public static func tooSmallNow(columns: Int, rows: Int) -> Bilingual {
        Bilingual(zh: "当前 \(columns)x\(rows)", en: "now \(columns)x\(rows)")
    }

    public static let saved = Bilingual(zh: "已保存（已写入磁盘）", en: "saved (on disk)")

    /// After a check is saved: "saved (on disk): 张三 20261125-1a2b".
    public static func savedCheck(head: String, id: String) -> Bilingual {
        Bilingual(zh: saved.zh + "：\(head) \(id)", en: saved.en + ": \(head) \(id)")
    }

    public static let quitQuestion = Bilingual(zh: "检查尚未保存，草稿已留存。仍要退出？(y/n)", en: "The check is not saved (a draft is kept). Quit anyway? (y/n)")

    /// On start, when `validate` would find errors: how many, where to see them all, the first.
    public static func dataProblem(_ first: Bilingual, count: Int) -> Bilingual {
        Bilingual(zh: "数据有 \(count) 处问题，请运行 sanbao validate（受影响的文件只读）：" + first.zh,
                  en: (count == 1 ? "1 problem" : "\(count) problems") + " in the data, run sanbao validate (affected files read-only): " + first.en)
    }

    /// The hint line while a yes/no question waits: no other key does anything then.

    /// On start, when another Sanbao holds the data directory's lock.
    public static func lockedByAnother(since: String) -> Bilingual {
        Bilingual(zh: "另一个三保窗口自 \(since) 起打开着这些数据，本窗口只读",
                  en: "Another Sanbao window has had this data open since \(since); this one is read-only")
    }

    /// On start, when an unsaved check was kept from an earlier session; "no" keeps it.
    public static func draftFound(head: String, savedAt: String) -> Bilingual {
        Bilingual(zh: "发现未保存的检查：\(head)（\(savedAt)）。继续录入？(y 继续 / n 稍后)",
                  en: "Unsaved check found: \(head) (\(savedAt)). Continue? (y yes / n later)")
    }

    /// A new check opened for a household whose unsaved check was kept: it continues.
    public static func draftContinued(head: String) -> Bilingual {
        Bilingual(zh: "继续录入 \(head) 未保存的检查（草稿）；Esc 可放弃",
                  en: "continuing the unsaved check of \(head) (draft); Esc to discard it")
    }

    /// Esc in a changed form: the question names the draft it throws away.
    public static func discardDraft(head: String) -> Bilingual {
        Bilingual(zh: "放弃 \(head) 未保存的检查？草稿将被删除 (y/n)",
                  en: "Discard the unsaved check of \(head)? The draft is deleted (y/n)")
    }

    public static func checkDraftUnreadable(_ path: String) -> Bilingual {
        Bilingual(zh: "此户原有的检查草稿无法读取，已改名保留：\(path)",
                  en: "this household's earlier check draft could not be read; the file is kept as \(path)")
    }

    public static func draftNotKept(_ error: String) -> Bilingual {
        Bilingual(zh: "草稿未能保存：\(error)", en: "draft could not be kept: \(error)")
    }

    public static func notSaved(_ error: String) -> Bilingual {
        Bilingual(zh: "未保存：\(error)", en: "not saved: \(error)")
    }

    /// The last row of a screen with more lines below it.
    public static func moreBelow(_ lines: Int) -> Bilingual {
        Bilingual(zh: "-- 下面还有 \(lines) 行（PgDn/Space 下翻，End 到底）--", en: "-- \(lines) more lines below (PgDn/Space, End) --")
    }

    // MARK: Common words

    public static let yes = Bilingual(zh: "是", en: "yes")
    public static let no = Bilingual(zh: "否", en: "no")
    public static let unknown = Bilingual(zh: "未知", en: "unknown")
    public static let none = Bilingual(zh: "无", en: "none")
    public static let note = Bilingual(zh: "备注", en: "Note")

    /// Reasons of one indicator on one line: "…；…" in Chinese, "…; …" in English.
    public static func reasons(_ reasons: [Bilingual]) -> Bilingual {
        Bilingual(zh: reasons.map(\.zh).joined(separator: "；"), en: reasons.map(\.en).joined(separator: "; "))
    }

    // MARK: Terminal start-up (printed before the screen opens)

    /// The locale was not UTF-8 and C.UTF-8 is used instead.
    public static func localeFallback(was: String) -> Bilingual {
        Bilingual(zh: "区域设置 \(was) 不是 UTF-8，改用 C.UTF-8", en: "locale \(was) is not UTF-8; using C.UTF-8")
    }

    /// No UTF-8 locale exists at all. Printed in English: without UTF-8 the terminal
    /// cannot show the Chinese version.
    public static func noUTF8Locale(was: String) -> Bilingual {
        Bilingual(zh: "没有可用的 UTF-8 区域设置（当前 \(was)），无法显示中文。请安装 locales 或设置 LANG=C.UTF-8",
                  en: "no UTF-8 locale available (have \(was)); Chinese cannot be shown. Install locales or set LANG=C.UTF-8")
    }
}

/// Layout widths that depend on the language (Chinese labels are narrower), kept in the
/// catalog next to the labels they fit; each screen's file adds its own.
public enum UIWidth {}

/// A width per language: `UIWidth.householdIndicator(model.language)`.
public struct LanguageWidth: Sendable {
    public let zh: Int
    public let en: Int

    public func callAsFunction(_ language: Language) -> Int { language == .zh ? zh : en }
}

/// Decorations that differ between a normal terminal and `--ascii`, which avoids every
/// East Asian ambiguous-width character (drawn two cells wide by some Chinese setups).
public struct Glyphs: Sendable {
    public var bar: Character
    public var separator: String
    public var arrow: String
    public var cursor: String
    /// At the end of a text cut to fit.
    public var ellipsis: String

    public static let unicode = Glyphs(bar: "█", separator: " · ", arrow: " → ", cursor: "▶", ellipsis: "…")
    public static let ascii = Glyphs(bar: "#", separator: " | ", arrow: " -> ", cursor: ">", ellipsis: "~")
}
