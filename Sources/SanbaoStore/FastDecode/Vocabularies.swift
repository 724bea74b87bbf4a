import SanbaoCore

/// The byte tables of every vocabulary the records use, built once.
enum Words {
    static let householdType = RawTable<HouseholdType>()
    static let povertyCause = RawTable<PovertyCause>()
    static let monitoring = RawTable<MonitoringCategory>()
    static let risk = RawTable<RiskType>()
    static let sex = RawTable<Sex>()
    static let relation = RawTable<Relation>()
    static let school = RawTable<SchoolStatus>()
    static let exemption = RawTable<EducationExemption>()
    static let health = RawTable<HealthKind>()
    static let labour = RawTable<LabourAbility>()
    static let joinReason = RawTable<JoinReason>()
    static let leaveReason = RawTable<LeaveReason>()
    static let grade = RawTable<HousingGrade>()
    static let structure = RawTable<HouseStructure>()
    static let renovation = RawTable<Renovation>()
    static let waterSource = RawTable<WaterSource>()
    static let breakthrough = RawTable<Breakthrough>()
    static let progress = RawTable<MeasureProgress>()
    static let state = RawTable<IndicatorState>()
    static let unitLevel = RawTable<UnitLevel>()
}
