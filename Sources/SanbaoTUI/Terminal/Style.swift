import SanbaoCore

/// What a piece of text means on screen. Screens say what, not how: the terminal maps a
/// role to colours, or to plain attributes on a monochrome terminal (or with NO_COLOR).
public enum Role: Int, Sendable, CaseIterable {
    case normal, title, muted, selected, met, notMet, followUp, notApplicable, unchecked, warning, error, key, input

    /// The attributes used when there is no colour, so meaning survives monochrome.
    public var monochrome: Attributes {
        switch self {
        case .title: [.bold]
        case .selected: [.reverse]
        case .notMet, .error: [.bold]
        case .followUp, .warning: [.underline]
        case .muted, .notApplicable, .unchecked: [.dim]
        case .key: [.bold]
        case .input: [.underline]
        default: []
        }
    }
}

/// Terminal text attributes.
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let reverse = Attributes(rawValue: 2)
    public static let underline = Attributes(rawValue: 4)
    public static let dim = Attributes(rawValue: 8)
}

/// A role plus extra attributes (a selected row keeps its colours and adds reverse).
public struct Style: Hashable, Sendable {
    public var role: Role
    public var attributes: Attributes

    public init(_ role: Role = .normal, _ attributes: Attributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let normal = Style()
}

extension IndicatorState {
    /// The style role of a state.
    public var role: Role {
        switch self {
        case .met: .met
        case .notMet: .notMet
        case .followUp: .followUp
        case .notApplicable: .notApplicable
        case .unchecked: .unchecked
        }
    }
}
