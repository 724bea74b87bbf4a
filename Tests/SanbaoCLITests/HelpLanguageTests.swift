import Foundation
import XCTest

/// Issue 14, defect 18: the command line spoke only English — every --help, and
/// `sanbao help edit --lang zh` answered `Unknown option '--lang'`. Help and usage errors
/// are in the UI language: --lang, else the locale.
final class HelpLanguageTests: XCTestCase {
    let commands = ["open", "init", "demo", "intake", "generate", "validate", "list", "show", "check", "history",
                    "member", "member add", "member leave", "member set", "household", "household add", "household set",
                    "cadre", "cadre add", "pair", "edit", "bundle", "import", "conflicts", "export", "rollup"]

    func testEveryCommandsHelpInBothLanguages() {
        for cmd in commands {
            for (lang, head, options, other) in [("zh", "概述：", "选项：", "OVERVIEW:"), ("en", "OVERVIEW: ", "OPTIONS:", "概述")] {
                let words = cmd.split(separator: " ").map(String.init)
                for args in [words + ["--help", "--lang", lang], ["help"] + words + ["--lang", lang]] {
                    let r = run(args)
                    XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
                    XCTAssertTrue(r.stdout.hasPrefix(head), "\(args): \(r.stdout)")
                    XCTAssertTrue(r.stdout.contains(options), "\(args): \(r.stdout)")
                    XCTAssertFalse(r.stdout.contains(other), "\(args): one language only: \(r.stdout)")
                }
            }
        }
        let zh = run(["help", "edit", "--lang", "zh"]).stdout
        XCTAssertTrue(zh.contains("显示帮助。") && zh.contains("--data <DIR>            数据目录。"), zh)
        XCTAssertFalse(zh.range(of: "[A-Z][a-z]+ [a-z]+ [a-z]+\\.", options: .regularExpression) != nil, "no English sentence left: \(zh)")
    }

    func testTheLocaleChoosesWithoutLang() {
        XCTAssertTrue(run(["list", "--help"], env: ["LC_ALL": "zh_CN.UTF-8"]).stdout.hasPrefix("概述：列出各户"))
        XCTAssertTrue(run(["list", "--help"], env: ["LC_ALL": "en_US.UTF-8"]).stdout.hasPrefix("OVERVIEW: List households"))
        XCTAssertTrue(run(["--help"], env: ["LC_ALL": "zh_CN.UTF-8"]).stdout.contains("各子命令的详细帮助：sanbao help <子命令>"))
    }

    func testUsageErrorsInTheLanguage() {
        let dir = makeDemo()
        let zh = run(["show"] + CLI.opts(dir, lang: "zh"))
        XCTAssertEqual(zh.status, 64)
        XCTAssertTrue(zh.stderr.hasPrefix("错误：缺少参数 '<ID>'"), zh.stderr)
        let typo = run(["list", "--colour"] + CLI.opts(dir, lang: "zh"))
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.stderr.hasPrefix("错误：未知选项 '--colour'"), typo.stderr)
        let en = run(["list", "--colour"] + CLI.opts(dir, lang: "en"))
        XCTAssertTrue(en.stderr.hasPrefix("Error: Unknown option '--colour'"), en.stderr)
    }
}
