/// Safe water: quantity, quality, convenience and reliability must all hold.
public enum WaterRule: IndicatorRule {
    public static let indicator = Indicator.water

    public static func judge(_ household: Household, on date: LocalDate, config: RulesConfig) -> Judgement {
        guard let w = household.water else {
            return Judgement(.unknown, [Bilingual(zh: "未记录饮水情况", en: "water supply not recorded")])
        }
        let t = config.water
        let source = w.source.label
        var parts: [Judgement] = []
        parts.reserveCapacity(4)

        let need = w.scarceArea ? t.litresPerPersonDayScarce : t.litresPerPersonDay
        if let litres = w.litresPerPersonDay {
            parts.append(litres >= need ? Judgement(.met) : Judgement(.notMet, [Bilingual(
                zh: "水量每人每天 \(litres) 升，低于 \(need) 升", en: "\(litres) L per person per day, below \(need) L")]))
        } else {
            parts.append(Judgement(.unknown, [Bilingual(zh: "水量未核实", en: "quantity not checked")]))
        }

        switch w.qualityOK {
        case true?: parts.append(Judgement(.met))
        case false?: parts.append(Judgement(.notMet, [Bilingual(
            zh: "\(source.zh)水质不达标", en: "water quality fails (\(source.en))")]))
        case nil: parts.append(Judgement(.unknown, [Bilingual(zh: "水质未检测", en: "quality not tested")]))
        }

        parts.append(convenience(w, t))

        if let cut = w.daysCutPerYear {
            parts.append(cut <= t.maxDaysCutPerYear ? Judgement(.met) : Judgement(.notMet, [Bilingual(
                zh: "每年断水 \(cut) 天，超过 \(t.maxDaysCutPerYear) 天",
                en: "supply cut \(cut) days a year, more than \(t.maxDaysCutPerYear)")]))
        } else {
            parts.append(Judgement(.unknown, [Bilingual(zh: "供水保证率未核实", en: "reliability not checked")]))
        }

        let whole = Judgement.worst(of: parts, whenEmpty: Judgement(.unknown))
        if whole.verdict == .met { return metReasons[WaterSource.allCases.firstIndex(of: w.source)!] }
        return whole
    }

    /// The judgement of a supply meeting all four criteria, for each source, made once:
    /// most households' water is met, and the text depends on the source alone.
    private static let metReasons = WaterSource.allCases.map { s in
        Judgement(.met, [Bilingual(zh: "\(s.label.zh)，四项指标达标", en: "\(s.label.en), all four criteria hold")])
    }

    private static func convenience(_ w: WaterSupply, _ t: RulesConfig.WaterThresholds) -> Judgement {
        if w.pipedToYard { return Judgement(.met) }
        guard let minutes = w.roundTripMinutes else {
            return Judgement(.unknown, [Bilingual(zh: "取水往返时间未核实", en: "fetching time not checked")])
        }
        var reasons: [Bilingual] = []
        if minutes > t.maxRoundTripMinutes {
            reasons.append(Bilingual(zh: "取水往返 \(minutes) 分钟，超过 \(t.maxRoundTripMinutes) 分钟",
                                     en: "fetching water takes \(minutes) min round trip, more than \(t.maxRoundTripMinutes)"))
        }
        if let h = w.horizontalMetres, h > t.maxHorizontalMetres {
            reasons.append(Bilingual(zh: "取水水平距离 \(h) 米，超过 \(t.maxHorizontalMetres) 米",
                                     en: "water is \(h) m away, more than \(t.maxHorizontalMetres) m"))
        }
        if let v = w.verticalMetres, v > t.maxVerticalMetres {
            reasons.append(Bilingual(zh: "取水垂直高差 \(v) 米，超过 \(t.maxVerticalMetres) 米",
                                     en: "water is \(v) m uphill or down, more than \(t.maxVerticalMetres) m"))
        }
        return reasons.isEmpty ? Judgement(.met) : Judgement(.notMet, reasons)
    }
}
