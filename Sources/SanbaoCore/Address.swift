/// Where a household lives, down to the group (组/社) inside the village.
public struct Address: Hashable, Sendable, Codable {
    public var province: String
    public var city: String
    public var county: String
    public var township: String
    public var village: String
    public var group: String
    /// The 12-digit statistical division code of the village (see `DivisionCode`).
    public var villageCode: String

    public init(province: String, city: String, county: String, township: String,
                village: String, group: String, villageCode: String) {
        self.province = province
        self.city = city
        self.county = county
        self.township = township
        self.village = village
        self.group = group
        self.villageCode = villageCode
    }

    enum CodingKeys: String, CodingKey {
        case province, city, county, township, village, group
        case villageCode = "village_code"
    }
}

/// Checks of the 12-digit statistical division code: 2 digits province, 2 city,
/// 2 county, 3 township, 3 village (Wenfeng village is 621121103201).
public enum DivisionCode {
    /// The province-level codes of GB/T 2260 (11 Beijing … 65 Xinjiang, 71 Taiwan, 81-82 HK/Macao).
    static let provinces: Set<Int> = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
                                      41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]

    /// Why `code` is not shaped like a village code, or `nil` when it is.
    public static func problem(_ code: String) -> Bilingual? {
        let u = Array(code.utf8)
        guard u.count == 12, u.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return Bilingual(zh: "村代码应为 12 位数字，实为“\(code)”",
                             en: "village code must be 12 digits, found \"\(code)\"")
        }
        let province = Int(code.prefix(2))!
        guard provinces.contains(province) else {
            return Bilingual(zh: "村代码前两位 \(province) 不是省级代码",
                             en: "village code starts with \(province), not a province code")
        }
        guard code.suffix(3) != "000", code.dropFirst(6).prefix(3) != "000" else {
            return Bilingual(zh: "村代码 \(code) 缺少乡级或村级部分",
                             en: "village code \(code) lacks its township or village part")
        }
        return nil
    }

    /// The 6-digit county part.
    public static func county(_ code: String) -> String { String(code.prefix(6)) }
    /// The 9-digit township part.
    public static func township(_ code: String) -> String { String(code.prefix(9)) }
}
