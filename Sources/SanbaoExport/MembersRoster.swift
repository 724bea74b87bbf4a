import SanbaoCore

/// The members roster in the township's own layout (`RosterColumn`, in its order, with
/// its wordings): one row per member, the household's fields on each of its rows.
/// `sanbao intake` reads what this writes back into the same households, so corrections
/// go back to the township in the form its system exports.
public enum MembersRoster {
    /// - Parameters:
    ///   - date: whose cadre pairing is written.
    ///   - fullIDs: ID numbers in full; masked otherwise (personal data).
    public static func make(_ households: [Household], cadres: [Cadre], on date: LocalDate, fullIDs: Bool,
                            title: String = "花名册") -> PlainTable {
        let byID = Dictionary(cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[Cell]] = []
        rows.reserveCapacity(households.count * 4)
        for h in households {
            let cadre = h.cadreID(on: date).flatMap { byID[$0] }
            for m in h.members {
                rows.append(RosterColumn.allCases.map { cell($0, h, m, cadre, fullIDs) })
            }
        }
        return PlainTable(title: title, header: RosterColumn.allCases.map(\.header), rows: rows)
    }

    static func cell(_ column: RosterColumn, _ h: Household, _ m: Member, _ cadre: Cadre?, _ fullIDs: Bool) -> Cell {
        func text(_ s: String?) -> Cell { s.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
        switch column {
        case .householdNumber: return text(h.number)
        case .villageCode: return text(h.address.villageCode)
        case .province: return text(h.address.province)
        case .city: return text(h.address.city)
        case .county: return text(h.address.county)
        case .township: return text(h.address.township)
        case .village: return text(h.address.village)
        case .group: return text(h.address.group)
        case .phone: return text(h.phone)
        case .householdType: return text(Wordings.householdType.word(h.type))
        case .mainCause: return text(Wordings.cause.word(h.causes.main))
        case .otherCauses: return text(h.causes.others.map(Wordings.cause.word).joined(separator: "、"))
        case .povertyStatus: return text(Wordings.outOfPoverty.word(h.status.outOfPovertyYear != nil))
        case .outOfPovertyYear: return h.status.outOfPovertyYear.map(Cell.int) ?? .empty
        case .monitoring: return text(h.status.monitoring.map(Wordings.monitoring.word))
        case .name: return text(m.name)
        case .sex: return text(Wordings.sex.word(m.sex))
        case .relation: return text(relation(m.relation, m.sex))
        case .idNumber: return text(m.idNumber.map { fullIDs ? $0 : IDNumber.masked($0) })
        case .birthDate: return .date(m.birthDate)
        case .school: return text(m.school.map { school($0, m.educationExemption) })
        case .health: return text(Wordings.health.word(m.health))
        case .disabilityGrade: return m.disabilityGrade.map(Cell.int) ?? .empty
        case .labour: return text(Wordings.labour.word(m.labour))
        case .migrantMonths: return .int(m.migrantMonths)
        case .insured: return text(m.insured.map(Wordings.yesNo.word))
        case .seriousIllnessInsurance: return text(m.seriousIllnessInsurance.map(Wordings.yesNo.word))
        case .cadreName: return text(cadre?.name)
        case .cadreUnit: return text(cadre?.unit)
        case .cadrePhone: return text(cadre?.phone)
        }
    }

    /// The national system's wording, which says the sex where the relation has none of
    /// its own (之孙女, 之母): read back, it is the same relation.
    static func relation(_ r: Relation, _ sex: Sex) -> String {
        let female = sex == .female
        switch r {
        case .grandchild: return female ? "之孙女" : "之孙子"
        case .parent: return female ? "之母" : "之父"
        case .grandparent: return female ? "之祖母" : "之祖父"
        default: return Wordings.relation.word(r)
        }
    }

    /// The wording of a school status with its exemption (送教上门), or of the status alone.
    static func school(_ status: SchoolStatus, _ exemption: EducationExemption?) -> String {
        let both = Wordings.school.word(Wordings.School(status, exemption))
        return both.isEmpty ? Wordings.school.word(Wordings.School(status)) : both
    }
}
