/// The two languages Sanbao speaks. Chinese first: it is the default whenever the
/// locale does not clearly ask for English.
public enum Language: String, CaseIterable, Sendable, Codable {
    case zh
    case en

    /// Picks the language from POSIX locale variables in their order of precedence
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`). `en*` gives English; anything else,
    /// including an unset or `C` locale, gives Chinese.
    public static func fromLocale(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            if value.hasPrefix("en") { return .en }
            if value.hasPrefix("zh") { return .zh }
            if value == "C" || value == "POSIX" || value.hasPrefix("C.") { return .zh }
            return .zh
        }
        return .zh
    }
}

/// A short text in both languages. Reasons, labels and messages are built as pairs so a
/// summary computed once can be shown or exported in either language.
public struct Bilingual: Hashable, Sendable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}
