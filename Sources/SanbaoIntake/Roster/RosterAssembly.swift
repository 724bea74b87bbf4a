import SanbaoCore

/// Member rows grouped into households: one head each, an ID number once in the file, the
/// household's fields from its head's row, its village from the code column or the
/// household number, its cadre matched to the data's by name and unit.
struct RosterAssembly {
    let reader: RosterReader
    let header: RosterHeader
    private(set) var households: [Household] = []
    private(set) var cadres: [Cadre] = []
    private(set) var problems: [RosterProblem] = []
    private(set) var stated: [String: StatedFields] = [:]
    private var statedSets: [Set<String>: Set<String>] = [:]
    private var cadreIDs: [String: String] = [:]

    init(reader: RosterReader, header: RosterHeader) {
        self.reader = reader
        self.header = header
    }

    mutating func assemble(_ lines: [RosterLine]) {
        // Lines by household as indices, not copies: a county's lines are hundreds of MB.
        var order: [String] = []
        var byNumber: [String: [Int]] = [:]
        for (k, line) in lines.enumerated() {
            if byNumber[line.householdNumber] == nil { order.append(line.householdNumber) }
            byNumber[line.householdNumber, default: []].append(k)
        }
        var idRows: [String: Int] = [:]
        for line in lines {
            guard let id = line.idNumber else { continue }
            if let first = idRows[id] {
                add(.duplicateIDNumber, line.row, .idNumber, Bilingual(zh: "身份证号 \(id) 与第 \(first) 行重复",
                                                                      en: "ID number \(id) also on row \(first)"))
            } else {
                idRows[id] = line.row
            }
        }
        households.reserveCapacity(order.count)
        for number in order {
            if let h = household(number, byNumber[number]!.map { lines[$0] }) { households.append(h) }
        }
    }

    mutating func add(_ kind: RosterProblem.Kind, _ row: Int, _ column: RosterColumn?, _ message: Bilingual) {
        problems.append(RosterProblem(kind, row: row, column: column.map(header.title), message))
    }

    mutating func household(_ number: String, _ rows: [RosterLine]) -> Household? {
        let heads = rows.filter { $0.relation == .head }
        if heads.isEmpty, rows.allSatisfy({ $0.relation != nil }) {
            for r in rows {
                add(.noHead, r.row, .relation, Bilingual(zh: "户 \(number) 没有户主（与户主关系 为“户主”的一行）",
                                                         en: "household \(number) has no head (a row whose 与户主关系 is 户主)"))
            }
        }
        for r in heads.dropFirst() {
            add(.twoHeads, r.row, .relation, Bilingual(zh: "户 \(number) 已有户主（第 \(heads[0].row) 行）",
                                                       en: "household \(number) already has a head (row \(heads[0].row))"))
        }
        let first = heads.first ?? rows[0]
        guard let address = address(number, rows, first) else { return nil }
        var members: [Member] = []
        for (i, r) in rows.enumerated() {
            if let m = member(i + 1, r) { members.append(m) }
        }
        guard heads.count == 1, members.count == rows.count else { return nil }
        let status = status(first)
        var causes = PovertyCauses(main: first.mainCause ?? .other, others: first.otherCauses ?? [])
        if causes.others.count > 2 {
            add(.tooManyCauses, first.row, .otherCauses, Bilingual(zh: "其他致贫原因最多两个，实有 \(causes.others.count) 个",
                                                                  en: "at most two other poverty causes, found \(causes.others.count)"))
            causes.others = Array(causes.others.prefix(2))
        }
        stated[number] = StatedFields(household: shared(Self.statedHousehold(rows, first)), members: rows.map { shared(Self.statedMember($0)) })
        return Household(
            id: Self.householdID(number: number, village: address.villageCode), number: number, address: address,
            phone: first.phone ?? rows.lazy.compactMap(\.phone).first ?? "", type: first.type ?? .ordinaryPoor,
            causes: causes, status: status, members: members, pairings: pairing(first).map { [$0] } ?? [])
    }

    /// One stored copy of each distinct set: nearly every row states the same columns, and
    /// a set per member of a county was a tenth of the intake's memory.
    mutating func shared(_ set: Set<String>) -> Set<String> {
        if let known = statedSets[set] { return known }
        statedSets[set] = set
        return set
    }

    static func statedHousehold(_ rows: [RosterLine], _ first: RosterLine) -> Set<String> {
        var out: Set<String> = []
        if rows.contains(where: { $0.phone != nil }) { out.insert("phone") }
        if first.type != nil { out.insert("type") }
        if first.mainCause != nil { out.insert("causes.main") }
        if first.otherCauses != nil { out.insert("causes.others") }
        if first.outOfPoverty != nil || first.outOfPovertyYear != nil { out.insert("status.out_of_poverty_year") }
        if first.monitoring != nil { out.insert("status.monitoring") }
        let places: [(RosterColumn, String)] = [(.province, "province"), (.city, "city"), (.county, "county"),
                                                (.township, "township"), (.village, "village"), (.group, "group")]
        for (c, key) in places where first.place(c) != nil { out.insert("address." + key) }
        if first.cadreName != nil { out.insert("pairings") }
        return out
    }

