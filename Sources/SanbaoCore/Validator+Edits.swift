extension Validator {
    /// Edits that can never be laid over a record: an id used twice (a merge unites
    /// edits by id, so two devices would keep different ones, and `parents` could name
    /// either), and an edit of a household that does not exist (its change would be shown
    /// nowhere, and a household added later under that id would inherit it).
    func editProblems(_ edits: [HouseholdEdit], households: [String: Int]) -> [DataProblem] {
        var out: [DataProblem] = []
        var ids = Set<String>()
        ids.reserveCapacity(edits.count)
        for e in edits {
            if !ids.insert(e.id).inserted {
                out.append(DataProblem(record: e.id, path: "$.id",
                                       Bilingual(zh: "修改记录编号 \(e.id) 重复", en: "edit id \(e.id) appears twice")))
            }
            if households[e.householdID] == nil {
                out.append(DataProblem(record: e.id, path: "$.household_id", Bilingual(
                    zh: "修改记录指向不存在的户 \(e.householdID)", en: "edit names unknown household \(e.householdID)")))
            }
        }
        return out
    }
}
