import SanbaoCore

/// SplitMix64: a tiny, well-known generator whose output depends only on its seed, so
/// the demo village is the same on every call, machine and Swift version (the standard
/// library's generator makes no such promise).
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one household. Each household has its own stream, so editing one
    /// household in the table does not reshuffle the names and numbers of all the others.
    init(household seq: Int) {
        self.init(seed: 0x5341_4E42_414F_0000 ^ (UInt64(seq) &* 0x9E37_79B9_7F4A_7C15))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range` (the slight modulo bias does not matter for demo data).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A multiple of `step` in `range`: amounts look like 8,400 yuan, not 8,413.
    mutating func int(_ range: ClosedRange<Int>, step: Int) -> Int {
        let n = int((range.lowerBound / step)...(range.upperBound / step))
        return n * step
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool {
        int(0...99) < percent
    }

    /// A date from `from` to `to`, both included.
    mutating func date(from: LocalDate, to: LocalDate) -> LocalDate {
        LocalDate(dayNumber: int(from.dayNumber...to.dayNumber))
    }
}
