import SanbaoCore

/// The facts a household record and a check's observations share, in sorted key order.
extension FastEncode {
    static func write(_ r: IncomeRecord, _ o: inout JSONBytes) {
        o.open()
        o.field("per_capita", r.perCapita)
        o.field("year", r.year)
        o.close()
    }

    static func write(_ f: FoodClothing, _ o: inout JSONBytes) {
        o.open()
        o.field("enough_food", f.enoughFood)
        o.field("seasonal_clothes", f.seasonalClothes)
        o.field("winter_bedding", f.winterBedding)
        o.close()
    }

    static func write(_ w: WaterSupply, _ o: inout JSONBytes) {
        o.open()
        o.field("days_cut_per_year", w.daysCutPerYear)
        o.field("horizontal_metres", w.horizontalMetres)
        o.field("litres_per_person_day", w.litresPerPersonDay)
        o.field("piped_to_yard", w.pipedToYard)
        o.field("quality_ok", w.qualityOK)
        o.field("round_trip_minutes", w.roundTripMinutes)
        o.field("scarce_area", w.scarceArea)
        o.field("source", w.source)
        o.field("vertical_metres", w.verticalMetres)
        o.close()
    }

    static func write(_ h: Housing, _ o: inout JSONBytes) {
        o.open()
        o.field("appraisal_date", h.appraisalDate)
        o.field("grade", h.grade)
        o.field("relocated", h.relocated)
        o.field("relocation_date", h.relocationDate)
        o.field("renovation", h.renovation)
        o.field("renovation_date", h.renovationDate)
        o.field("structure", h.structure)
        o.close()
    }
}
