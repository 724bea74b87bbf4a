import SanbaoCore

/// The form that pairs a household with another cadre from a date: `sanbao pair`. The
/// current pairing ends the day before; earlier ones stay as history.
extension RecordForm {
    static func pair(_ h: Household, model: Model) -> RecordForm {
        let today = model.today
        let cadres = model.cadres
        let current = h.cadreID(on: today)
        let options: [RecordEntry.Choice] = cadres.map { (c: Cadre) -> RecordEntry.Choice in
            RecordEntry.Choice(label: UIText.recordCadreOption(c.name, unit: c.unit), word: c.id)
        }
        let entries: [RecordEntry] = [
            RecordEntry("cadre", UIText.recordCadre, kind: .choice(options), text: current ?? cadres.first?.id ?? "") { (id: String) -> Bilingual? in
                id == current ? UIText.recordSameCadre : nil
            },
            .date("from", UIText.recordPairFrom, today, today: today),
        ]
        return RecordForm(title: UIText.recordPairTitle(head: h.head?.name ?? h.id), entries: entries) { (a: [String: String]) -> Outcome in
            guard let id = a["cadre"], let c = cadres.first(where: { $0.id == id }) else { return .refused(UIText.recordNoCadres, key: "cadre") }
            guard let from = LocalDate(written: a["from"] ?? "") else { return .refused(UIText.recordRequired, key: "from") }
            return .change(.pair(householdID: h.id, cadreID: c.id, name: c.name, from: from))
        }
    }
}
