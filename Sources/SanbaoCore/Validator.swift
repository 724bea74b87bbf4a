/// Domain checks on decoded records: what JSON decoding cannot see (ID check digits,
/// dates, references between records). Pure; the store adds file names and lines.
public struct Validator: Sendable {
    public var today: LocalDate

    public init(today: LocalDate) {
        self.today = today
    }

    /// Problems inside one household record.
    public func problems(in h: Household, knownCadres: Set<String>) -> [DataProblem] {
        var out: [DataProblem] = []
        func add(_ path: String, _ m: Bilingual, _ s: DataProblem.Severity = .error) {
            out.append(DataProblem(s, record: h.id, path: path, m))
        }
        if let p = DivisionCode.problem(h.address.villageCode) { add("$.address.village_code", p) }
        if !Self.isHouseholdIDShape(h.id) {
            add("$.id", Bilingual(zh: "户 ID“\(TerminalText.safe(h.id))”格式不对：应为 12 位村代码、连字符和字母数字（如 621121103201-0007）",
                                  en: "household id \"\(TerminalText.safe(h.id))\" is malformed: 12-digit village code, a hyphen, letters and digits (e.g. 621121103201-0007)"))
        }
        if h.members.isEmpty { add("$.members", Bilingual(zh: "家庭没有成员", en: "household has no members")) }
        if h.causes.others.count > 2 {
            add("$.causes.others", Bilingual(zh: "次要致贫原因最多两个", en: "at most two other poverty causes"))
        }
        var seen = Set<Int>()
        for (i, m) in h.members.enumerated() {
            if !seen.insert(m.id).inserted {
                add("$.members[\(i)].id", Bilingual(zh: "成员编号 \(m.id) 重复", en: "member id \(m.id) repeats"))
            }
            out += memberProblems(m, index: i, record: h.id)
        }
        let heads = h.members.filter { $0.relation == .head && $0.isPresent(on: today) }
        if heads.count > 1 {
            add("$.members", Bilingual(zh: "户主不止一人：\(heads.map(\.name).joined(separator: "、"))",
                                       en: "more than one head of household: \(heads.map(\.name).joined(separator: ", "))"))
        }
        for (i, p) in h.pairings.enumerated() where !knownCadres.contains(p.cadreID) {
            add("$.pairings[\(i)].cadre_id", Bilingual(zh: "未知的帮扶干部 \(p.cadreID)", en: "unknown cadre \(p.cadreID)"))
        }
        return out
    }

    /// What `validate` refuses in one member's record (errors only), in its words: the
    /// app's forms say it as an answer is typed; `Store.edit` refuses the same on saving.
    public func errors(in m: Member) -> [Bilingual] {
        memberProblems(m, index: 0, record: "").filter { $0.severity == .error }.map(\.message)
    }

    func memberProblems(_ m: Member, index: Int, record: String) -> [DataProblem] {
        var out: [DataProblem] = []
        // The path is spelled only when there is a problem: 600,000 members, few problems.
        func add(_ sub: String, _ msg: Bilingual, _ s: DataProblem.Severity = .error) {
            out.append(DataProblem(s, record: record, path: "$.members[\(index)]" + sub, msg))
        }
        if m.birthDate > today {
            add(".birth_date", Bilingual(zh: "\(m.name) 的出生日期 \(m.birthDate) 在未来",
                                         en: "\(m.name): birth date \(m.birthDate) is in the future"))
        }
        changeProblems(m, add: { add($0, $1) })
        guard let raw = m.idNumber, !raw.isEmpty else { return out }
        switch IDNumber.parse(raw, today: today) {
        case .failure(let p):
            add(".id_number", Bilingual(zh: "\(m.name)：\(p.message.zh)", en: "\(m.name): \(p.message.en)"))
        case .success(let id):
            if id.isLegacy {
                add(".id_number", Bilingual(zh: "\(m.name)：15 位旧身份证号，请更新为 18 位",
                                            en: "\(m.name): old 15-digit ID number, update to 18 digits"), .warning)
            }
            if id.birthDate != m.birthDate {
                add(".birth_date", Bilingual(
                    zh: "\(m.name)：出生日期 \(m.birthDate) 与身份证号中的 \(id.birthDate) 不符",
                    en: "\(m.name): birth date \(m.birthDate) differs from \(id.birthDate) in the ID number"))
            }
            if id.sex != m.sex {
                add(".sex", Bilingual(zh: "\(m.name)：性别与身份证号不符", en: "\(m.name): sex differs from the ID number"))
            }
        }
        return out
    }

    /// A join or leave dated before the birth, in the future, or a leave before the join.
    func changeProblems(_ m: Member, add: (String, Bilingual) -> Void) {
        for (key, date, zh, en) in [("joined", m.joined?.date, "加入", "joined"), ("left", m.left?.date, "减少", "left")] {
            guard let date else { continue }
            if date < m.birthDate {
                add(".\(key).date", Bilingual(zh: "\(m.name)：\(zh)日期 \(date) 早于出生日期 \(m.birthDate)",
                                              en: "\(m.name): \(en) on \(date), before the birth date \(m.birthDate)"))
            }
            if date > today {
                add(".\(key).date", Bilingual(zh: "\(m.name)：\(zh)日期 \(date) 在未来", en: "\(m.name): \(en) on \(date), in the future"))
            }
        }
        if let j = m.joined?.date, let l = m.left?.date, l < j {
            add(".left.date", Bilingual(zh: "\(m.name)：减少日期 \(l) 早于加入日期 \(j)", en: "\(m.name): left on \(l), before joining on \(j)"))
        }
    }

