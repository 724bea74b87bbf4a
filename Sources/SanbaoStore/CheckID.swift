import SanbaoCore

/// New check ids: the visit date and 8 random hex digits, unique across devices without
/// coordination (a clash needs the same day and a 1 in 4 billion draw). One maker for
/// the CLI and the TUI, so both write ids of the same shape.
public enum CheckID {
    public static func make(date: LocalDate) -> String {
        let hex = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let compact = date.description.filter { $0 != "-" }
        return compact + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
