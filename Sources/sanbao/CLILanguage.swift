import ArgumentParser
import Foundation
import SanbaoCore

/// The language of the command line's own words — help, usage, ArgumentParser's
/// messages — decided in `main` before ArgumentParser runs (`--lang` among the arguments,
/// else the locale), because ArgumentParser's help text is built from static
/// configuration: commands' configurations are `static let` (made on first use, after
/// `main` has set this) and their argument help is made with each parse.
enum CLILanguage {
    nonisolated(unsafe) static var current: Language = .zh

    /// The arguments for ArgumentParser: `--lang X` taken out when help is asked for,
    /// since `sanbao help edit` (ArgumentParser's own command) knows no `--lang`.
    static func arguments(_ words: [String]) -> [String] {
        guard words.first == "help" || words.contains("--help") || words.contains("-h") else { return words }
        var out: [String] = []
        var skip = false
        for w in words {
            if skip { skip = false; continue }
            if w == "--lang" { skip = true; continue }
            if w.hasPrefix("--lang=") { continue }
            out.append(w)
        }
        return out
    }

    /// ArgumentParser's fixed English in Chinese, for help and usage errors. What the user
    /// typed, quoted in the messages, is kept as typed.
    static func translated(_ text: String) -> String {
        guard current == .zh else { return text }
        var t = text
        for (pattern, zh) in [(#"\(values: ([^)\n]*)\)"#, "（可选值：$1）"), (#"\(default: ([^)\n]*)\)"#, "（默认：$1）")] {
            t = t.replacingOccurrences(of: pattern, with: zh, options: .regularExpression)
        }
        for (en, zh) in phrases { t = t.replacingOccurrences(of: en, with: zh) }
        return t
    }

    static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："), ("Show help information.", "显示帮助。"),
        ("See 'sanbao help <subcommand>' for detailed help.", "各子命令的详细帮助：sanbao help <子命令>"),
        ("' for more information.", "'"), ("<subcommand>", "<子命令>"),
        ("Error: ", "错误："), ("Usage: ", "用法："), ("Help:  ", "帮助："),
        ("  See 'sanbao ", "  详见 'sanbao "),
        ("Unknown option ", "未知选项 "), ("Missing expected argument ", "缺少参数 "),
        ("Missing value for ", "缺少值："), ("Unexpected argument ", "多余的参数 "),
        ("Unexpected arguments ", "多余的参数 "),
        ("The value ", "值 "), (" is invalid for ", " 不能用于 "),
        ("Please provide one of ", "请给出其中之一："),
    ]
}

/// `L("数据目录。", "Data directory.")`: the text in the command line's language.
func L(_ zh: String, _ en: String) -> String { CLILanguage.current == .zh ? zh : en }
