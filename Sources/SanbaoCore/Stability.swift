/// How long an assessment stays true. States depend on the date judged, not only on
/// the records: a child reaches school age, a check dated ahead takes effect, a pairing
/// starts, a new year asks for a new income figure. A roster cached beside the data
/// (the store's index) is reused on a later day only up to the date given here.
extension Assessor {
    /// The earliest day after `date` on which the states, last check, follow-up date or
    /// paired cadre of `household` could differ from those on `date`. Conservative: the
    /// answer may come early (costing a re-judgement), never late. Overdue is not
    /// covered: it follows from the last check and is judged on the day it is shown
    /// (`isOverdue`).
    public func nextChange(of household: Household, checks: [Check], after date: LocalDate) -> LocalDate {
        var next = LocalDate(year: date.year + 1, month: 1, day: 1)!
        func consider(_ d: LocalDate?) {
            if let d, d > date, d < next { next = d }
        }
        for c in checks where c.householdID == household.id {
            consider(c.date)
            consider(c.observations?.housing?.renovationDate)
            consider(c.observations?.housing?.relocationDate)
        }
        for p in household.pairings {
            consider(p.start)
            consider(p.end?.adding(days: 1))
        }
        consider(household.housing?.renovationDate)
        consider(household.housing?.relocationDate)
        for m in household.members {
            if let ages = config.schoolAge {
                consider(birthday(of: m.birthDate, age: ages.lowerBound))
                consider(birthday(of: m.birthDate, age: ages.upperBound + 1))
            }
        }
        return next
    }

    /// Whether a household last visited on `lastCheck` is overdue on `date`.
    public func isOverdue(lastCheck: LocalDate?, on date: LocalDate) -> Bool {
        lastCheck.map { $0.days(to: date) > config.visitIntervalDays } ?? true
    }

    /// The day someone born on `birth` turns `age`; 29 February births count from
    /// 28 February in other years, which is early rather than late.
    private func birthday(of birth: LocalDate, age: Int) -> LocalDate? {
        let y = birth.year + age
        return LocalDate(year: y, month: birth.month, day: min(birth.day, LocalDate.daysIn(month: birth.month, year: y)))
    }
}
