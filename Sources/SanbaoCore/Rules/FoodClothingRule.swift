/// 不愁吃穿: enough staple food all year, seasonal clothes and winter bedding. A yes/no
/// judgement per item; any "no" fails.
public enum FoodClothingRule: IndicatorRule {
    public static let indicator = Indicator.foodClothing

    public static func judge(_ household: Household, on date: LocalDate, config: RulesConfig) -> Judgement {
        guard let f = household.foodClothing else {
            return Judgement(.unknown, [Bilingual(zh: "未记录吃穿情况", en: "food and clothing not recorded")])
        }
        var missing: [Bilingual] = []
        if !f.enoughFood { missing.append(Bilingual(zh: "口粮不足", en: "not enough staple food")) }
        if !f.seasonalClothes { missing.append(Bilingual(zh: "缺少换季衣服", en: "no seasonal clothes")) }
        if !f.winterBedding { missing.append(Bilingual(zh: "缺少冬季被褥", en: "no winter bedding")) }
        return missing.isEmpty ? sufficient : Judgement(.notMet, missing)
    }

    /// Made once: most households have enough.
    private static let sufficient = Judgement(.met, [Bilingual(zh: "口粮、衣被齐全", en: "food, clothes and bedding sufficient")])
}
