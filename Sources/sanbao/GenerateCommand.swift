import ArgumentParser
import SanbaoCore
import SanbaoSamples
import SanbaoStore

/// `sanbao generate DIR --households N`: realistic data at county scale, for measuring
/// speed (see docs/performance.md). Deterministic for the same N, seed and date.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("把 N 户生成数据（多个村、干部、一年的检查）写入 DIR（须为空或不存在）。", "Write N generated households (many villages, cadres, a year of checks) into DIR, which must be empty or absent."),
        discussion: L("数据是编造的，但形同一个县：定西、白银的村，每村 100–1000 户，每名干部帮扶 3–30 户，身份证号有效，情况组合与示例村相同。相同的 N、--seed 和 --as-of 总是生成相同的记录。", """
        The data is made up but shaped like a county's: villages of Dingxi and Baiyin, 100-1,000 households \
        each, cadres following 3-30 households, valid ID numbers, and the demo village's mix of situations. \
        The same N, --seed and --as-of always give the same records.
        """))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(L("要创建的目录。", "Directory to create."), valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp(L("户数。", "How many households."), valueName: "N"))
    var households: Int

    @Option(help: ArgumentHelp(L("生成器的种子。", "Seed of the generator."), valueName: "S"))
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: ArgumentHelp(L("数据截至日期：所有检查都在这天或之前（默认今天）。", "The date the data is as of: every check is on or before it (default: today)."), valueName: "DATE"))
    var asOf: LocalDate?

    func validate() throws {
        guard households > 0 else { throw usage(Bilingual(zh: "--households 至少为 1", en: "--households must be at least 1"), options) }
    }

    func run() throws {
        let date = asOf ?? options.date
        let dataset = Generator.make(households: households, seed: seed, asOf: date)
        do {
            let manifest = Manifest(deviceID: "gen-" + String(seed, radix: 16), created: Store.isoNow())
            try DatasetWriter(layout: DataLayout(root: directory)).create(dataset, manifest: manifest)
        } catch {
            throw fail(error, options)
        }
        let villages = Set(dataset.households.map(\.address.villageCode)).count
        out(options.say(Bilingual(
            zh: "已生成 \(dataset.households.count) 户（\(villages) 个村，\(dataset.cadres.count) 名干部，\(dataset.checks.count) 条检查记录，截至 \(date)）：\(directory)",
            en: "generated \(dataset.households.count) households in \(directory) (villages: \(villages), cadres: \(dataset.cadres.count), checks: \(dataset.checks.count), as of \(date))")))
    }
}
