import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore

/// `sanbao household add|set`: a household not in the data, or a change to one's facts.
struct HouseholdCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "household", abstract: L("增加数据中没有的户，或修改户的信息。", "Add a household that is not in the data, or change a household's facts."),
        subcommands: [Add.self, Set.self])

    /// `sanbao household add --village … --group … --head … --id-number …`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("增加一户及其户主；地址取自本村其他户。", "Add a household with its head. The address comes from the village's other households."))

        @OptionGroup var options: GlobalOptions
        @Option(help: ArgumentHelp(L("12 位村级区划代码。", "The 12-digit village code."))) var village: String
        @Option(help: ArgumentHelp(L("组（社），如 三组。", "Group (组/社), e.g. 三组."))) var group: String
        @Option(help: ArgumentHelp(L("户主姓名。", "Name of the head of household."))) var head: String
        @Option(help: ArgumentHelp(L("户主身份证号（据此得出生日期和性别）。", "The head's resident ID number (gives birth date and sex)."))) var idNumber: String?
        @Option(help: ArgumentHelp(L("没有身份证号时，户主的出生日期。", "The head's birth date, when there is no ID number."))) var birthDate: String?
        @Option(help: ArgumentHelp(L("没有身份证号时，户主的性别。", "The head's sex, when there is no ID number."))) var sex: String?
        @Option(help: ArgumentHelp(L("电话。", "Phone."))) var phone: String?
        @Option(help: ArgumentHelp(L("户类型：一般贫困户、低保贫困户、特困供养贫困户……", "Household type: 一般贫困户, 低保贫困户, 特困供养贫困户 …"))) var type: String?
        @Option(help: ArgumentHelp(L("主要致贫原因：因病、因学、缺劳力……", "Main poverty cause: 因病, 因学, 缺劳力 …"))) var cause: String?
        @Option(help: ArgumentHelp(L("户编号；默认本村下一个空号。", "Household number (户编号); default the village's next free one."))) var number: String?
        @Option(help: ArgumentHelp(L("帮扶干部姓名。", "Paired cadre's name."))) var cadre: String?

        func run() throws {
            let w = RecordWords(options: options)
            let store = try openForWriting(options)
            defer { store.close() }
            guard let neighbour = store.dataset.households.first(where: { $0.address.villageCode == village }) else {
                throw w.refuse(Bilingual(zh: "本机没有村代码为 \(village) 的户，无从得知地址（先导入该村的花名册）",
                                         en: "no household of village \(village) here to take the address from (take in its roster first)"),
                               code: Exit.dataErr)
            }
            var address = neighbour.address
            address.group = group
            let person = try headMember(w)
            let pairings = try cadre.map { name -> [Pairing] in
                guard let id = store.dataset.cadreIDs(matching: name).first else {
                    throw w.refuse(Bilingual(zh: "没有名为“\(name)”的干部（先用 sanbao cadre add 添加）", en: "no cadre named \"\(name)\" (add one with sanbao cadre add)"))
                }
                return [Pairing(cadreID: id, start: options.date)]
            } ?? []
            let h = Household(
                id: "", number: number ?? nextNumber(store.dataset.households), address: address, phone: phone ?? "",
                type: try type.map { try w.value($0, Wordings.householdType, what: Bilingual(zh: "户类型", en: "type")) } ?? .ordinaryPoor,
                causes: PovertyCauses(main: try cause.map { try w.value($0, Wordings.cause, what: Bilingual(zh: "致贫原因", en: "cause")) } ?? .other),
                status: PovertyStatus(), members: [person], pairings: pairings)
            do {
                let added = try store.addHousehold(h, today: options.date)
                out(options.say(Bilingual(zh: "已添加户 \(added.id)（户主 \(head)，户编号 \(added.number)）",
                                          en: "added household \(added.id) (head \(head), household number \(added.number))")))
            } catch { throw fail(error, options) }
        }

        func headMember(_ w: RecordWords) throws -> Member {
            if let idNumber {
                guard case .success(let id) = IDNumber.parse(idNumber, today: options.date) else {
                    if case .failure(let p) = IDNumber.parse(idNumber, today: options.date) { throw w.refuse(p.message, code: Exit.dataErr) }
                    throw ExitCode(Exit.dataErr)
                }
                return Member(id: 1, name: head, sex: id.sex, idNumber: id.value, birthDate: id.birthDate, relation: .head, insured: nil)
            }
            guard let birthDate, let sex else {
                throw w.refuse(Bilingual(zh: "没有身份证号时请给出 --birth-date 和 --sex", en: "without --id-number, give --birth-date and --sex"))
            }
            return Member(id: 1, name: head, sex: try w.value(sex, Wordings.sex, what: Bilingual(zh: "性别", en: "sex")),
                          birthDate: try w.date(birthDate, what: Bilingual(zh: "出生日期", en: "birth date")), relation: .head, insured: nil)
        }

        /// The village code and one more than the highest sequence of its numbers.
        func nextNumber(_ households: [Household]) -> String {
            RecordFields.nextNumber(village: village, taken: households.map(\.number))
        }
    }

    /// `sanbao household set ID key=value …`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("修改户的信息：phone=… type=低保贫困户 housing.grade=B housing.renovation=已重建……", "Change a household's facts: phone=… type=低保贫困户 housing.grade=B housing.renovation=已重建 …"))

        @OptionGroup var options: GlobalOptions
        @OptionGroup var editor: EditorOption
        @Argument(help: ArgumentHelp(L("户 ID 或户编号。", "Household id or number."), valueName: "ID")) var household: String
        @Argument(help: ArgumentHelp(L("要修改的字段。", "Fields to set."), valueName: "FIELD=VALUE")) var assignments: [String]

        func run() throws {
            let w = RecordWords(options: options)
            let changes = try w.assignments(assignments, RecordFields.household)
            let store = try openForWriting(options)
            defer { store.close() }
            let h = try w.household(household, in: store)
            // `housing.grade` changes one key of the housing record: the edit is of the whole
            // `housing`, as it stands with this key changed — as it stands in the current
            // facts, a visit's later observation included (a C-grade house observed on a
            // visit and now reinforced stays C grade).
            let current = h.facts(checks: store.checks(of: h.id), times: FactTimes(store.dataset.edits, of: h.id), on: options.date)
            let json = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(current))
            let edits = RecordFields.edits(changes.map { (key: $0.0.key, value: $0.1) }, current: json)
            // All fields or none: one refused value saves none of the others.
            let cadreID = try editor.cadreID(for: h, in: store, options)
            do { try store.edit(householdID: h.id, changes: edits.map { (field: $0.field, value: $0.value) }, cadreID: cadreID) } catch { throw fail(error, options) }
            // The fields in the words history says them in (FieldDisplay), not their keys.
            let said = changes.map { FieldDisplay.name($0.0.key) }
            out(options.say(Bilingual(zh: "已修改 \(h.id)：\(said.map(\.zh).joined(separator: "、"))",
                                      en: "changed \(h.id): \(said.map(\.en).joined(separator: ", "))")))
        }
    }
}
