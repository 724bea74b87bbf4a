/// The six indicator states of one household packed into one integer: a roster of
/// 200,000 rows keeps 200,000 of these instead of 200,000 dictionaries, and filtering
/// or sorting by a state reads a few bits instead of hashing.
public struct StateSet: Hashable, Sendable {
    /// Three bits per indicator, in `Indicator.allCases` order.
    public private(set) var bits: UInt32

    static let order = IndicatorState.allCases

    /// Every indicator unchecked.
    public init() {
        var b: UInt32 = 0
        for k in 0..<Indicator.allCases.count { b |= UInt32(Self.code(.unchecked)) << (3 * k) }
        bits = b
    }

    public init(_ states: [Indicator: IndicatorState]) {
        self.init()
        for (i, s) in states { self[i] = s }
    }

    /// Rebuilds a set from `bits`; nil when a field holds no state (a damaged cache).
    public init?(bits: UInt32) {
        guard bits >> (3 * Indicator.allCases.count) == 0 else { return nil }
        for k in 0..<Indicator.allCases.count where Int((bits >> (3 * k)) & 7) >= Self.order.count { return nil }
        self.bits = bits
    }

    static func code(_ s: IndicatorState) -> UInt32 { UInt32(order.firstIndex(of: s)!) }

    static func shift(_ i: Indicator) -> UInt32 { UInt32(3 * Indicator.allCases.firstIndex(of: i)!) }

    public subscript(_ i: Indicator) -> IndicatorState {
        get { Self.order[Int((bits >> Self.shift(i)) & 7)] }
        set { bits = bits & ~(7 << Self.shift(i)) | Self.code(newValue) << Self.shift(i) }
    }

    /// All six met or not applicable.
    public var meetsStandard: Bool { Indicator.allCases.allSatisfy { self[$0].passes } }

    public var dictionary: [Indicator: IndicatorState] {
        Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0, self[$0]) })
    }
}
