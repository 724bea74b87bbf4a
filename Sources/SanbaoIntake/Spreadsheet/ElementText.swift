/// The character data of one element (`<v>`, `<t>`), gathered without copying in the
/// usual case of a single run of text: only text split by CDATA sections, comments or
/// several runs (rich text) is copied, unescaped, into a buffer.
struct ElementText {
    private var single: Range<Int>?
    private var joined: [UInt8]?

    var isEmpty: Bool { single == nil && joined == nil }

    /// Adds escaped character data.
    mutating func add(_ xml: XMLScan, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if isEmpty { single = range; return }
        var bytes = materialized(xml)
        XMLText.append(xml.bytes, range, into: &bytes)
        joined = bytes
    }

    /// Adds a CDATA section, taken as written.
    mutating func addLiteral(_ xml: XMLScan, _ range: Range<Int>) {
        var bytes = materialized(xml)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: xml.bytes[range]))
        joined = bytes
    }

    /// Adds another element's text (a rich-text run after the first).
    mutating func add(_ xml: XMLScan, _ other: ElementText) {
        if other.isEmpty { return }
        if isEmpty { self = other; return }
        var bytes = materialized(xml)
        if let range = other.single { XMLText.append(xml.bytes, range, into: &bytes) }
        if let more = other.joined { bytes.append(contentsOf: more) }
        joined = bytes
    }

    private mutating func materialized(_ xml: XMLScan) -> [UInt8] {
        if let joined { self.joined = nil; return joined }
        var bytes: [UInt8] = []
        if let single { XMLText.append(xml.bytes, single, into: &bytes); self.single = nil }
        return bytes
    }

    /// The raw bytes, when they are one run of text.
    var range: Range<Int>? { joined == nil ? single : nil }

    /// The text, `xstring` escapes decoded or not.
    func string(_ xml: XMLScan, xstring: Bool) -> String {
        if let single { return XMLText.string(xml.bytes, single, xstring: xstring) }
        if let joined { return XMLText.string(joined, xstring: xstring) }
        return ""
    }
}

extension XMLScan {
    /// The text of the element whose open tag ends at `start`, and the index past its close
    /// tag; nil when the bytes end first. Child elements are skipped, their text ignored.
    @inline(__always)
    func elementText(from start: Int) -> (ElementText, Int)? {
        var text = ElementText()
        var at = start
        var depth = 0
        while let lt = find(UInt8(ascii: "<"), from: at) {
            if depth == 0 { text.add(self, at..<lt) }
            guard let tag = tag(at: lt) else { return nil }
            at = tag.end
            switch tag.kind {
            case .close:
                if depth == 0 { return (text, at) }
                depth -= 1
            case .open: depth += 1
            case .cdata: if depth == 0 { text.addLiteral(self, tag.name) }
            case .empty, .other: break
            }
        }
        return nil
    }

    /// The text of a rich string (`<si>`, `<is>`: CT_Rst) whose open tag ends at `start`:
    /// its `<t>` and the `<t>` of each run `<r>` joined, phonetic runs `<rPh>` left out;
    /// and the index past its close tag. Nil when the bytes end first.
    func richText(from start: Int) -> (ElementText, Int)? {
        var text = ElementText()
        var at = start
        var depth = 0
        var phonetic = 0
        while let lt = find(UInt8(ascii: "<"), from: at) {
            guard let tag = tag(at: lt) else { return nil }
            at = tag.end
            switch tag.kind {
            case .open:
                if equals(tag.name, "t") {
                    guard let (run, end) = elementText(from: tag.end) else { return nil }
                    if phonetic == 0 { text.add(self, run) }
                    at = end
                } else {
                    depth += 1
                    if equals(tag.name, "rPh") { phonetic += 1 }
                }
            case .close:
                if depth == 0 { return (text, at) }
                depth -= 1
                if equals(tag.name, "rPh") { phonetic -= 1 }
            case .empty, .cdata, .other:
                break
            }
        }
        return nil
    }
}
