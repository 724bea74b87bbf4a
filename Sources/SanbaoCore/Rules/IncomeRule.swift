/// Income: per-capita net income for the year must be above the poverty line. Income at
/// or below the line fails; above it but under the monitoring line needs follow-up.
/// The year judged is the year of the date judged; when it has no figure yet, the year before.
public enum IncomeRule: IndicatorRule {
    public static let indicator = Indicator.income

    public static func judge(_ household: Household, on date: LocalDate, config: RulesConfig) -> Judgement {
        guard let record = household.income(forYear: date.year) else {
            return Judgement(.unknown, [Bilingual(zh: "无收入数据", en: "no income figure")])
        }
        guard record.year >= date.year - 1 else {
            return Judgement(.unknown, [Bilingual(
                zh: "最近的收入数据为 \(record.year) 年，已过时",
                en: "latest income figure is for \(record.year), out of date")])
        }
        let line = config.povertyLine(year: record.year) ?? 0
        let amount = Money.yuan(record.perCapita)
        if record.perCapita <= line {
            return Judgement(.notMet, [Bilingual(
                zh: "\(record.year) 年人均纯收入 \(amount) 元，未超过贫困线 \(Money.yuan(line)) 元",
                en: "\(record.year) per-capita income \(amount) yuan, not above the line of \(Money.yuan(line))")])
        }
        if let watch = config.monitoringLine(year: record.year), record.perCapita < watch {
            return Judgement(.followUp, [Bilingual(
                zh: "\(record.year) 年人均纯收入 \(amount) 元，低于监测线 \(Money.yuan(watch)) 元",
                en: "\(record.year) per-capita income \(amount) yuan, below the monitoring line of \(Money.yuan(watch))")])
        }
        return Judgement(.met, [Bilingual(
            zh: "\(record.year) 年人均纯收入 \(amount) 元", en: "\(record.year) per-capita income \(amount) yuan")])
    }
}

/// Formats whole yuan with thousands separators: 12,345.
public enum Money {
    public static func yuan(_ value: Int) -> String {
        // Written backwards into a small buffer, then made a String once: every
        // household's income reason has one or two of these.
        var digits = value.magnitude
        let capacity = 27  // 20 digits, 6 commas, a sign
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var at = capacity
            var count = 0
            repeat {
                if count > 0 && count % 3 == 0 { at -= 1; buffer[at] = UInt8(ascii: ",") }
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(digits % 10)
                digits /= 10
                count += 1
            } while digits > 0
            if value < 0 { at -= 1; buffer[at] = UInt8(ascii: "-") }
            let length = capacity - at
            // To the front; the regions may overlap, which `update(from:count:)` allows.
            if at > 0 { buffer.baseAddress!.update(from: buffer.baseAddress! + at, count: length) }
            return length
        }
    }
}
