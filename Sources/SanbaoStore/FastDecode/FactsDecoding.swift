import SanbaoCore

// The facts a household record and a check's observations share, mirroring the
// synthesized `Codable` of Facts.swift.
extension FastDecode {
    static func income(_ c: inout ByteCursor) throws(Reject) -> IncomeRecord {
        var year, perCapita: Int?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("year") {
                try seen.mark(0); year = try c.int()
            } else if try c.key("per_capita") {
                try seen.mark(1); perCapita = try c.int()
            } else {
                try c.skipField()
            }
        }
        return IncomeRecord(year: try required(year), perCapita: try required(perCapita))
    }

    static func foodClothing(_ c: inout ByteCursor) throws(Reject) -> FoodClothing {
        var food, clothes, bedding: Bool?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("enough_food") {
                try seen.mark(0); food = try c.bool()
            } else if try c.key("seasonal_clothes") {
                try seen.mark(1); clothes = try c.bool()
            } else if try c.key("winter_bedding") {
                try seen.mark(2); bedding = try c.bool()
            } else {
                try c.skipField()
            }
        }
        return FoodClothing(enoughFood: try required(food), seasonalClothes: try required(clothes),
                            winterBedding: try required(bedding))
    }

    static func water(_ c: inout ByteCursor) throws(Reject) -> WaterSupply {
        var source: WaterSource?
        var litres, roundTrip, horizontal, vertical, daysCut: Int?
        var qualityOK, piped, scarce: Bool?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("source") {
                try seen.mark(0); source = try c.word(Words.waterSource)
            } else if try c.key("litres_per_person_day") {
                try seen.mark(1); litres = try c.optional { c throws(Reject) in try c.int() }
            } else if try c.key("quality_ok") {
                try seen.mark(2); qualityOK = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("piped_to_yard") {
                try seen.mark(3); piped = try c.bool()
            } else if try c.key("round_trip_minutes") {
                try seen.mark(4); roundTrip = try c.optional { c throws(Reject) in try c.int() }
            } else if try c.key("horizontal_metres") {
                try seen.mark(5); horizontal = try c.optional { c throws(Reject) in try c.int() }
            } else if try c.key("vertical_metres") {
                try seen.mark(6); vertical = try c.optional { c throws(Reject) in try c.int() }
            } else if try c.key("days_cut_per_year") {
                try seen.mark(7); daysCut = try c.optional { c throws(Reject) in try c.int() }
            } else if try c.key("scarce_area") {
                try seen.mark(8); scarce = try c.bool()
            } else {
                try c.skipField()
            }
        }
        return WaterSupply(source: try required(source), litresPerPersonDay: litres, qualityOK: qualityOK,
                           pipedToYard: try required(piped), roundTripMinutes: roundTrip,
                           horizontalMetres: horizontal, verticalMetres: vertical, daysCutPerYear: daysCut,
                           scarceArea: try required(scarce))
    }

    static func housing(_ c: inout ByteCursor) throws(Reject) -> Housing {
        var grade: HousingGrade?
        var appraisalDate, renovationDate, relocationDate: LocalDate?
        var structure: HouseStructure?
        var renovation: Renovation?
        var relocated: Bool?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("grade") {
                try seen.mark(0); grade = try c.optional { c throws(Reject) in try c.word(Words.grade) }
            } else if try c.key("appraisal_date") {
                try seen.mark(1); appraisalDate = try c.optional { c throws(Reject) in try c.date() }
            } else if try c.key("structure") {
                try seen.mark(2); structure = try c.optional { c throws(Reject) in try c.word(Words.structure) }
            } else if try c.key("renovation") {
                try seen.mark(3); renovation = try c.word(Words.renovation)
            } else if try c.key("renovation_date") {
                try seen.mark(4); renovationDate = try c.optional { c throws(Reject) in try c.date() }
            } else if try c.key("relocated") {
                try seen.mark(5); relocated = try c.bool()
            } else if try c.key("relocation_date") {
                try seen.mark(6); relocationDate = try c.optional { c throws(Reject) in try c.date() }
            } else {
                try c.skipField()
            }
        }
        return Housing(grade: grade, appraisalDate: appraisalDate, structure: structure,
                       renovation: try required(renovation), renovationDate: renovationDate,
                       relocated: try required(relocated), relocationDate: relocationDate)
    }
}
