import SanbaoCore

/// Orders group names so 二组 comes after 一组 and 10组 after 9组.
enum GroupOrder {
    static func number(_ g: String) -> Int {
        if let n = Int(g.prefix { $0.isNumber }) { return n }
        return g.compactMap { ChineseNumerals.values[$0] }.reduce(0) { $0 == 10 ? 10 + $1 : ($1 == 10 ? max(1, $0) * 10 : $0 + $1) }
    }

    static func less(_ a: String, _ b: String) -> Bool { (number(a), a) < (number(b), b) }
}
