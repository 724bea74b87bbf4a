/// Ordering and amendment of a household's checks.
public enum CheckHistory {
    /// Checks in the order they happened: by visit date, then by when they were saved,
    /// then by id so the order is total and the same on every device.
    public static func chronological(_ checks: [Check]) -> [Check] {
        checks.sorted { ($0.date, $0.recordedAt, $0.id) < ($1.date, $1.recordedAt, $1.id) }
    }

    /// The checks that count: every check not superseded by an amendment, oldest first.
    public static func effective(_ checks: [Check]) -> [Check] {
        let superseded = Set(checks.compactMap(\.supersedes))
        return chronological(checks.filter { !superseded.contains($0.id) })
    }
}
