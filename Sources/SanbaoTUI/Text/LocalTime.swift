import Foundation

/// Times as people write them: the store records instants in UTC (`2026-12-06T04:10:43.642Z`);
/// the screen shows them in the local time zone, to the minute (`2026-12-06 12:10`).
public enum LocalTime {
    /// `iso` in `zone` as `YYYY-MM-DD HH:MM`; text that is not an ISO 8601 instant is shown as it is.
    public static func written(_ iso: String, in zone: TimeZone = .current) -> String {
        guard let date = instant(iso) else { return iso }
        return format(date, "yyyy-MM-dd HH:mm", zone)
    }

    /// `iso` in `zone` as `YYYY-MM-DD HH:MM:SS`, for an audit trail, where two entries a
    /// minute apart are told apart; no milliseconds, no `Z`.
    public static func writtenToTheSecond(_ iso: String, in zone: TimeZone = .current) -> String {
        guard let date = instant(iso) else { return iso }
        return format(date, "yyyy-MM-dd HH:mm:ss", zone)
    }

    /// Just `HH:MM` when `iso` falls on `today` in `zone`, else `YYYY-MM-DD HH:MM`.
    public static func short(_ iso: String, today: String, in zone: TimeZone = .current) -> String {
        let full = written(iso, in: zone)
        return full.hasPrefix(today + " ") ? String(full.dropFirst(today.count + 1)) : full
    }

    /// Today's date in `zone`, `YYYY-MM-DD`.
    public static func today(in zone: TimeZone = .current, now: Date = Date()) -> String {
        format(now, "yyyy-MM-dd", zone)
    }

    static func instant(_ iso: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: iso) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: iso)
    }

    static func format(_ date: Date, _ pattern: String, _ zone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = zone
        f.dateFormat = pattern
        return f.string(from: date)
    }
}
