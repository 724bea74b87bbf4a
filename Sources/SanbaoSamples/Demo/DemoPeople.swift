// People of the demo village: names, resident ID numbers, phone numbers and the family
// shapes the generator draws households from. A villager's defaults, birth dates and chronic
// patients are shared with the generator (SamplePeople.swift); names, ID numbers and family
// shapes stay the demo's own on purpose: its ages make the summary countable by hand, no
// name is given twice in the village, and Fixtures/demo pins every name and number, where
// the generator's (GenPeople.swift) draw from longer lists and number people per county.
import SanbaoCore

/// Chinese names as they are given in the loess hills: a few big surnames per group (a
/// group is often one clan) and given names that follow the fashion of the birth year.
enum DemoNames {
    /// Surnames common in Tongwei; the first of each group's list is its big clan.
    static func surnames(group: Int) -> [String] {
        let clans = ["王", "李", "张", "牛", "何"]
        let clan = clans[(group - 1) % clans.count]
        return [clan, clan, clan, "刘", "陈", "杨", "赵", "马", "常", "魏", "岳", "苟", "汪", "冯"]
    }

    static let allSurnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "牛", "何", "马", "常", "魏", "岳",
                              "苟", "汪", "冯", "潘", "蔡", "段", "令狐"]

    static func given(_ sex: Sex, born: LocalDate, rng: inout SampleRandom) -> String {
        switch (sex, born.year) {
        case (.male, ..<1966): rng.pick(["有福", "进财", "长生", "福元", "玉林", "金山", "德明", "万福", "守仁", "生荣"])
        case (.female, ..<1966): rng.pick(["秀英", "桂兰", "玉兰", "凤英", "淑珍", "菊花", "兰英", "翠兰", "桂花", "秀兰"])
        case (.male, ..<1986): rng.pick(["建国", "志明", "建军", "卫东", "海军", "永强", "红军", "志强", "国栋", "文斌", "小平", "小军"])
        case (.female, ..<1986): rng.pick(["红霞", "丽娟", "小燕", "海燕", "春梅", "亚萍", "晓霞", "彩霞", "玉梅", "爱琴", "芳芳"])
        case (.male, ..<2006): rng.pick(["鹏", "伟", "磊", "涛", "斌", "强", "小龙", "亮亮", "俊杰", "鹏飞", "宏伟", "旭东"])
        case (.female, ..<2006): rng.pick(["娟", "丽", "敏", "静", "婷婷", "倩", "燕妮", "佳佳", "丽丽", "小娟"])
        case (.male, _): rng.pick(["浩宇", "子轩", "宇航", "佳豪", "浩然", "博文", "梓睿", "俊熙", "一鸣", "家乐"])
        case (.female, _): rng.pick(["欣怡", "雨涵", "思琪", "梓涵", "佳怡", "一诺", "可欣", "雨萱", "诗涵", "梦瑶"])
        }
    }
}

/// Builds the members of one household, with resident ID numbers that pass GB 11643.
struct People {
    /// The household's sequence number in the village (1...99); it keeps ID numbers unique.
    let seq: Int

    /// County code + birth date + sequence (odd for men, even for women) + check character.
    /// The sequence comes from the household and member numbers, so no two demo people
    /// share an ID number even when born on the same day.
    func idNumber(born: LocalDate, sex: Sex, memberID: Int) -> String {
        let base = (seq * 20 + memberID * 2) % 996
        let order = base + (sex == .male ? 1 : 2)
        let first17 = DemoVillage.countyCode + SampleText.compact(born) + SampleText.pad(order, 3)
        return first17 + (IDNumber.checkCharacter(for: first17).map { String($0) } ?? "")
    }

