/// A paired cadre (帮扶责任人).
public struct Cadre: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var unit: String
    public var level: UnitLevel
    public var phone: String

    public init(id: String, name: String, unit: String, level: UnitLevel, phone: String) {
        self.id = id
        self.name = name
        self.unit = unit
        self.level = level
        self.phone = phone
    }
}

/// One period during which a cadre was paired with a household. A change of cadre
/// ends one pairing and starts another, so the history is kept.
public struct Pairing: Hashable, Sendable, Codable {
    public var cadreID: String
    public var start: LocalDate
    public var end: LocalDate?

    public init(cadreID: String, start: LocalDate, end: LocalDate? = nil) {
        self.cadreID = cadreID
        self.start = start
        self.end = end
    }

    public func isActive(on date: LocalDate) -> Bool {
        start <= date && (end.map { date <= $0 } ?? true)
    }

    enum CodingKeys: String, CodingKey {
        case cadreID = "cadre_id"
        case start, end
    }
}

/// An assistance measure, filed under one of the plan's six breakthroughs.
public struct Measure: Hashable, Sendable, Codable {
    public var breakthrough: Breakthrough
    /// What was done, in the cadre's words: "养羊 10 只", "护林员公益岗".
    public var what: String
    public var start: LocalDate
    /// Money involved, in yuan, if any.
    public var amount: Int?
    public var progress: MeasureProgress

    public init(breakthrough: Breakthrough, what: String, start: LocalDate, amount: Int? = nil,
                progress: MeasureProgress) {
        self.breakthrough = breakthrough
        self.what = what
        self.start = start
        self.amount = amount
        self.progress = progress
    }
}

extension UnitLevel {
    /// A unit's level from its name: a village committee (…村委会, …村), else 省 province,
    /// 县/区 county (before 市: 通渭县 is in 定西市), 市 city, 镇/乡 township. 农村 in a
    /// bureau's name (通渭县农业农村局) is no village.
    public init(unit: String) {
        if unit.contains("村委") || unit.contains("村民委员会") || unit.hasSuffix("村") || unit.contains("村党") { self = .village }
        else if unit.contains("省") { self = .province }
        else if unit.contains("县") || unit.contains("区") { self = .county }
        else if unit.contains("市") { self = .city }
        else if unit.contains("镇") || unit.contains("乡") { self = .township }
        else { self = .county }
    }
}
