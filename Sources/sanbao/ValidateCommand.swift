import ArgumentParser
import SanbaoCore
import SanbaoStore

/// `sanbao validate`: checks every file and prints each problem as `file:line: message`.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("检查每个数据文件；每个问题打印为 文件:行: 说明。没有问题退出码 0，否则 65。", "Check every data file; print each problem as file:line: message. Exit 0 when clean, 65 when not."))

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let result: Validation
        do {
            // Village by village: a county is never held whole.
            result = try DatasetReader(layout: options.layout).validate(today: options.date)
        } catch {
            throw fail(error, options)
        }
        for p in result.problems { out(p.text(options.language)) }
        let errors = result.problems.filter { $0.severity == .error }.count
        if errors == 0 {
            out(options.say(Bilingual(
                zh: "数据无误：\(result.households) 户，\(result.checks) 条检查记录，\(result.cadres) 名干部",
                en: "data is clean: \(result.households) households, \(result.checks) checks, \(result.cadres) cadres")))
        } else {
            warn(options.say(Bilingual(zh: "发现 \(errors) 个错误", en: "\(errors) error(s) found")))
            throw ExitCode(Exit.dataErr)
        }
    }
}
