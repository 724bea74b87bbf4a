// People of generated households: names by birth era, resident ID numbers that pass
// GB 11643 and are unique, and the family shapes households are drawn from.
import SanbaoCore

enum GenNames {
    /// Surnames of the Liupanshan area, the commonest first.
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "马", "何", "牛", "常", "魏", "岳", "苟", "汪",
                           "冯", "潘", "蔡", "段", "郭", "高", "孙", "胡", "任", "石", "包", "罗", "景", "董", "雒",
                           "田", "吴", "周", "徐", "朱", "郑", "谢", "韩", "唐", "曹", "令狐", "尚", "漆", "南"]

    static let oldMale = ["有福", "进财", "长生", "福元", "玉林", "金山", "德明", "万福", "守仁", "生荣", "天才", "富贵",
                          "振江", "满仓", "老五", "成林", "正义", "世杰", "国忠", "学礼"]
    static let oldFemale = ["秀英", "桂兰", "玉兰", "凤英", "淑珍", "菊花", "兰英", "翠兰", "桂花", "秀兰", "改莲", "彩凤",
                            "金花", "玉珍", "梅香", "巧云", "莲叶", "喜梅"]
    static let midMale = ["建国", "志明", "建军", "卫东", "海军", "永强", "红军", "志强", "国栋", "文斌", "小平", "小军",
                          "军平", "治平", "晓东", "宏斌", "国华", "建平", "永红", "爱民", "学军", "继红"]
    static let midFemale = ["红霞", "丽娟", "小燕", "海燕", "春梅", "亚萍", "晓霞", "彩霞", "玉梅", "爱琴", "芳芳",
                            "红梅", "小红", "艳芳", "丽萍", "军霞", "淑萍", "改霞"]
    static let youngMale = ["鹏", "伟", "磊", "涛", "斌", "强", "小龙", "亮亮", "俊杰", "鹏飞", "宏伟", "旭东", "永杰",
                            "晓龙", "志鹏", "文龙", "建华", "军军", "彦军", "剑"]
    static let youngFemale = ["娟", "丽", "敏", "静", "婷婷", "倩", "燕妮", "佳佳", "丽丽", "小娟", "亚楠", "晓丽",
                              "娜娜", "玲", "莉莉", "雪"]
    static let childMale = ["浩宇", "子轩", "宇航", "佳豪", "浩然", "博文", "梓睿", "俊熙", "一鸣", "家乐", "梓豪", "宇轩",
                            "子豪", "皓轩", "铭泽", "天佑", "明轩", "嘉懿"]
    static let childFemale = ["欣怡", "雨涵", "思琪", "梓涵", "佳怡", "一诺", "可欣", "雨萱", "诗涵", "梦瑶", "紫涵",
                              "若曦", "语桐", "子涵", "欣妍", "梓萱"]

    static func given(_ sex: Sex, born year: Int, rng: inout SampleRandom) -> String {
        switch (sex, year) {
        case (.male, ..<1966): rng.pick(oldMale)
        case (.female, ..<1966): rng.pick(oldFemale)
        case (.male, ..<1986): rng.pick(midMale)
        case (.female, ..<1986): rng.pick(midFemale)
        case (.male, ..<2006): rng.pick(youngMale)
        case (.female, ..<2006): rng.pick(youngFemale)
        case (.male, _): rng.pick(childMale)
        case (.female, _): rng.pick(childFemale)
        }
    }
}

/// Hands out GB 11643 numbers: county code + birth date + a sequence (odd for men, even
/// for women) + check character. The sequence counts people of one county born on one
/// day, so no number is given twice (up to 499 people per county and day).
struct IDAllocator {
    private var next: [Int: Int] = [:]
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432".utf8)

