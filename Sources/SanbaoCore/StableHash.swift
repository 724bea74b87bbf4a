/// A stable 64-bit FNV-1a hash, as 16 hex digits: the same bytes give the same id on
/// every device, which is what lets two devices create the same record independently.
public enum StableHash {
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        // Contiguous bytes (an imported bundle's, 60 MB for a county) hashed from their
        // buffer: through the sequence's iterator it was 8 % of an import.
        let h = bytes.withContiguousStorageIfAvailable(fnv) ?? fnv(bytes)
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    public static func hex(_ text: String) -> String { hex(text.utf8) }

    private static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        return h
    }
}
