import ArgumentParser
import SanbaoCore
import SanbaoSamples
import SanbaoStore

/// `sanbao generate DIR --households N`: realistic data at county scale, for measuring
/// speed (see docs/performance.md). Deterministic for the same N, seed and date.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write N generated households (many villages, cadres, a year of checks) into DIR, which must be empty or absent.",
        discussion: """
        The data is made up but shaped like a county's: villages of Dingxi and Baiyin, 100-1,000 households \
        each, cadres following 3-30 households, valid ID numbers, and the demo village's mix of situations. \
        The same N, --seed and --as-of always give the same records.
        """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Directory to create.", valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp("How many households.", valueName: "N"))
    var households: Int

    @Option(help: ArgumentHelp("Seed of the generator.", valueName: "S"))
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the data is as of: every check is on or before it (default: today).", valueName: "DATE"))
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
