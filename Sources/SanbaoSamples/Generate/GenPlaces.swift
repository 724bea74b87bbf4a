// Places of generated data: counties and townships of Dingxi and Baiyin (the Liupanshan
// area of Gansu), real villages where domain.md names them, and villages with synthetic
// names and valid-shaped 12-digit codes everywhere else.
import SanbaoCore

/// A county and its townships, in the order the generator fills them.
struct GenCounty {
    let code: String
    let name: String
    let city: String
    /// What villagers call the group inside a village: 组 in Dingxi, often 社 in Baiyin.
    let groupWord: String
    let townships: [GenTownship]
}

struct GenTownship {
    /// Three digits: 1xx towns (镇), 2xx townships (乡).
    let code: String
    let name: String
    /// Real villages (three-digit code, name), filled before any synthetic one.
    let villages: [(code: String, name: String)]

    init(_ code: String, _ name: String, villages: [(code: String, name: String)] = []) {
        self.code = code
        self.name = name
        self.villages = villages
    }
}

/// One village of the generated data: its address (without the group) and its size.
struct GenVillage {
    let countyIndex: Int
    let county: GenCounty
    let townshipName: String
    let code: String
    let name: String
    let groups: [String]
    let households: Int
}

enum GenPlaces {
    /// Counties, real codes (GB/T 2260). Only the township codes of 榜罗镇 (621121103) and
    /// 田家河乡 (621123210) and their named villages are real; the other township codes
    /// and all other villages are synthetic, shaped like real ones.
    static let counties: [GenCounty] = [
        GenCounty(code: "621121", name: "通渭县", city: "定西市", groupWord: "组", townships: [
            GenTownship("103", "榜罗镇", villages: [("201", "文峰村"), ("202", "岔口村"), ("203", "孟川村"),
                                                   ("204", "大庄村"), ("205", "双峰村"), ("206", "积麻村")]),
            GenTownship("100", "平襄镇"), GenTownship("101", "马营镇"), GenTownship("102", "鸡川镇"),
            GenTownship("104", "常家河镇"), GenTownship("105", "义岗川镇"), GenTownship("106", "陇阳镇"),
            GenTownship("107", "陇山镇"), GenTownship("108", "碧玉镇"), GenTownship("109", "襄南镇"),
            GenTownship("110", "华家岭镇"), GenTownship("200", "新景乡"), GenTownship("201", "第三铺乡"),
        ]),
        GenCounty(code: "621123", name: "渭源县", city: "定西市", groupWord: "组", townships: [
            GenTownship("210", "田家河乡", villages: [("202", "元古堆村"), ("203", "田家河村")]),
            GenTownship("100", "清源镇"), GenTownship("101", "莲峰镇"), GenTownship("102", "会川镇"),
            GenTownship("103", "五竹镇"), GenTownship("104", "路园镇"), GenTownship("105", "北寨镇"),
            GenTownship("106", "新寨镇"), GenTownship("107", "麻家集镇"), GenTownship("200", "峡城乡"),
        ]),
        GenCounty(code: "621102", name: "安定区", city: "定西市", groupWord: "社", townships: [
            GenTownship("101", "凤翔镇"), GenTownship("102", "鲁家沟镇"), GenTownship("201", "青岚山乡"),
            GenTownship("103", "内官营镇"), GenTownship("104", "巉口镇"), GenTownship("105", "香泉镇"),
            GenTownship("106", "西巩驿镇"), GenTownship("107", "李家堡镇"), GenTownship("108", "称钩驿镇"),
            GenTownship("202", "石峡湾乡"),
        ]),
        GenCounty(code: "620422", name: "会宁县", city: "白银市", groupWord: "社", townships: [
            GenTownship("100", "会师镇"), GenTownship("101", "四房吴镇"), GenTownship("102", "刘家寨子镇"),
            GenTownship("103", "郭城驿镇"), GenTownship("104", "河畔镇"), GenTownship("105", "甘沟驿镇"),
            GenTownship("106", "中川镇"), GenTownship("107", "太平店镇"), GenTownship("108", "头寨子镇"),
            GenTownship("109", "大沟镇"), GenTownship("110", "柴家门镇"), GenTownship("111", "汉岔镇"),
            GenTownship("112", "丁家沟镇"), GenTownship("113", "土门岘镇"), GenTownship("200", "八里湾乡"),
        ]),
        GenCounty(code: "621122", name: "陇西县", city: "定西市", groupWord: "组", townships: [
            GenTownship("100", "巩昌镇"), GenTownship("101", "文峰镇"), GenTownship("102", "首阳镇"),
            GenTownship("103", "菜子镇"), GenTownship("104", "福星镇"), GenTownship("105", "通安驿镇"),
            GenTownship("106", "云田镇"), GenTownship("107", "碧岩镇"), GenTownship("108", "马河镇"),
            GenTownship("200", "和平乡"),
        ]),
        GenCounty(code: "621124", name: "临洮县", city: "定西市", groupWord: "社", townships: [
            GenTownship("100", "洮阳镇"), GenTownship("101", "八里铺镇"), GenTownship("102", "新添镇"),
            GenTownship("103", "辛店镇"), GenTownship("104", "太石镇"), GenTownship("105", "中铺镇"),
            GenTownship("106", "峡口镇"), GenTownship("107", "龙门镇"), GenTownship("108", "窑店镇"),
            GenTownship("200", "上营乡"),
        ]),
        GenCounty(code: "621126", name: "岷县", city: "定西市", groupWord: "社", townships: [
            GenTownship("100", "岷阳镇"), GenTownship("101", "蒲麻镇"), GenTownship("102", "西寨镇"),
            GenTownship("103", "梅川镇"), GenTownship("104", "西江镇"), GenTownship("105", "闾井镇"),
            GenTownship("106", "十里镇"), GenTownship("107", "茶埠镇"), GenTownship("108", "中寨镇"),
        ]),
        GenCounty(code: "620421", name: "靖远县", city: "白银市", groupWord: "社", townships: [
            GenTownship("100", "乌兰镇"), GenTownship("101", "东湾镇"), GenTownship("102", "北湾镇"),
            GenTownship("103", "糜滩镇"), GenTownship("104", "刘川镇"), GenTownship("105", "北滩镇"),
            GenTownship("106", "五合镇"), GenTownship("200", "双龙乡"),
        ]),
    ]

