/// A stable 64-bit FNV-1a hash, as 16 hex digits: the same bytes give the same id on
/// every device, which is what lets two devices create the same record independently.
public enum StableHash {
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    public static func hex(_ text: String) -> String { hex(text.utf8) }
}
