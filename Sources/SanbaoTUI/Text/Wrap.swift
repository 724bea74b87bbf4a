import SanbaoText

/// Text broken into lines of at most `width` cells, between whole characters (Chinese
/// has no spaces to break at; English breaks at a space when there is one).
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            var part = DisplayWidth.prefix(rest, width: max(1, width))
            if part.isEmpty { part = rest.prefix(1) }
            if part.count < rest.count, let space = part.lastIndex(of: " "), space > part.startIndex,
               rest[part.endIndex] != " " {
                part = rest[rest.startIndex..<space]
            }
            out.append(String(part))
            rest = rest[part.endIndex...].drop { $0 == " " }
        }
        return out.isEmpty ? [""] : out
    }
}
