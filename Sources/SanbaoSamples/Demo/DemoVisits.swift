// Visits of the demo village: the visiting schedules, and the ordinary words a cadre
// writes on an uneventful visit (a `Visit` is shared with the generator, SampleVisit.swift).
import SanbaoCore

extension Visit {
    /// An uneventful demo visit: a seasonal note, now and then a measure agreed, usually
    /// signed. Not the generator's `ordinary(on:full:rng:)`: the demo's visits always look
    /// at all six indicators and draw in their own proportions and words, which
    /// Fixtures/demo pins byte for byte.
    static func demo(on date: LocalDate, rng: inout SampleRandom) -> Visit {
        let hour = rng.int(1...8)
        var v = Visit(date: date, minute: hour * 60 + rng.int(0...55, step: 5))
        let season = Season(date)
        v.note = rng.pick(season.notes)
        if rng.chance(35) { v.measures = [rng.pick(season.measures)] }
        if rng.chance(40) { v.find(.foodClothing, nil, rng.pick(["口粮充足，衣被齐全", "存粮够吃到明年夏收", "换季衣物、被褥齐全"])) }
        if rng.chance(8) {
            v.confirmed = false
            v.note += "户主外出，未签字确认。"
        }
        return v
    }
}

/// When households are visited. Windows are a few weeks wide so visits spread out.
enum VisitPlan {
    /// About every quarter, the last visit in November (within 30 days of `asOf`).
    case regular
    /// As regular, but nobody came after September: overdue on `asOf`.
    case overdue
    /// No visit recorded at all.
    case never
    /// Written out by hand in a special household.
    case custom

    func dates(rng: inout SampleRandom) -> [LocalDate] {
        let windows: [(String, String)] = [
            ("2025-12-02", "2025-12-28"), ("2026-02-23", "2026-04-17"), ("2026-05-06", "2026-07-10"),
            ("2026-08-03", "2026-09-25"), ("2026-11-02", "2026-11-24"),
        ]
        let used: [(String, String)]
        switch self {
        case .never, .custom: return []
        case .overdue: used = Array(windows.prefix(4))
        case .regular:
            // Some households skip one middle visit, as busy seasons go.
            let skip = rng.chance(30) ? rng.int(1...3) : -1
            used = windows.enumerated().filter { $0.offset != skip }.map(\.element)
        }
        return used.map { rng.date(from: DemoVillage.d($0.0), to: DemoVillage.d($0.1)) }
    }
}

/// What a cadre talks about and agrees on in each part of the farming year.
struct Season {
    let notes: [String]
    let measures: [String]

    init(_ date: LocalDate) {
        switch date.month {
        case 12, 1:
            notes = ["年终走访，核算全年收入，宣讲防返贫监测政策。", "年底入户，核对家庭成员和收入台账，无变化。",
                     "走访了解冬季取暖和口粮储备，家中已备足煤炭。"]
            measures = ["申请冬季取暖补助", "落实 2026 年产业到户计划"]
        case 2...4:
            notes = ["春耕前走访，了解种子、化肥、地膜准备情况。", "了解今年外出务工计划，登记务工去向。",
                     "宣讲小额信贷和产业到户政策。"]
            measures = ["协调发放地膜 2 捆", "登记参加春季劳务输转", "联系农技员指导马铃薯种薯切块"]
        case 5...7:
            notes = ["夏季走访，查看中药材和马铃薯长势。", "了解务工人员在外情况，收入稳定。",
                     "汛期前查看房屋安全，无异常。"]
            measures = ["联系农技员指导中药材病虫害防治", "提醒汛期注意房屋和水窖安全"]
        case 8...10:
            notes = ["秋收前走访，马铃薯长势良好。", "宣讲 2027 年度城乡居民医保缴费政策。",
                     "了解秋季开学和务工返乡情况。"]
            measures = ["协助联系马铃薯收购商", "提醒按时缴纳 2027 年度医保"]
        default:
            notes = ["入冬前走访，查看取暖、被褥和口粮储备。", "核对全年收入，宣讲冬季防火和煤烟中毒防范。",
                     "提醒缴纳 2027 年度城乡居民医保，户内已缴清。"]
            measures = ["落实冬季取暖煤", "协助在线缴纳 2027 年度医保"]
        }
    }
}
