import SanbaoCore

/// Arrays joined by moving their elements, not copying them.
///
/// A county's report is built in pieces (a village each) and joined into one list of
/// 200,000 records. Appending copies each record, a retain per string and array in it,
/// and freeing the pieces then releases them all again: a third of a second on one core,
/// when nothing else can run. Moving does neither; each moved-out slot is given the
/// `placeholder` (a value of empty texts and lists, which hold no memory), so the pieces
/// stay valid arrays and free almost nothing.
extension Array {
    static func joining(moving parts: inout [[Element]], placeholder: Element) -> [Element] {
        let total = parts.reduce(0) { $0 + $1.count }
        return [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
            var at = 0
            for k in parts.indices {
                // The part is uniquely held here (the caller gave it up), so this is its
                // own storage, not a copy.
                parts[k].withUnsafeMutableBufferPointer { part in
                    guard let from = part.baseAddress, !part.isEmpty else { return }
                    (buffer.baseAddress! + at).moveInitialize(from: from, count: part.count)
                    from.initialize(repeating: placeholder, count: part.count)
                    at += part.count
                }
            }
            initialized = at
        }
    }
}

extension HouseholdRecord {
    /// A record of empty texts and lists: what a moved-out slot holds (see `joining`).
    static let placeholder = HouseholdRecord(
        id: "", number: "", head: "", headIDNumber: nil, village: "", villageCode: "", group: "", cadreID: nil,
        cadre: nil, members: 0, type: LabelledCode(code: "", label: Bilingual(zh: "", en: "")), monitoring: nil,
        status: Bilingual(zh: "", en: ""), meetsStandard: false, overdue: false,
        indicators: PerIndicator { _ in IndicatorRecord(state: .unchecked, reasons: []) }, lastCheck: nil,
        nextFollowUp: nil, visitsInPeriod: 0, notes: [])
}

extension Gap {
    /// A gap of empty texts and lists: what a moved-out slot holds (see `joining`).
    static let placeholder = Gap(householdID: "", number: "", head: "", village: "", villageCode: "", group: "",
                                 cadre: nil, indicator: .income, state: .unchecked, reasons: [], measures: [],
                                 followUp: nil, checkDate: nil, checkID: nil)
}
