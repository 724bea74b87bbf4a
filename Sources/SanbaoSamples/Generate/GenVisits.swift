// Visits of generated households: the schedule over the 12 months before `asOf`, the
// ordinary words of an uneventful visit, and the check ids (a `Visit` is shared with the
// demo, SampleVisit.swift).
import SanbaoCore

extension Visit {
    /// An uneventful visit. A full visit (the year's first and latest) looks at all six
    /// indicators; a routine one in between at one to three of them. (The demo's visits are
    /// `Visit.demo`: always all six, in the demo's own words and proportions.)
    static func ordinary(on date: LocalDate, full: Bool, rng: inout SampleRandom) -> Visit {
        var findings: [Indicator: Finding]
        if full {
            findings = allSix
        } else {
            findings = [:]
            for _ in 0..<rng.int(1...3) { findings[rng.pick(Indicator.allCases)] = Finding() }
        }
        var v = Visit(date: date, minute: rng.int(12...107) * 5, findings: findings)
        let season = GenSeason(date)
        if rng.chance(55) { v.note = rng.pick(season.notes) }
        if rng.chance(22) { v.measures = [rng.pick(season.measures)] }
        if rng.chance(25) { v.find(.foodClothing, nil, rng.pick(["口粮充足，衣被齐全", "存粮够吃到明年夏收", "换季衣物、被褥齐全"])) }
        if rng.chance(8) {
            v.confirmed = false
            v.note += "户主外出，未签字。"
        }
        return v
    }
}

/// When a household is visited in the 12 months before `asOf`.
enum GenVisitPlan {
    /// Every two to three months; the latest visit within 25 days of `asOf`.
    case regular
    /// As regular, but the latest visit was 35-120 days before `asOf`: overdue.
    case overdue
    /// No visit recorded at all.
    case never

    /// Visit dates, oldest first. `atLeast` visits when the plan has any.
    func dates(asOf: LocalDate, atLeast: Int, rng: inout SampleRandom) -> [LocalDate] {
        let last: LocalDate
        switch self {
        case .never: return []
        case .regular: last = asOf.adding(days: -rng.int(0...25))
        case .overdue: last = asOf.adding(days: -rng.int(35...120))
        }
        let want = max(atLeast, rng.weighted([(3, 30), (4, 42), (5, 28)]))
        let earliest = asOf.adding(days: -364)
        var out = [last]
        while out.count < want {
            let gap = out.count < atLeast ? rng.int(25...60) : rng.int(55...100)
            let d = out[out.count - 1].adding(days: -gap)
            // Stop at the start of the year, unless the situation needs more visits (its
            // short gaps keep even an overdue household's visits inside the year).
            if d < earliest && out.count >= atLeast { break }
            out.append(d)
        }
        return Array(out.reversed())
    }
}

/// What a cadre talks about and agrees on in each part of the farming year.
struct GenSeason {
    let notes: [String]
    let measures: [String]

    init(_ date: LocalDate) {
        let next = date.month >= 8 ? date.year + 1 : date.year
        switch date.month {
        case 12, 1:
            notes = ["年终走访，核算全年收入。", "核对家庭成员和收入台账，无变化。", "了解冬季取暖和口粮储备。"]
            measures = ["申请冬季取暖补助", "落实来年产业到户计划"]
        case 2...4:
            notes = ["春耕前走访，了解种子化肥准备。", "登记今年外出务工去向。", "宣讲小额信贷政策。"]
            measures = ["协调发放地膜 2 捆", "登记参加春季劳务输转", "联系农技员指导种薯切块"]
        case 5...7:
            notes = ["查看中药材和马铃薯长势。", "务工人员在外情况稳定。", "汛期前查看房屋安全，无异常。"]
            measures = ["联系农技员指导病虫害防治", "提醒汛期注意房屋和水窖安全"]
        case 8...10:
            notes = ["秋收前走访，马铃薯长势良好。", "宣讲 \(next) 年度医保缴费政策。", "了解秋季开学情况。"]
            measures = ["协助联系马铃薯收购商", "提醒按时缴纳 \(next) 年度医保"]
        default:
            notes = ["入冬前查看取暖、被褥和口粮。", "核对全年收入，宣讲冬季防火。", "\(next) 年度医保已缴清。"]
            measures = ["落实冬季取暖煤", "协助在线缴纳 \(next) 年度医保"]
        }
    }
}

/// Turns visits into checks with unique ids shaped like the ones Sanbao writes
/// (visit date and eight hex digits).
struct GenCheckIDs {
    private var counter: UInt32 = 0
    let key: UInt32

    init(seed: UInt64) {
        key = UInt32(truncatingIfNeeded: SampleRandom.mix(seed ^ 0x4348_4543_4B53))   // "CHECKS"
    }

    mutating func next(on date: LocalDate) -> String {
        counter &+= 1
        return SampleText.compact(date) + "-" + SampleText.hex8(SampleText.permute(counter, key: key))
    }

    mutating func checks(of h: Household, _ visits: [Visit]) -> [Check] {
        var out: [Check] = []
        out.reserveCapacity(visits.count)
        for v in visits {
            out.append(v.check(id: next(on: v.date), of: h, supersedes: out.last?.id))
        }
        return out
    }
}
