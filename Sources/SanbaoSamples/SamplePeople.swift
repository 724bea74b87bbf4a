import SanbaoCore

// What the demo village and the generator make alike: a villager with the defaults of a
// rural household, a birth date for an age, a chronic patient, the ordinary kinds of
// water, a day in the sowing season. Each draws exactly what both drew before, in the
// same order, so neither Fixtures/demo nor generated data changes.

extension Member {
    /// A member with the defaults of a rural household: enrolled in basic medical
    /// insurance, labour ability by age on `asOf`. The demo enrols everyone in
    /// serious-illness insurance too (it shows a fully insured village); the generator
    /// leaves that to the chronic patients (`markChronic`). `configure` adjusts the rest.
    static func villager(_ id: Int, _ name: String, _ sex: Sex, _ born: LocalDate, _ relation: Relation,
                         idNumber: String, asOf: LocalDate, seriousIllnessInsurance: Bool? = nil,
                         _ configure: (inout Member) -> Void) -> Member {
        let age = born.age(on: asOf)
        var m = Member(id: id, name: name, sex: sex, idNumber: idNumber, birthDate: born, relation: relation,
                       labour: age < 16 ? .none : age >= 70 ? .lost : .ordinary,
                       insured: true, seriousIllnessInsurance: seriousIllnessInsurance)
        configure(&m)
        return m
    }

    /// A chronic patient who has done what the medical rule asks: card, family doctor,
    /// serious-illness insurance and medical assistance.
    mutating func markChronic() {
        health = .chronic
        chronicCard = true
        familyDoctor = true
        seriousIllnessInsurance = true
        medicalAssistance = true
    }
}

extension SampleRandom {
    /// A birth date that makes the person some age in `age` on `asOf` (a 29 February
    /// `asOf` counts birthdays from the 28th in other years).
    mutating func born(age: ClosedRange<Int>, on asOf: LocalDate) -> LocalDate {
        func anniversary(_ years: Int) -> LocalDate {
            let y = asOf.year - years
            return LocalDate(year: y, month: asOf.month, day: asOf.day) ?? LocalDate(year: y, month: 2, day: 28)!
        }
        return date(from: anniversary(age.upperBound + 1).adding(days: 1), to: anniversary(age.lowerBound))
    }

    /// A day in the spring sowing season of `year`, when most measures start (`fallback`
    /// only for a year `LocalDate` cannot hold).
    mutating func springDay(_ year: Int, or fallback: LocalDate) -> LocalDate {
        LocalDate(year: year, month: int(3...5), day: int(1...28)) ?? fallback
    }
}

enum SampleWater {
    /// Tap water piped into the yard (most of Tongwei since the 2019 supply works).
    static func piped(_ rng: inout SampleRandom) -> WaterSupply {
        WaterSupply(source: .piped, litresPerPersonDay: rng.int(40...60, step: 5), qualityOK: true,
                    pipedToYard: true, daysCutPerYear: rng.int(0...12))
    }

    /// A rain cellar (水窖) in the yard, in a water-scarce area (the 20 L threshold).
    static func cellar(_ rng: inout SampleRandom) -> WaterSupply {
        WaterSupply(source: .rainCellar, litresPerPersonDay: rng.int(22...30), qualityOK: true, pipedToYard: false,
                    roundTripMinutes: rng.int(2...5), horizontalMetres: rng.int(5...30, step: 5),
                    verticalMetres: rng.int(0...3), daysCutPerYear: rng.int(8...30), scarceArea: true)
    }
}