    /// A member with the defaults of a rural household (`Member.villager`), enrolled in
    /// serious-illness insurance too. `configure` adjusts the rest.
    func member(_ id: Int, _ name: String, _ sex: Sex, _ born: LocalDate, _ relation: Relation,
                _ configure: (inout Member) -> Void = { _ in }) -> Member {
        .villager(id, name, sex, born, relation, idNumber: idNumber(born: born, sex: sex, memberID: id),
                  asOf: DemoVillage.asOf, seriousIllnessInsurance: true, configure)
    }
}

/// The shapes of household the generator draws from. The ages are chosen so that each
/// shape says for certain whether a child of compulsory-school age (6-15) lives there on
/// `DemoVillage.asOf`, which is what makes the summary countable by hand.
enum Family {
    /// One person of 72-86, usually widowed. No school-age child.
    case elderlyAlone
    /// A couple of 61-78. No school-age child.
    case elderlyCouple
    /// A couple in their fifties with grown children working away or at college. No school-age child.
    case adultChildren
    /// A couple in their thirties, a primary pupil of 7-11 and a preschooler of 3-5.
    case youngFamily
    /// Grandmother, couple, a junior-middle pupil of 12-14 and a senior-middle student of 16-17.
    case threeGenerations
    /// Written out by hand in a special household.
    case custom

    /// Whether the shape has a member aged 6-15 on `asOf`.
    var hasSchoolAgeChild: Bool { self == .youngFamily || self == .threeGenerations }

    /// The members of a household of this shape. `taken` holds the names already used
    /// in the village, so that a search for a name finds one person.
    func members(_ p: People, group: Int, taken: Set<String>, rng: inout SampleRandom) -> [Member] {
        var namer = Namer(surname: rng.pick(DemoNames.surnames(group: group)), taken: taken)
        switch self {
        case .elderlyAlone: return elderlyAlone(p, &namer, &rng)
        case .elderlyCouple: return elderlyCouple(p, &namer, &rng)
        case .adultChildren: return adultChildren(p, &namer, &rng)
        case .youngFamily: return youngFamily(p, &namer, &rng)
        case .threeGenerations: return threeGenerations(p, &namer, &rng)
        case .custom: return []
        }
    }

    private func elderlyAlone(_ p: People, _ n: inout Namer, _ rng: inout SampleRandom) -> [Member] {
        let sex: Sex = rng.chance(60) ? .female : .male
        let born = rng.born(age: 72...86)
        let sick = rng.chance(60)
        return [p.member(1, n.name(sex, born, &rng, ownSurname: sex == .female), sex, born, .head) {
            $0.labour = .lost
            if sick { $0.markChronic() }
        }]
    }

    private func elderlyCouple(_ p: People, _ n: inout Namer, _ rng: inout SampleRandom) -> [Member] {
        let hb = rng.born(age: 64...78), sb = rng.born(age: 61...75)
        let sickHead = rng.chance(50)
        return [
            p.member(1, n.name(.male, hb, &rng), .male, hb, .head) { if sickHead { $0.markChronic() } },
            p.member(2, n.name(.female, sb, &rng, ownSurname: true), .female, sb, .spouse) {
                if !sickHead { $0.markChronic() }
            },
        ]
    }

    private func adultChildren(_ p: People, _ n: inout Namer, _ rng: inout SampleRandom) -> [Member] {
        let hb = rng.born(age: 49...58), sb = rng.born(age: 47...56), cb = rng.born(age: 21...28)
        let months = rng.int(8...11), skilled = rng.chance(40), homeMonths = rng.int(0...4)
        var out = [
            p.member(1, n.name(.male, hb, &rng), .male, hb, .head) { $0.migrantMonths = homeMonths },
            p.member(2, n.name(.female, sb, &rng, ownSurname: true), .female, sb, .spouse),
            p.member(3, n.name(.male, cb, &rng), .male, cb, .son) {
                $0.migrantMonths = months
                $0.labour = skilled ? .skilled : .ordinary
            },
        ]
        if rng.chance(50) {
            let db = rng.born(age: 18...22)
            out.append(p.member(4, n.name(.female, db, &rng), .female, db, .daughter) {
                $0.school = .college
                $0.labour = .none
            })
        }
        return out
    }