    static let placeSurnames = ["李", "王", "张", "刘", "陈", "杨", "赵", "马", "何", "牛", "常", "魏", "岳", "苟",
                                "汪", "冯", "潘", "蔡", "段", "郭", "高", "孙", "胡", "任", "石", "包", "罗", "景",
                                "董", "雒"]
    static let landforms = ["岔", "湾", "河", "沟", "坪", "川", "塬", "岘", "峪", "庄", "咀", "山", "台", "堡", "店",
                            "集", "峡", "梁", "滩", "寨"]
    static let prefixes = ["新", "红", "东", "西", "南", "北", "上", "下", "前", "后", "大", "小", "高", "长", "双",
                           "三", "五", "青", "柳", "杏"]

    /// A village name of the loess hills: 李家岔村, 红岘村. Not one already in `taken`.
    static func villageName(taken: inout Set<String>, rng: inout SampleRandom) -> String {
        for _ in 0..<40 {
            let name = rng.chance(60)
                ? rng.pick(placeSurnames) + "家" + rng.pick(landforms) + "村"
                : rng.pick(prefixes) + rng.pick(landforms) + "村"
            if taken.insert(name).inserted { return name }
        }
        var n = 2
        while true {
            let name = rng.pick(placeSurnames) + "家" + rng.pick(landforms) + SampleText.chinese(n) + "村"
            if taken.insert(name).inserted { return name }
            n += 1
        }
    }

    /// Villages holding `households` households in all: the real ones first, then
    /// synthetic villages township by township and county by county. Each village has
    /// 100-1,000 households (the last may be smaller when little is left) and 4-8 groups.
    static func plan(households total: Int, seed: UInt64) -> [GenVillage] {
        var rng = SampleRandom(seed: seed, salt: 0x504C_4143_4553, index: 0)   // "PLACES"
        var out: [GenVillage] = []
        var left = total
        var round = 0
        while left > 0 {
            precondition(round < 35, "the place table runs out above ~40 million households")
            for (ci, county) in counties.enumerated() where left > 0 {
                var taken = Set<String>()
                for (ti, township) in county.townships.enumerated() where left > 0 {
                    // Later rounds (more than ~1.2 million households) add townships with
                    // synthetic codes 3xx and names.
                    let code3 = round == 0 ? township.code : SampleText.pad(300 + (round - 1) * 20 + ti, 3)
                    let name = round == 0 ? township.name
                        : String(villageName(taken: &taken, rng: &rng).dropLast()) + "乡"
                    let synthetic = rng.int(10...24)
                    let real = round == 0 ? township.villages : []
                    for k in 0..<(real.count + synthetic) where left > 0 {
                        let size = villageSize(left: left, rng: &rng)
                        left -= size
                        let (vcode, vname): (String, String)
                        if k < real.count {
                            (vcode, vname) = real[k]
                            taken.insert(vname)
                        } else {
                            vcode = SampleText.pad(real.isEmpty ? 200 + k + 1 : 200 + 10 + k, 3)
                            vname = villageName(taken: &taken, rng: &rng)
                        }
                        let groupCount = min(8, max(4, size / 60 + rng.int(0...3)))
                        let groups = (1...groupCount).map { SampleText.chinese($0) + county.groupWord }
                        out.append(GenVillage(countyIndex: ci, county: county, townshipName: name,
                                              code: county.code + code3 + vcode, name: vname,
                                              groups: groups, households: size))
                    }
                }
            }
            round += 1
        }
        return out
    }

    /// Mostly 180-600 households, now and then anything from 100 to 1,000; the rest
    /// when what is left would make a village of fewer than 100.
    static func villageSize(left: Int, rng: inout SampleRandom) -> Int {
        let draw = rng.chance(20) ? rng.int(100...1000) : rng.int(180...600)
        if left - draw < 100 { return left <= 1000 ? left : left - 100 }
        return draw
    }
}
