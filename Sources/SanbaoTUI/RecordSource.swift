import SanbaoCore
import SanbaoStore

/// Where screens get a household's full record and checks: the store (which reads the
/// household's village the first time it is asked), or a dataset held in memory.
/// A reference, because reading on demand fills a cache shared by every copy of the model.
public protocol RecordSource: AnyObject {
    func household(_ id: String) -> Household?
    func checks(of householdID: String) -> [Check]
    /// When the household's facts were last edited: a visit's observation recorded
    /// earlier gives way (docs/rules.md).
    func factTimes(of householdID: String) -> FactTimes
}

extension Store: RecordSource {
    public func factTimes(of householdID: String) -> FactTimes {
        _ = household(householdID)
        return FactTimes(dataset.edits, of: householdID)
    }
}

/// A dataset in memory as a record source, with lookups by id instead of scans.
public final class DatasetRecords: RecordSource {
    let households: [String: Household]
    let checks: [String: [Check]]
    let clock: FactClock

    public init(_ dataset: Dataset) {
        households = Dictionary(dataset.households.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        checks = Dictionary(grouping: dataset.checks, by: \.householdID)
        clock = FactClock(dataset.edits)
    }

    public func factTimes(of householdID: String) -> FactTimes { clock[householdID] }

    public func household(_ id: String) -> Household? { households[id] }
    public func checks(of householdID: String) -> [Check] { checks[householdID] ?? [] }
}
