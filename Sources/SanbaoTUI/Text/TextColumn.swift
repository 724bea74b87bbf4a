/// Many short texts kept as UTF-8 in one buffer, one range per row: the roster's search
/// texts for 200,000 households without 200,000 `String`s to retain on every keystroke.
struct TextColumn {
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    private var ends: [Int] = []

    mutating func append(_ text: String) {
        starts.append(bytes.count)
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
    }

    /// Row `i` gets `text`; its old bytes stay behind unused (one row per saved check).
    mutating func replace(_ i: Int, with text: String) {
        starts[i] = bytes.count
        bytes.append(contentsOf: text.utf8)
        ends[i] = bytes.count
    }

    /// Row texts as byte buffers, valid only inside `body`.
    func withView<R>(_ body: (View) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in
            starts.withUnsafeBufferPointer { s in
                ends.withUnsafeBufferPointer { e in body(View(bytes: b, starts: s, ends: e)) }
            }
        }
    }

    struct View: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int>
        let ends: UnsafeBufferPointer<Int>

        subscript(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[starts[i]..<ends[i]])
        }
    }
}
