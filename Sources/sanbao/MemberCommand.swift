import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore

/// `sanbao member add|leave|set`: a family's changes, kept as edits (docs/cli.md).
struct MemberCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: L("登记家庭成员的增加、减少，或修改成员信息。", "Record a member who joins or leaves a household, or change a member's facts."),
        subcommands: [Add.self, Leave.self, Set.self])

    /// `sanbao member add ID --name … --relation … --sex … --birth-date …`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("增加成员（新生、娶入、迁入）。取值可用中文或英文。", "Add a member (a birth, a marriage, a move in). Values in Chinese or English."))

        @OptionGroup var options: GlobalOptions
        @OptionGroup var editor: EditorOption
        @Argument(help: ArgumentHelp(L("户 ID 或户编号。", "Household id or number."), valueName: "ID")) var household: String
        @Option(help: ArgumentHelp(L("姓名。", "Name (姓名)."))) var name: String
        @Option(help: ArgumentHelp(L("与户主关系：之子、之女、配偶……", "Relation to the head: 之子, 之女, 配偶, son, …"))) var relation: String
        @Option(help: ArgumentHelp(L("性别：男/女。", "Sex: 男/女, male/female."))) var sex: String
        @Option(help: ArgumentHelp(L("出生日期，如 2026-10-01。", "Birth date, 2026-10-01."))) var birthDate: String
        @Option(help: ArgumentHelp(L("居民身份证号。", "Resident ID number."))) var idNumber: String?
        @Option(help: ArgumentHelp(L("在校情况：小学、初中、学前教育……", "School status: 小学, 初中, 学前教育, …"))) var school: String?
        @Option(help: ArgumentHelp(L("健康状况：健康、长期慢性病、患有大病、残疾。", "Health: 健康, 长期慢性病, 患有大病, 残疾."))) var health: String?
        @Option(help: ArgumentHelp(L("是否参加基本医疗保险：是/否。", "Enrolled in basic medical insurance: 是/否."))) var insured: String?
        @Option(help: ArgumentHelp(L("增加原因：新生、娶入、迁入、其他。", "How the member joined: 新生 (born), 娶入 (married_in), 迁入 (moved_in), 其他."))) var reason: String?
        @Option(help: ArgumentHelp(L("增加日期（新生默认出生日期，其余默认今天）。", "Date the member joined (default: the birth date for a birth, else today)."))) var date: String?

        func run() throws {
            let w = RecordWords(options: options)
            let born = try w.date(birthDate, what: Bilingual(zh: "出生日期", en: "birth date"))
            var m = Member(id: 0, name: name, sex: try w.value(sex, Wordings.sex, what: Bilingual(zh: "性别", en: "sex")),
                           idNumber: idNumber, birthDate: born,
                           relation: try w.value(relation, Wordings.relation, what: Bilingual(zh: "与户主关系", en: "relation")),
                           health: try health.map { try w.value($0, Wordings.health, what: Bilingual(zh: "健康状况", en: "health")) } ?? .healthy,
                           labour: born.age(on: options.date) < 16 ? .none : .ordinary,
                           insured: try insured.map { try w.value($0, Wordings.yesNo, what: Bilingual(zh: "参加医保", en: "insured")) })
            if let school {
                let s = try w.value(school, Wordings.school, what: Bilingual(zh: "在校情况", en: "school"))
                m.school = s.status
                m.educationExemption = s.exemption
            }
            let why = try reason.map { try w.value($0, RecordFields.joinReason, what: Bilingual(zh: "加入原因", en: "reason")) }
                ?? (born.adding(days: 365) > options.date ? .born : .movedIn)
            let on = try date.map { try w.date($0, what: Bilingual(zh: "加入日期", en: "date")) } ?? (why == .born ? born : options.date)
            let store = try openForWriting(options)
            defer { store.close() }
            let h = try w.household(household, in: store)
            do {
                let added = try store.addMember(m, to: h.id, joined: MemberChange(reason: why, date: on),
                                                cadreID: try editor.cadreID(for: h, in: store, options))
                out(options.say(Bilingual(zh: "已添加 \(added.name)（\(why.label.zh) \(on)）到 \(h.id)",
                                          en: "added \(added.name) (\(why.label.en) \(on)) to \(h.id)")))
            } catch { throw fail(error, options) }
        }
    }

    /// `sanbao member leave ID NAME --reason … --date …`.
    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("登记成员减少（死亡、迁出、嫁出、参军、服刑）；记录保留。", "Record that a member left (died, moved away, married out, army, prison). The record stays."))

        @OptionGroup var options: GlobalOptions
        @OptionGroup var editor: EditorOption
        @Argument(help: ArgumentHelp(L("户 ID 或户编号。", "Household id or number."), valueName: "ID")) var household: String
        @Argument(help: ArgumentHelp(L("成员姓名，或 show 所列的序号。", "The member's name, or number as `show` lists it."), valueName: "MEMBER")) var member: String
        @Option(help: ArgumentHelp(L("减少原因：死亡、迁出、嫁出、参军、服刑、其他。", "Why: 死亡 died, 迁出 moved_away, 嫁出 married_out, 参军 army, 服刑 prison, 其他 other."))) var reason: String
        @Option(help: ArgumentHelp(L("减少日期（默认今天）。", "Date the member left (default today)."))) var date: String?

        func run() throws {
            let w = RecordWords(options: options)
            let why = try w.value(reason, RecordFields.leaveReason, what: Bilingual(zh: "减少原因", en: "reason"))
            let on = try date.map { try w.date($0, what: Bilingual(zh: "减少日期", en: "date")) } ?? options.date
            let store = try openForWriting(options)
            defer { store.close() }
            let h = try w.household(household, in: store)
            let m = try w.member(member, of: h)
            do {
                try store.memberLeaves(m.id, householdID: h.id, change: MemberChange(reason: why, date: on),
                                       cadreID: try editor.cadreID(for: h, in: store, options))
                out(options.say(Bilingual(zh: "已记录 \(m.name) \(why.label.zh)（\(on)）", en: "recorded \(m.name) \(why.label.en) (\(on))")))
            } catch { throw fail(error, options) }
        }
    }

    /// `sanbao member set ID NAME key=value …`.
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: L("修改成员信息：school=初中 insured=是 health=长期慢性病……（字段见 docs/cli.md）。", "Change a member's facts: school=初中 insured=是 health=长期慢性病 … (docs/cli.md lists the fields)."))

        @OptionGroup var options: GlobalOptions
        @OptionGroup var editor: EditorOption
        @Argument(help: ArgumentHelp(L("户 ID 或户编号。", "Household id or number."), valueName: "ID")) var household: String
        @Argument(help: ArgumentHelp(L("成员姓名，或 show 所列的序号。", "The member's name, or number as `show` lists it."), valueName: "MEMBER")) var member: String
        @Argument(help: ArgumentHelp(L("要修改的字段。", "Fields to set."), valueName: "FIELD=VALUE")) var assignments: [String]
        @Option(name: .customLong("old-head"), help: ArgumentHelp(L("换户主时，原户主的新关系（如 配偶、之父）；原户主已减少时不需要。",
                                                                    "When the head changes: the old head's new relation (配偶, 之父 …); not needed when the old head has left."),
                                                                  valueName: "RELATION"))
        var oldHead: String?

        func run() throws {
            let w = RecordWords(options: options)
            let changes = try w.assignments(assignments, RecordFields.member)
            let demoted = try oldHead.map { try w.value($0, Wordings.relation, what: Bilingual(zh: "原户主的关系", en: "the old head's relation")) }
            let store = try openForWriting(options)
            defer { store.close() }
            let h = try w.household(household, in: store)
            let m = try w.member(member, of: h, departed: true)
            // All fields or none: one refused value saves none of the others. A new head
            // and the old head's new relation are one change, so the one-head rule holds.
            var edits = changes.map { (field: "members[\(m.id)].\($0.0.key)", value: $0.1) }
            let becomesHead = changes.contains { $0.0.key == "relation" && $0.1 == .string(Relation.head.rawValue) }
            if becomesHead, demoted == nil, let old = h.otherHead(than: m.id, on: options.date) {
                throw w.refuse(Bilingual(zh: "\(old.name) 仍是户主：用 --old-head 写明其新关系，如 --old-head 配偶（已去世或迁出的，先用 member leave 登记）",
                                         en: "\(old.name) is still the head: give their new relation with --old-head, e.g. --old-head 配偶 (if they died or moved away, record that first with member leave)"),
                               code: Exit.dataErr)
            }
            if let demoted {
                guard let old = h.otherHead(than: m.id, on: options.date) else {
                    throw w.refuse(Bilingual(zh: "\(h.id) 没有别的在册户主，--old-head 无从修改", en: "\(h.id) has no other present head for --old-head to change"))
                }
                edits.append((field: "members[\(old.id)].relation", value: .string(demoted.rawValue)))
            }
            let cadreID = try editor.cadreID(for: h, in: store, options)
            do { try store.edit(householdID: h.id, changes: edits, cadreID: cadreID) } catch { throw fail(error, options) }
            // The fields in the words history says them in (FieldDisplay), not their keys.
            let said = changes.map { FieldDisplay.memberKey($0.0.key) }
            out(options.say(Bilingual(zh: "已修改 \(m.name)：\(said.map(\.zh).joined(separator: "、"))",
                                      en: "changed \(m.name): \(said.map(\.en).joined(separator: ", "))")))
        }
    }
}
