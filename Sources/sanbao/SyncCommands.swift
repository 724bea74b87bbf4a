import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore
import SanbaoTUI

/// Opens the store for writing, or exits with the store's code.
func openForWriting(_ options: GlobalOptions, loading: Store.Loading = .everything) throws -> Store {
    let store: Store
    do { store = try Store(layout: options.layout, write: true, loading: loading) } catch { throw fail(error, options) }
    for n in store.notices { warn("sanbao: " + options.say(n)) }
    return store
}

/// `sanbao edit ID FIELD=VALUE ...`: changes household data, one durable edit per field.
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("修改一户的资料（作为修改记录保存，逐项合并）。", "Change fields of a household record (kept as edits, merged field by field)."),
        discussion: L("值能按 JSON 解析时按 JSON，否则按文字：phone=13912345678、type=minimum_living、members[3].school=dropped_out、members[2].insured=true、housing='{\"grade\":\"C\",\"renovation\":\"in_progress\",\"relocated\":false}'。", """
        VALUE is JSON when it parses as JSON, else text: phone=13912345678, type=minimum_living, \
        members[3].school=dropped_out, members[2].insured=true, \
        housing='{"grade":"C","renovation":"in_progress","relocated":false}'.
        """))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(L("户编号、户号，或其末尾几位（只对应一户时）。", "Household id, household number, or the end of either when it names one household."), valueName: "ID"))
    var household: String

    @Argument(help: ArgumentHelp(L("字段=值。", "Field assignments."), valueName: "FIELD=VALUE"))
    var assignments: [String]

    @OptionGroup var editor: EditorOption

    func run() throws {
        let store = try openForWriting(options)
        defer { store.close() }
        let current = try resolveHousehold(household, in: store.dataset, options)
        var parsed: [(String, JSONValue)] = []
        for a in assignments {
            guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
                warn("sanbao: " + options.say(Bilingual(zh: "“\(a)”应写成 字段=值", en: "\"\(a)\" should be FIELD=VALUE")))
                throw ExitCode(Exit.usage)
            }
            let field = String(a[..<eq])
            if let p = HouseholdEdit.fieldProblem(field) { warn("sanbao: " + options.say(p)); throw ExitCode(Exit.usage) }
            parsed.append((field, try EditValue.parse(String(a[a.index(after: eq)...]), field: field, current: current)))
        }
        // Recorded with each edit, so a conflict says whose change it was, not only which device's.
        let cadreID = try editor.cadreID(for: current, in: store, options)
        // All assignments or none: one refused value saves none of the others.
        do {
            let edits = try store.edit(householdID: current.id, changes: parsed.map { (field: $0.0, value: $0.1) }, cadreID: cadreID)
            for e in edits { out(e.id) }
        } catch {
            throw fail(error, options)
        }
    }
}

enum EditValue {
    /// JSON when it parses and the field is not text; text otherwise (a phone number
    /// stays a string even though it looks like a number).
    static func parse(_ text: String, field: String, current: Household) throws -> JSONValue {
        let json = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
        let isText = ["phone", "number"].contains(field) || field.hasSuffix(".name") || field.hasSuffix(".id_number")
        if let json, !isText { return json }
        return .string(text)
    }
}

/// `sanbao bundle -o FILE`: everything (or one cadre's households) for another device.
struct MakeBundle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle", abstract: L("把全部数据（或一名干部的户）写成一个 JSON 数据包，给另一台设备。", "Write all data (or one cadre's households) into one JSON bundle for another device."))

    @OptionGroup var options: GlobalOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(L("要写的数据包文件。", "Bundle file to write."), valueName: "FILE"))
    var output: String

    @Option(help: ArgumentHelp(L("只含这名干部帮扶的户。", "Only households paired with this cadre."), valueName: "NAME"))
    var cadre: String?

    @Flag(help: ArgumentHelp(L("文件已存在时覆盖。", "Replace FILE if it exists.")))
    var force = false

    @Flag(help: ArgumentHelp(L("用口令加密数据包（不回显地询问，或取 $SANBAO_PASSPHRASE）。", "Seal the bundle with a passphrase (asked without echo, or $SANBAO_PASSPHRASE).")))
    var encrypt = false

    func run() throws {
        let store: Store
        do { store = try Store(layout: options.layout, write: false) } catch { throw fail(error, options) }
        warnProblems(store.errors(validatedOn: options.date), options)
        var ids: Set<String>?
        if let cadre {
            ids = store.dataset.cadreIDs(matching: cadre)
            if ids!.isEmpty {
                warn("sanbao: " + options.say(Bilingual(zh: "没有名为“\(cadre)”的干部", en: "no cadre named \"\(cadre)\"")))
                throw ExitCode(Exit.usage)
            }
        }
        let file = OutputFile(output, replacing: force)
        do { try file.check() } catch { throw fail(error, options) }
        let passphrase = encrypt ? try Passphrase.forSealing(options) : nil
        let bundle = store.bundle(cadreIDs: ids)
        do {
            if let passphrase {
                try file.write(try SealedBundle.seal(try bundle.encodedOnAllCores(), passphrase: passphrase))
            } else {
                // Written as it is made: a county's bundle is never held whole.
                try file.write(pieces: { put in try bundle.encodedOnAllCores(put) })
            }
        } catch { throw fail(error, options) }
        out(options.say(Bilingual(
            zh: "已写入\(encrypt ? "加密的" : "") \(output)：\(bundle.households.count) 户，\(bundle.checks.count) 条检查，\(bundle.edits.count) 条修改",
            en: "wrote \(encrypt ? "sealed " : "")\(output): \(bundle.households.count) households, \(bundle.checks.count) checks, \(bundle.edits.count) edits")))
        finish(holding: store)
    }
}