    private func youngFamily(_ p: People, _ n: inout Namer, _ rng: inout SampleRandom) -> [Member] {
        let hb = rng.born(age: 31...40), sb = rng.born(age: 29...38)
        let pupil = rng.born(age: 7...11), small = rng.born(age: 3...5)
        let ps: Sex = rng.chance(50) ? .male : .female, ss: Sex = rng.chance(50) ? .male : .female
        let months = rng.int(6...10)
        return [
            p.member(1, n.name(.male, hb, &rng), .male, hb, .head) { $0.migrantMonths = months },
            p.member(2, n.name(.female, sb, &rng, ownSurname: true), .female, sb, .spouse),
            p.member(3, n.name(ps, pupil, &rng), ps, pupil, ps == .male ? .son : .daughter) { $0.school = .primary },
            p.member(4, n.name(ss, small, &rng), ss, small, ss == .male ? .son : .daughter) { $0.school = .preschool },
        ]
    }

    private func threeGenerations(_ p: People, _ n: inout Namer, _ rng: inout SampleRandom) -> [Member] {
        let hb = rng.born(age: 39...48), sb = rng.born(age: 37...46), gb = rng.born(age: 67...80)
        let junior = rng.born(age: 12...14), senior = rng.born(age: 16...17)
        let js: Sex = rng.chance(50) ? .male : .female, ss: Sex = rng.chance(50) ? .male : .female
        let months = rng.int(5...9), sickGran = rng.chance(50)
        return [
            p.member(1, n.name(.male, hb, &rng), .male, hb, .head) { $0.migrantMonths = months },
            p.member(2, n.name(.female, sb, &rng, ownSurname: true), .female, sb, .spouse),
            p.member(3, n.name(.female, gb, &rng, ownSurname: true), .female, gb, .parent) {
                $0.labour = .lost
                if sickGran { $0.markChronic() }
            },
            p.member(4, n.name(js, junior, &rng), js, junior, js == .male ? .son : .daughter) { $0.school = .juniorMiddle },
            p.member(5, n.name(ss, senior, &rng), ss, senior, ss == .male ? .son : .daughter) {
                $0.school = .seniorMiddle
                $0.subsidyReceived = true
                $0.labour = .none
            },
        ]
    }
}

/// Hands out names within one household: children take the head's surname, wives keep
/// their own, and no name already used in the village is given again.
struct Namer {
    let surname: String
    private var used: Set<String>

    init(surname: String, taken: Set<String> = []) {
        self.surname = surname
        self.used = taken
    }

    mutating func name(_ sex: Sex, _ born: LocalDate, _ rng: inout SampleRandom, ownSurname: Bool = false) -> String {
        var candidate = ""
        for _ in 0..<50 {
            let family = ownSurname ? rng.pick(DemoNames.allSurnames.filter { $0 != surname }) : surname
            candidate = family + DemoNames.given(sex, born: born, rng: &rng)
            if !used.contains(candidate) { break }
        }
        used.insert(candidate)
        return candidate
    }
}

extension SampleRandom {
    /// A birth date that makes the person some age in `age` on `DemoVillage.asOf`.
    mutating func born(age: ClosedRange<Int>) -> LocalDate {
        born(age: age, on: DemoVillage.asOf)
    }

    /// An 11-digit mobile number on a prefix used in Gansu. Not the generator's
    /// (`Generator.State.mobile`, more prefixes, one draw for the eight digits): the
    /// demo's numbers are pinned by Fixtures/demo.
    mutating func mobile() -> String {
        let prefix = pick(["139", "138", "137", "136", "135", "151", "152", "157", "158", "187", "188", "189", "180", "199", "177"])
        var digits = ""
        for _ in 0..<8 { digits += String(int(0...9)) }
        return prefix + digits
    }
}
