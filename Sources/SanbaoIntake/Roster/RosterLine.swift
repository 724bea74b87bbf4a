import SanbaoCore

/// One member row of a roster, its cells read into domain values. A blank cell, or a
/// column the file does not have, is nil: "not said", which never overwrites a value.
struct RosterLine: Sendable {
    var row: Int
    var householdNumber: String
    var villageCode: String?
    /// The row had a village code, refused (its problem is said already).
    var villageCodeRefused = false
    /// Province … village and group names, in `RosterLine.placeColumns` order.
    var place: [String?] = [nil, nil, nil, nil, nil, nil]
    var phone: String?
    var type: HouseholdType?
    var mainCause: PovertyCause?
    var otherCauses: [PovertyCause]?
    var outOfPoverty: Bool?
    var outOfPovertyYear: Int?
    /// The year cell had something that is no year (its problem is said already).
    var yearRefused = false
    /// `.some(nil)`: the file says the household is no monitoring object.
    var monitoring: MonitoringCategory??
    var cadreName: String?
    var cadreUnit: String?
    var cadrePhone: String?

    var name: String
    var sex: Sex?
    var idNumber: String?
    var idBirthDate: LocalDate?
    var birthDate: LocalDate?
    var relation: Relation?
    var school: Wordings.School?
    var health: HealthKind?
    var disabilityGrade: Int?
    var labour: LabourAbility?
    var migrantMonths: Int?
    var insured: Bool?
    var seriousIllnessInsurance: Bool?
}

extension RosterLine {
    static let placeColumns: [RosterColumn] = [.province, .city, .county, .township, .village, .group]

    func place(_ column: RosterColumn) -> String? {
        RosterLine.placeColumns.firstIndex(of: column).flatMap { place[$0] }
    }
}

/// Reads the cells of one row through the header, collecting every problem of the row
/// (not only the first).
struct RosterLineReader {
    let header: RosterHeader
    let today: LocalDate
    let date1904: Bool

    func read(_ row: SheetRow) -> (RosterLine?, [RosterProblem]) {
        var cells = CellReader(header: header, row: row, today: today, date1904: date1904)
        let number = cells.householdNumber()
        let name = cells.text(.name)
        if name == nil { cells.missing(.name) }
        var line = RosterLine(row: row.number, householdNumber: number ?? "", name: name ?? "")
        line.villageCode = cells.villageCode()
        line.villageCodeRefused = line.villageCode == nil && header.cell(.villageCode, in: row) != nil
        for (k, c) in RosterLine.placeColumns.enumerated() { line.place[k] = cells.text(c) }
        line.phone = cells.text(.phone)
        line.type = cells.word(.householdType, Wordings.householdType)
        line.mainCause = cells.word(.mainCause, Wordings.cause)
        line.otherCauses = cells.words(.otherCauses, Wordings.cause)
        line.outOfPoverty = cells.word(.povertyStatus, Wordings.outOfPoverty)
        line.outOfPovertyYear = cells.year(.outOfPovertyYear)
        line.yearRefused = line.outOfPovertyYear == nil && header.cell(.outOfPovertyYear, in: row) != nil
        line.monitoring = cells.optionalWord(.monitoring, Wordings.monitoring)
        line.cadreName = cells.text(.cadreName)
        line.cadreUnit = cells.text(.cadreUnit)
        line.cadrePhone = cells.text(.cadrePhone)
        line.sex = cells.word(.sex, Wordings.sex)
        (line.idNumber, line.idBirthDate) = cells.idNumber(sex: line.sex)
        line.birthDate = cells.date(.birthDate)
        line.relation = cells.word(.relation, Wordings.relation)
        if line.relation == nil && header.cell(.relation, in: row) == nil { cells.missing(.relation) }
        line.school = cells.word(.school, Wordings.school)
        line.health = cells.word(.health, Wordings.health)
        line.disabilityGrade = cells.integer(.disabilityGrade, 1...4, unit: "级")
        line.labour = cells.word(.labour, Wordings.labour)
        line.migrantMonths = cells.integer(.migrantMonths, 0...12, unit: "个月")
        line.insured = cells.word(.insured, Wordings.yesNo)
        line.seriousIllnessInsurance = cells.word(.seriousIllnessInsurance, Wordings.yesNo)
        cells.crossCheck(&line)
        return (number == nil ? nil : line, cells.problems)
    }
}