/// `sanbao import FILE`: merges a bundle, all or nothing.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("合并另一台设备的数据包；要么全部导入，要么都不导入；导入两次不会重复。", "Merge a bundle from another device. All or nothing; importing twice changes nothing."))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(L("数据包文件。", "Bundle file."), valueName: "FILE"))
    var file: String

    func run() throws {
        var data: Data
        do { data = try InputFile.read(file) } catch { throw fail(error, options) }
        if SealedBundle.isSealed(data) {
            let passphrase = try Passphrase.forOpening(file, options)
            do { data = try SealedBundle.open(data, passphrase: passphrase, name: file) } catch {
                warn(options.say(Bilingual(zh: "未导入任何内容", en: "nothing was imported")))
                throw fail(error, options)
            }
        }
        // A missing directory is 66, never created here: a mistyped --data would start a
        // second data set. A new device starts with sanbao init.
        let store = try openForWriting(options)
        defer { store.close() }
        let before = store.conflicts.count
        let plan: MergePlan
        do { plan = try store.importBundle(data, name: file, today: options.date) } catch {
            // A clash says itself that nothing was imported; a write cut short imported a part.
            switch error {
            case StoreError.identityClash, StoreError.interruptedImport: break
            default: warn(options.say(Bilingual(zh: "未导入任何内容", en: "nothing was imported")))
            }
            throw fail(error, options)
        }
        for n in plan.notes { warn("sanbao: " + options.say(n)) }
        out(options.say(Bilingual(
            zh: "导入 \(plan.households.count) 户，\(plan.checks.count) 条检查，\(plan.edits.count) 条修改，\(plan.cadres.count) 名干部",
            en: "imported \(plan.households.count) households, \(plan.checks.count) checks, \(plan.edits.count) edits, \(plan.cadres.count) cadres")))
        let now = store.conflicts.count
        if now > before {
            out(options.say(Bilingual(zh: "新增 \(now - before) 处冲突，两边的值都已保留；用 sanbao conflicts 查看",
                                        en: "\(now - before) new conflict(s), both values kept; see sanbao conflicts")))
        }
        finish(holding: store)
    }
}

/// The first roster taken in on a new laptop goes into an empty (or absent) directory:
/// it becomes a new data directory with its own device id (as `sanbao init` makes).
func createIfEmpty(_ layout: DataLayout) throws {
    guard !FileManager.default.fileExists(atPath: layout.path(DataLayout.manifest)), DatasetWriter.isBlank(layout) else { return }
    try DatasetWriter(layout: layout).create(Dataset(), manifest: newDeviceManifest())
}

/// A new data directory's manifest: its own device id, so its records merge with others'.
func newDeviceManifest() -> Manifest {
    Manifest(deviceID: "dev-" + String(UInt32.random(in: 0...UInt32.max), radix: 16), created: Store.isoNow())
}

