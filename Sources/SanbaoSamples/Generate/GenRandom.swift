import SanbaoCore

/// SplitMix64 for the scale generator: its output depends only on its seed, so the same
/// seed gives the same data on every machine and Swift version (the standard library's
/// generator promises no such thing). Every household draws from its own stream, derived
/// from the seed and the household's position, so its contents do not depend on how many
/// random numbers the households before it happened to use.
struct GenRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for item `index` of a kind (`salt` keeps kinds apart).
    init(seed: UInt64, salt: UInt64, index: Int) {
        state = GenRandom.mix(seed ^ GenRandom.mix(salt &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The SplitMix64 finaliser: a bijection of 64-bit values that scrambles every bit.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return GenRandom.mix(state)
    }

    /// A whole number in `range` (the slight modulo bias does not matter for test data).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// A multiple of `step` in `range`: amounts look like 8,400 yuan, not 8,413.
    mutating func int(_ range: ClosedRange<Int>, step: Int) -> Int {
        int((range.lowerBound / step)...(range.upperBound / step)) * step
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(next() % UInt64(items.count))]
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool {
        Int(next() % 100) < percent
    }

    /// True `perMille` times in a thousand.
    mutating func chance(perMille: Int) -> Bool {
        Int(next() % 1000) < perMille
    }

    /// One of `items`, each as likely as its weight.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var r = Int(next() % UInt64(total))
        for (item, w) in items {
            if r < w { return item }
            r -= w
        }
        return items[items.count - 1].0
    }

    /// A date from `from` to `to`, both included.
    mutating func date(from: LocalDate, to: LocalDate) -> LocalDate {
        LocalDate(dayNumber: int(from.dayNumber...max(from.dayNumber, to.dayNumber)))
    }
}

/// Small text helpers for the generator (no Foundation in the core).
enum GenText {
    /// `value` with leading zeros to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `YYYYMMDD`.
    static func compact(_ d: LocalDate) -> String {
        pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2)
    }

    static let chineseNumerals = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (group and village numbers).
    static func chinese(_ n: Int) -> String {
        switch n {
        case 0...10: return chineseNumerals[n]
        case 11...19: return "十" + chineseNumerals[n - 10]
        case 20...99: return chineseNumerals[n / 10] + "十" + (n % 10 == 0 ? "" : chineseNumerals[n % 10])
        default: return String(n)
        }
    }

    /// 32 bits as 8 lower-case hex digits.
    static func hex8(_ v: UInt32) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 8)
        var x = v
        for i in stride(from: 7, through: 0, by: -1) {
            out[i] = digits[Int(x & 0xF)]
            x >>= 4
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A bijection of 32-bit values (odd multiplications and xor-shifts are invertible):
    /// distinct counters give distinct, random-looking check ids.
    static func permute(_ x: UInt32, key: UInt32) -> UInt32 {
        var z = x ^ key
        z = (z ^ (z >> 16)) &* 0x7FEB_352D
        z = (z ^ (z >> 15)) &* 0x846C_A68B
        return z ^ (z >> 16)
    }
}