    mutating func number(county: String, countyIndex: Int, born: LocalDate, sex: Sex) -> String {
        let key = countyIndex << 24 | (born.dayNumber + (1 << 22))
        let count = next[key, default: Int(SampleRandom.mix(UInt64(truncatingIfNeeded: key)) % 499)]
        next[key] = count + 1
        let order = count % 499
        let sequence = order * 2 + (sex == .male ? 1 : 2)
        var bytes = Array(county.utf8)
        bytes += Array(SampleText.compact(born).utf8)
        bytes += Array(SampleText.pad(sequence, 3).utf8)
        var sum = 0
        for (b, w) in zip(bytes, Self.weights) { sum += Int(b - 48) * w }
        bytes.append(Self.checkCharacters[sum % 11])
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Builds the members of one household.
struct GenPeople {
    let asOf: LocalDate
    var county = ""
    var countyIndex = 0
    /// One allocator for the whole dataset: keep a single `GenPeople` and change its county.
    var ids = IDAllocator()

    init(asOf: LocalDate) {
        self.asOf = asOf
    }

    /// A birth date that makes the person some age in `age` on `asOf`.
    func born(age: ClosedRange<Int>, _ rng: inout SampleRandom) -> LocalDate {
        rng.born(age: age, on: asOf)
    }

    /// A member with the defaults of a rural household (`Member.villager`). `configure` adjusts the rest.
    mutating func member(_ id: Int, _ name: String, _ sex: Sex, _ born: LocalDate, _ relation: Relation,
                         _ configure: (inout Member) -> Void = { _ in }) -> Member {
        .villager(id, name, sex, born, relation,
                  idNumber: ids.number(county: county, countyIndex: countyIndex, born: born, sex: sex), asOf: asOf,
                  configure)
    }
}

/// The shapes of household the generator draws from, as in the demo village.
enum GenFamily: CaseIterable {
    /// One person of 70-88, usually a widow.
    case elderlyAlone
    /// A couple of 62-80.
    case elderlyCouple
    /// A couple of 48-60 with a grown son working away and sometimes a daughter at college.
    case adultChildren
    /// A couple of 28-40, a primary pupil of 7-11 and often a preschooler of 3-5.
    case youngFamily
    /// Grandparent, couple, a junior-middle pupil of 12-14 and a senior student of 16-17.
    case threeGenerations

    static let weights: [(GenFamily, Int)] = [
        (.elderlyAlone, 11), (.elderlyCouple, 21), (.adultChildren, 22), (.youngFamily, 24), (.threeGenerations, 22),
    ]

    var elderly: Bool { self == .elderlyAlone || self == .elderlyCouple }

    /// The members; `surname` is the head's family name.
    func members(_ p: inout GenPeople, surname: String, rng: inout SampleRandom) -> [Member] {
        func name(_ sex: Sex, _ born: LocalDate, own: Bool = false, _ rng: inout SampleRandom) -> String {
            var family = surname
            if own {
                repeat { family = rng.pick(GenNames.surnames) } while family == surname
            }
            return family + GenNames.given(sex, born: born.year, rng: &rng)
        }
        func child(_ age: ClosedRange<Int>, _ school: SchoolStatus?, _ rng: inout SampleRandom) -> (Sex, LocalDate, Relation, String) {
            let sex: Sex = rng.chance(52) ? .male : .female
            let b = p.born(age: age, &rng)
            return (sex, b, sex == .male ? .son : .daughter, name(sex, b, &rng))
        }
        switch self {
        case .elderlyAlone:
            let sex: Sex = rng.chance(62) ? .female : .male
            let b = p.born(age: 70...88, &rng)
            let sick = rng.chance(60)
            return [p.member(1, name(sex, b, own: sex == .female, &rng), sex, b, .head) {
                $0.labour = .lost
                if sick { $0.markChronic() }
            }]
        case .elderlyCouple:
            let hb = p.born(age: 64...80, &rng), sb = p.born(age: 62...78, &rng)
            let sickHead = rng.chance(50), both = rng.chance(20)
            return [
                p.member(1, name(.male, hb, &rng), .male, hb, .head) { if sickHead || both { $0.markChronic() } },
                p.member(2, name(.female, sb, own: true, &rng), .female, sb, .spouse) { if !sickHead || both { $0.markChronic() } },
            ]
        case .adultChildren:
            let hb = p.born(age: 48...60, &rng), sb = p.born(age: 46...58, &rng)
            let homeMonths = rng.int(0...4)
            var out = [
                p.member(1, name(.male, hb, &rng), .male, hb, .head) { $0.migrantMonths = homeMonths },
                p.member(2, name(.female, sb, own: true, &rng), .female, sb, .spouse),
            ]
            let cb = p.born(age: 20...30, &rng)
            let months = rng.int(6...11), skilled = rng.chance(40)
            out.append(p.member(3, name(.male, cb, &rng), .male, cb, .son) {
                $0.migrantMonths = months
                $0.labour = skilled ? .skilled : .ordinary
            })
            if rng.chance(45) {
                let db = p.born(age: 18...22, &rng)
                out.append(p.member(4, name(.female, db, &rng), .female, db, .daughter) {
                    $0.school = .college
                    $0.labour = .none
                })
            }
            return out
        case .youngFamily:
            let hb = p.born(age: 30...40, &rng), sb = p.born(age: 28...38, &rng)
            let months = rng.int(4...10)
            var out = [
                p.member(1, name(.male, hb, &rng), .male, hb, .head) { $0.migrantMonths = months },
                p.member(2, name(.female, sb, own: true, &rng), .female, sb, .spouse),
            ]
            let (s1, b1, r1, n1) = child(7...11, .primary, &rng)
            out.append(p.member(3, n1, s1, b1, r1) { $0.school = .primary })
            if rng.chance(60) {
                let (s2, b2, r2, n2) = child(3...5, .preschool, &rng)
                out.append(p.member(4, n2, s2, b2, r2) { $0.school = .preschool })
            }
            return out
        case .threeGenerations:
            let hb = p.born(age: 39...48, &rng), sb = p.born(age: 37...46, &rng), gb = p.born(age: 66...82, &rng)
            let months = rng.int(5...9), sickGran = rng.chance(50), vocational = rng.chance(30)
            var out = [
                p.member(1, name(.male, hb, &rng), .male, hb, .head) { $0.migrantMonths = months },
                p.member(2, name(.female, sb, own: true, &rng), .female, sb, .spouse),
                p.member(3, name(.female, gb, own: true, &rng), .female, gb, .parent) {
                    $0.labour = .lost
                    if sickGran { $0.markChronic() }
                },
            ]
            let (s1, b1, r1, n1) = child(12...14, .juniorMiddle, &rng)
            out.append(p.member(4, n1, s1, b1, r1) { $0.school = .juniorMiddle })
            if rng.chance(70) {
                let (s2, b2, r2, n2) = child(16...17, .seniorMiddle, &rng)
                out.append(p.member(5, n2, s2, b2, r2) {
                    $0.school = vocational ? .vocational : .seniorMiddle
                    $0.subsidyReceived = true
                    $0.labour = .none
                })
            }
            return out
        }
    }
}