/// `sanbao conflicts [resolve N --keep K | --value V]`.
struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("列出两台设备都改过的字段（冲突），或解决其中一处。", "List fields changed on two devices, or resolve one."),
        discussion: L("sanbao conflicts 列出冲突并编号；sanbao conflicts resolve 1 --keep 2 保留第 1 处冲突的第二个值。", "sanbao conflicts lists them, numbered; sanbao conflicts resolve 1 --keep 2 keeps the second value of conflict 1."))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(L("resolve N：解决第 N 处冲突。", "'resolve N' to settle conflict N."), valueName: "resolve N"))
    var words: [String] = []

    @Option(help: ArgumentHelp(L("保留冲突的第 K 个值（按列表中的编号）。", "Keep value K of the conflict (as numbered in the listing)."), valueName: "K"))
    var keep: Int?

    @Option(help: ArgumentHelp(L("改用这个值解决冲突（JSON 或文字）。", "Settle the conflict with this value instead (JSON or text)."), valueName: "VALUE"))
    var value: String?

    func run() throws {
        if words.isEmpty { return try list() }
        guard words.count == 2, words[0] == "resolve", let n = Int(words[1]) else {
            warn("sanbao: " + options.say(Bilingual(zh: "用法：sanbao conflicts resolve N --keep K", en: "usage: sanbao conflicts resolve N --keep K")))
            throw ExitCode(Exit.usage)
        }
        let store = try openForWriting(options)
        defer { store.close() }
        let all = store.conflicts
        guard (1...max(1, all.count)).contains(n), n <= all.count else {
            warn("sanbao: " + options.say(Bilingual(zh: "没有第 \(n) 处冲突（共 \(all.count) 处）", en: "no conflict \(n) (there are \(all.count))")))
            throw ExitCode(Exit.usage)
        }
        let c = all[n - 1]
        let chosen: JSONValue
        if let keep, (1...c.heads.count).contains(keep) {
            chosen = c.heads[keep - 1].value
        } else if let value, let h = store.dataset.household(c.householdID) {
            chosen = try EditValue.parse(value, field: c.field, current: h)
        } else {
            warn("sanbao: " + options.say(Bilingual(zh: "请用 --keep 1..\(c.heads.count) 或 --value 指定保留的值",
                                                    en: "say which value to keep: --keep 1..\(c.heads.count) or --value")))
            throw ExitCode(Exit.usage)
        }
        do { try store.resolve(c, value: chosen) } catch { throw fail(error, options) }
        let h = store.dataset.household(c.householdID)
        let field = FieldDisplay.label(c.field, memberName: memberName(c.field, h)).text(options.language)
        let said = FieldDisplay.value(c.field, chosen, cadres: cadreNames(store.dataset)).text(options.language)
        out(options.say(Bilingual(zh: "已解决：\(c.householdID) \(field) = \(said)", en: "resolved: \(c.householdID) \(field) = \(said)")))
    }

    func list() throws {
        let store: Store
        do { store = try Store(layout: options.layout, write: false) } catch { throw fail(error, options) }
        warnProblems(store.errors(validatedOn: options.date), options)
        let all = store.conflicts
        if all.isEmpty { out(options.say(Bilingual(zh: "没有冲突", en: "no conflicts"))); return }
        let cadres = cadreNames(store.dataset)
        for (i, c) in all.enumerated() {
            let h = store.dataset.household(c.householdID)
            // The field and values in words (FieldDisplay), as history and the intake preview say them.
            let field = FieldDisplay.label(c.field, memberName: memberName(c.field, h)).text(options.language)
            outLine("\(i + 1). \(c.householdID) \(h?.head?.name ?? "")  \(field)")
            for (k, e) in c.heads.enumerated() {
                // Who changed it: the cadre recorded with the edit, else the device alone (older edits).
                let who = e.cadreID.flatMap { store.dataset.cadre($0)?.name }.map { " " + $0 } ?? ""
                let when = e.recordedAt.hasPrefix("0000") ? options.say(Bilingual(zh: "登记资料", en: "registration record")) : LocalTime.writtenToTheSecond(e.recordedAt)
                let mark = k == c.heads.count - 1 ? options.say(Bilingual(zh: "（当前生效）", en: " (in force)")) : ""
                let value = FieldDisplay.value(c.field, e.value, cadres: cadres).text(options.language)
                outLine("   [\(k + 1)] \(value)   \(options.say(Bilingual(zh: "来自", en: "from"))) \(e.deviceID)\(who)  \(when)\(mark)")
            }
        }
    }

    /// The member a `members[N].…` field is about, for its name in the field's words.
    func memberName(_ field: String, _ h: Household?) -> String? {
        HouseholdEdit.memberField(field).flatMap { h?.member($0.0)?.name }
    }

    func cadreNames(_ d: Dataset) -> [String: String] {
        Dictionary(d.cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
