import SanbaoCore

/// The form that pairs a household with another cadre from a date: `sanbao pair`. The
/// current pairing ends the day before; earlier ones stay as history. A cadre not in the
/// data is added first (`sanbao cadre add`) when a new name is typed.
extension RecordForm {
    static func pair(_ h: Household, model: Model) -> RecordForm {
        let today = model.today
        let cadres = model.cadres
        let current = h.cadreID(on: today)
        let options: [RecordEntry.Choice] = cadres.map { (c: Cadre) -> RecordEntry.Choice in
            RecordEntry.Choice(label: UIText.recordCadreOption(c.name, unit: c.unit), word: c.id)
        }
        let entries: [RecordEntry] = [
            RecordEntry("cadre", UIText.recordCadre, kind: .choice(options), text: current ?? cadres.first?.id ?? ""),
            .date("from", UIText.recordPairFrom, today, today: today),
            RecordEntry("new_name", UIText.recordNewCadre),
            RecordEntry("new_unit", UIText.recordNewCadreUnit),
            RecordEntry("new_phone", UIText.recordNewCadrePhone),
        ]
        return RecordForm(title: UIText.recordPairTitle(head: h.head?.name ?? h.id), entries: entries,
                          draftKey: RecordDraft.Key(.pair, householdID: h.id)) { (a: [String: String]) -> Outcome in
            guard let from = LocalDate(written: a["from"] ?? "") else { return .refused(UIText.recordRequired, key: "from") }
            let name = String((a["new_name"] ?? "").trimmingBlanks)
            if !name.isEmpty {
                let unit = String((a["new_unit"] ?? "").trimmingBlanks)
                guard !unit.isEmpty else { return .refused(UIText.recordFieldRefused(UIText.recordNewCadreUnit, UIText.recordRequired), key: "new_unit") }
                let c = Cadre(id: "", name: name, unit: unit, level: UnitLevel(unit: unit), phone: a["new_phone"] ?? "")
                return .change(.pairNew(householdID: h.id, c, from: from))
            }
            guard let id = a["cadre"], let c = cadres.first(where: { $0.id == id }) else { return .refused(UIText.recordNoCadres, key: "new_name") }
            if id == current { return .refused(UIText.recordSameCadre, key: "cadre") }
            return .change(.pair(householdID: h.id, cadreID: c.id, name: c.name, from: from))
        }
    }
}