    /// Household ids name files' lines and are typed by people: 12 digits, a hyphen, then
    /// 1–16 ASCII letters or digits — never a path, a control character or a space.
    static func isHouseholdIDShape(_ id: String) -> Bool {
        let u = Array(id.utf8)
        guard u.count >= 14, u.count <= 29, u[12] == UInt8(ascii: "-") else { return false }
        return u[..<12].allSatisfy { $0 >= 48 && $0 <= 57 }
            && u[13...].allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) }
    }

    /// Problems inside one check, given the household it names (nil when unknown).
    public func problems(in c: Check, household: Household?, knownCadres: Set<String>) -> [DataProblem] {
        var out: [DataProblem] = []
        func add(_ path: String, _ m: Bilingual) { out.append(DataProblem(.error, record: c.id, path: path, m)) }
        guard let h = household else {
            let named = TerminalText.safe(c.householdID)
            add("$.household_id", Bilingual(zh: "检查记录指向不存在的户 \(named)", en: "check names unknown household \(named)"))
            return out
        }
        if c.date > today {
            add("$.date", Bilingual(zh: "检查日期 \(c.date) 在未来", en: "check date \(c.date) is in the future"))
        }
        if !knownCadres.contains(c.cadreID) {
            add("$.cadre_id", Bilingual(zh: "未知的帮扶干部 \(c.cadreID)", en: "unknown cadre \(c.cadreID)"))
        }
        if let f = c.followUp, f < c.date {
            add("$.follow_up", Bilingual(zh: "跟进日期 \(f) 早于检查日期", en: "follow-up \(f) is before the check date"))
        }
        for (i, mo) in (c.observations?.members ?? []).enumerated() where h.member(mo.memberID) == nil {
            add("$.observations.members[\(i)].member_id",
                Bilingual(zh: "户内没有编号为 \(mo.memberID) 的成员", en: "no member \(mo.memberID) in the household"))
        }
        return out
    }

    /// Everything wrong with a whole dataset: duplicate ids, dangling references and
    /// every record's own problems, in record order. Records are checked on every core.
    public func problems(in d: Dataset) -> [DataProblem] {
        let (households, checks) = problemsByKind(in: d)
        return households + checks
    }

    /// `problems(in:)` in its two parts: those of the households (duplicate ids and each
    /// record's own), then those of the checks and then of the edits. A store that validates village by
    /// village puts every village's household part before the check parts.
    public func problemsByKind(in d: Dataset) -> (households: [DataProblem], checks: [DataProblem]) {
        let cadres = Set(d.cadres.map(\.id))
        let own = d.households.concurrentMap { self.problems(in: $0, knownCadres: cadres) }
        var out: [DataProblem] = []
        // Positions, not copies: a county has 200,000 households.
        var byID: [String: Int] = [:]
        byID.reserveCapacity(d.households.count)
        var byNumber: [String: String] = [:]
        for (k, (h, problems)) in zip(d.households, own).enumerated() {
            if byID[h.id] != nil {
                out.append(DataProblem(record: h.id, path: "$.id",
                                       Bilingual(zh: "户编号 \(h.id) 重复", en: "household id \(h.id) appears twice")))
            } else {
                byID[h.id] = k
                // A warning, not an error: two devices that each add a household offline may
                // both give it the village's next free number; both are kept and listed here
                // until the township's number is entered (household set ID number=…).
                if !h.number.isEmpty, let other = byNumber.updateValue(h.id, forKey: h.number) {
                    out.append(DataProblem(.warning, record: h.id, path: "$.number",
                                           Bilingual(zh: "户编号 \(h.number) 已属于 \(other)", en: "household number \(h.number) is also \(other)'s")))
                }
            }
            out += problems
        }
        let householdPart = out
        out = []
        let households = byID
        let all = d.households
        let checkProblems = d.checks.concurrentMap { c in
            self.problems(in: c, household: households[c.householdID].map { all[$0] }, knownCadres: cadres)
        }
        var checkIDs: [String: String] = [:]
        checkIDs.reserveCapacity(d.checks.count)
        for c in d.checks where checkIDs[c.id] == nil { checkIDs[c.id] = c.householdID }
        var seen = Set<String>()
        seen.reserveCapacity(d.checks.count)
        for (c, problems) in zip(d.checks, checkProblems) {
            if !seen.insert(c.id).inserted {
                out.append(DataProblem(record: c.id, path: "$.id",
                                       Bilingual(zh: "检查编号 \(c.id) 重复", en: "check id \(c.id) appears twice")))
            }
            out += problems
            if let corrected = c.supersedes, let p = Self.correctionProblem(c, corrects: corrected, householdOf: checkIDs[corrected]) {
                out.append(DataProblem(record: c.id, path: "$.supersedes", p))
            }
        }
        out += editProblems(d.edits, households: households)
        return (householdPart, out)
    }

    /// A correction names an earlier check of the same household: not itself, not a check
    /// that is not in the data, not another household's.
    static func correctionProblem(_ c: Check, corrects id: String, householdOf owner: String?) -> Bilingual? {
        if id == c.id { return Bilingual(zh: "检查 \(c.id) 更正的是它自己", en: "check \(c.id) corrects itself") }
        guard let owner else {
            return Bilingual(zh: "更正的检查 \(id) 不在数据中", en: "corrects check \(id), which is not in the data")
        }
        if owner != c.householdID {
            return Bilingual(zh: "更正的检查 \(id) 属于另一户 \(owner)", en: "corrects check \(id) of another household, \(owner)")
        }
        return nil
    }
}