    static func statedMember(_ r: RosterLine) -> Set<String> {
        var out: Set<String> = ["name"]
        if r.relation != nil { out.insert("relation") }
        if r.idNumber != nil { out.formUnion(["id_number", "birth_date", "sex"]) }
        if r.birthDate != nil { out.insert("birth_date") }
        if r.sex != nil { out.insert("sex") }
        if r.school != nil { out.formUnion(["school", "education_exemption"]) }
        if r.health != nil { out.insert("health") }
        if r.disabilityGrade != nil { out.insert("disability_grade") }
        if r.labour != nil { out.insert("labour") }
        if r.migrantMonths != nil { out.insert("migrant_months") }
        if r.insured != nil { out.insert("insured") }
        if r.seriousIllnessInsurance != nil { out.insert("serious_illness_insurance") }
        return out
    }

    /// The id a household of the roster gets: its village code and the part of the
    /// household number after it (the national number is the village code and a
    /// sequence), so every device taking in the same roster makes the same id.
    static func householdID(number: String, village: String) -> String {
        let rest = number.hasPrefix(village) && number.count > village.count ? String(number.dropFirst(village.count)) : number
        return village + "-" + rest
    }

    mutating func address(_ number: String, _ rows: [RosterLine], _ first: RosterLine) -> Address? {
        let fromNumber = DivisionCode.problem(String(number.prefix(12))) == nil ? String(number.prefix(12)) : nil
        guard let code = first.villageCode ?? fromNumber else {
            if !first.villageCodeRefused {
                add(.badVillage, first.row, .householdNumber, Bilingual(
                    zh: "无法确定村：表中没有“行政区划代码”列，户编号 \(number) 也不以 12 位村代码开头",
                    en: "cannot tell the village: no 行政区划代码 column, and household number \(number) does not begin with a 12-digit village code"))
            }
            return nil
        }
        for r in rows where r.villageCode.map({ $0 != code }) ?? false {
            add(.householdSplit, r.row, .villageCode, Bilingual(zh: "同一户（\(number)）的村代码不同：\(r.villageCode!) 与 \(code)",
                                                                en: "one household (\(number)) in two villages: \(r.villageCode!) and \(code)"))
        }
        let known = reader.knownVillages[code]
        func name(_ c: RosterColumn, _ k: KeyPath<Address, String>) -> String { first.place(c) ?? known?[keyPath: k] ?? "" }
        let village = name(.village, \.village)
        if village.isEmpty {
            add(.badVillage, first.row, .village, Bilingual(zh: "村代码 \(code) 的村名未知：请加上“村”列（及省、市、县、乡镇）",
                                                           en: "the name of village \(code) is unknown: add a 村 column (and 省, 市, 县, 乡镇)"))
            return nil
        }
        return Address(province: name(.province, \.province), city: name(.city, \.city), county: name(.county, \.county),
                       township: name(.township, \.township), village: village, group: name(.group, \.group), villageCode: code)
    }

    mutating func member(_ id: Int, _ r: RosterLine) -> Member? {
        guard let relation = r.relation, let birth = r.birthDate ?? r.idBirthDate else { return nil }
        let idSex = r.idNumber.flatMap { try? IDNumber.parse($0, today: reader.today).get().sex }
        guard let sex = r.sex ?? idSex else {
            add(.missingValue, r.row, .sex, Bilingual(zh: "性别为空，身份证号也无法告知", en: "no sex, and no ID number to tell it"))
            return nil
        }
        var health = r.health ?? .healthy
        if r.disabilityGrade != nil && r.health == nil { health = .disabled }
        return Member(id: id, name: r.name, sex: sex, idNumber: r.idNumber, birthDate: birth, relation: relation,
                      school: r.school?.status, educationExemption: r.school?.exemption, health: health,
                      disabilityGrade: r.disabilityGrade, labour: r.labour ?? .ordinary, migrantMonths: r.migrantMonths ?? 0,
                      insured: r.insured, seriousIllnessInsurance: r.seriousIllnessInsurance)
    }

    mutating func status(_ r: RosterLine) -> PovertyStatus {
        var year = r.outOfPovertyYear
        if r.outOfPoverty == false { year = nil }
        if r.outOfPoverty == true, year == nil, !r.yearRefused {
            add(.missingValue, r.row, .outOfPovertyYear, Bilingual(zh: "已脱贫，但脱贫年度为空", en: "out of poverty, but no year given"))
        }
        return PovertyStatus(outOfPovertyYear: year, monitoring: r.monitoring ?? nil)
    }

    /// The household's cadre from its head's row, paired from the intake date.
    mutating func pairing(_ r: RosterLine) -> Pairing? {
        guard let name = r.cadreName else { return nil }
        let unit = r.cadreUnit ?? ""
        let key = name + "|" + unit
        if let id = cadreIDs[key] { return Pairing(cadreID: id, start: reader.asOf) }
        let id = reader.knownCadres.first { $0.name == name && $0.unit == unit }?.id ?? "c-" + String(StableHash.hex(key).prefix(8))
        cadreIDs[key] = id
        cadres.append(Cadre(id: id, name: name, unit: unit, level: Self.level(of: unit), phone: r.cadrePhone ?? ""))
        return Pairing(cadreID: id, start: reader.asOf)
    }

    static func level(of unit: String) -> UnitLevel { UnitLevel(unit: unit) }
}
