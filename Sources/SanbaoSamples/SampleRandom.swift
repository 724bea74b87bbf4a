import SanbaoCore

/// SplitMix64, the one random generator of the demo village and the scale generator: its
/// output depends only on its seed, so the same seed gives the same data on every call,
/// machine and Swift version (the standard library's generator promises no such thing).
/// Every household draws from its own stream, so its contents do not depend on how many
/// random numbers the households before it happened to use, and editing one demo
/// household does not reshuffle the names and numbers of all the others.
///
/// The demo village (Fixtures/demo) and generated data (`sanbao generate … --seed S`) are
/// pinned byte for byte, so no draw here may change: not the order, not the arithmetic.
struct SampleRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The generator's stream for item `index` of a kind (`salt` keeps kinds apart).
    init(seed: UInt64, salt: UInt64, index: Int) {
        state = SampleRandom.mix(seed ^ SampleRandom.mix(salt &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The demo village's stream for household `seq` (the demo has no seed of its own).
    init(demoHousehold seq: Int) {
        self.init(seed: 0x5341_4E42_414F_0000 ^ (UInt64(seq) &* 0x9E37_79B9_7F4A_7C15))
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
        return SampleRandom.mix(state)
    }

    /// A whole number in `range` (the slight modulo bias does not matter for made-up data).
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
