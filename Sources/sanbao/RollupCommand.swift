import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoStore

/// `sanbao rollup a.json b.json … -o township.xlsx`: combines the summary JSON files of
/// several cadres or villages into one summary, in any output format.
struct Rollup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("把几名干部或几个村的 JSON 汇总合成一份乡镇汇总。", "Combine the JSON summaries of several cadres or villages into one township summary."),
        discussion: L("同一户出现在几个文件里时只保留一份：最近一次检查较晚的那份，并逐户列出（Clashes 表，或 --table clashes）。判定标准与第一个文件不同的文件会被标出。见 docs/export.md。", """
        A household found in several files is kept once: the record with the later latest check \
        wins, and each such household is listed (the Clashes sheet, or --table clashes). Files judged \
        with thresholds that differ from the first file's are flagged. See docs/export.md.
        """))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var out: OutputOptions

    @Argument(help: ArgumentHelp(L("由 sanbao export --format json 写出的汇总 JSON 文件。", "Summary JSON files written by sanbao export --format json."), valueName: "FILE"))
    var files: [String] = []

    func validate() throws {
        guard !files.isEmpty else {
            throw usage(Bilingual(zh: "请至少给出一个汇总 JSON 文件（sanbao export --format json 写出的）",
                                  en: "name at least one summary JSON file (written by sanbao export --format json)"), options)
        }
    }

    func run() throws {
        if out.table == .roster {
            // A roll-up combines summaries, which hold no members: there is no roster to write.
            warn("sanbao: " + options.say(Bilingual(zh: "汇总文件里没有成员名单，不能写花名册（--table roster 只用于 sanbao export）",
                                                    en: "summaries hold no members, so a roll-up has no roster (--table roster is for sanbao export)")))
            throw ExitCode(Exit.usage)
        }
        let (format, render) = try out.resolve(options)
        try out.refuseOverwrite(options)
        var inputs: [(name: String, data: Data)] = []
        for file in files {
            do { inputs.append((file, try InputFile.read(file))) } catch { throw fail(error, options) }
        }
        let report: SummaryReport
        let data: Data
        do {
            report = try SanbaoExport.Rollup.combine(files: inputs, generatedAt: Store.isoNow(), fullIDs: out.fullIds)
            data = try report.render(format, options: render)
        } catch let e as ExportError {
            warn("sanbao: " + options.say(e.message))
            throw ExitCode(e.isUsage ? Exit.usage : Exit.dataErr)
        } catch {
            warn("sanbao: \(error)")
            throw ExitCode(Exit.ioErr)
        }
        for w in report.warnings { warn("sanbao: " + options.say(w)) }
        try out.write(data, options)
        let c = report.counts
        out.report(Bilingual(
            zh: "已写入 \(out.output)：\(files.count) 个文件，\(c.households) 户，\(report.clashes.count) 户重复，\(report.thresholdMismatches.count) 个文件判定标准不同",
            en: "wrote \(out.output): \(files.count) files, \(c.households) households, \(report.clashes.count) in several files, \(report.thresholdMismatches.count) with different thresholds"),
            options)
    }
}
