import SanbaoCore
import SanbaoIntake
import SanbaoStore

/// What an intake says, as lines in both languages (texts from the catalog), for
/// `sanbao intake` to print and the app's intake screen to show: problems (all, or by
/// kind when there are many), exactly what would change, what the roster no longer
/// lists, and one summary line.
public struct IntakeReport: Sendable {
    public let name: String
    public let sheet: String?

    public init(name: String, sheet: String?) {
        self.name = name
        self.sheet = sheet
    }

    /// Up to this many problems are listed one by one; more are summarised by kind.
    public static let listedInFull = 30
    /// Rows shown for each kind in a summary.
    static let examplesPerKind = 3

    public func unknownColumns(_ roster: Roster) -> Bilingual? {
        roster.unknownColumns.isEmpty ? nil : UIText.intakeUnknownColumns(roster.unknownColumns)
    }

    func located(_ p: RosterProblem, indent: String = "") -> Bilingual {
        Bilingual(zh: indent + p.located(file: name, sheet: sheet, .zh), en: indent + p.located(file: name, sheet: sheet, .en))
    }

    /// Every problem, or by kind with the first rows of each when there are many; the
    /// last line says nothing was written.
    public func problems(_ problems: [RosterProblem]) -> [Bilingual] {
        var out: [Bilingual] = []
        if problems.count <= Self.listedInFull {
            out = problems.map { located($0) }
        } else {
            var byKind: [RosterProblem.Kind: [RosterProblem]] = [:]
            for p in problems { byKind[p.kind, default: []].append(p) }
            for kind in RosterProblem.Kind.allCases {
                guard let list = byKind[kind] else { continue }
                out.append(UIText.intakeProblemKind(kind.label, count: list.count))
                out += list.prefix(Self.examplesPerKind).map { located($0, indent: "  ") }
                if list.count > Self.examplesPerKind { out.append(UIText.intakeMoreProblems(list.count - Self.examplesPerKind)) }
            }
            out.append(UIText.intakeProblemsAdvice)
        }
        out.append(UIText.intakeRosterProblems)
        return out
    }

    /// Exactly what would change, household by household.
    public func changes(_ plan: IntakePlan) -> [Bilingual] {
        var out: [Bilingual] = []
        for h in plan.newHouseholds {
            out.append(UIText.intakeNewHousehold(h.id, head: h.head?.name ?? "", members: h.members.count))
        }
        for c in plan.changed {
            out.append(UIText.intakeChanged(c.householdID, head: c.head))
            for f in c.fields {
                out.append(Bilingual(zh: "  \(f.label.zh): \(f.old.zh) → \(f.new.zh)", en: "  \(f.label.en): \(f.old.en) → \(f.new.en)"))
            }
            out += c.membersAdded.map(UIText.intakeMemberAdded)
        }
        out += plan.newCadres.map { UIText.intakeNewCadre($0.name, unit: $0.unit) }
        return out
    }

    /// Households and members in the data that the roster no longer lists: never deleted.
    public func absentees(_ plan: IntakePlan) -> [Bilingual] {
        guard !plan.absent.isEmpty else { return [] }
        return [UIText.intakeAbsentHeading] + plan.absent.map { a in
            a.member.map { UIText.intakeAbsentMember(a.householdID, head: a.head, member: $0) }
                ?? UIText.intakeAbsentHousehold(a.householdID, head: a.head)
        }
    }

    /// `花名册.xlsx: 3 户（新增 3），9 人，干部 1 人；问题 0`.
    public func summary(_ roster: Roster, plan: IntakePlan?) -> Bilingual {
        UIText.intakeSummary(name, households: roster.householdCount,
                             counts: plan.map { ($0.newHouseholds.count, $0.changed.count, $0.unchanged) },
                             people: roster.memberRows, cadres: roster.content.cadres.count, problems: roster.problems.count)
    }

    /// The whole dry run: changes, absentees, and whether anything would be written.
    public func dryRun(_ plan: IntakePlan) -> [Bilingual] {
        changes(plan) + absentees(plan) + [plan.isEmpty ? UIText.intakeNothingToDo : UIText.intakeNothingWrittenYet]
    }
}
