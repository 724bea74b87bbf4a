/// A stretch of an array's storage that one thread fills: room for `capacity` values,
/// `count` of them written so far.
struct ArrayRegion<Element>: ~Copyable {
    fileprivate let start: UnsafeMutablePointer<Element>?
    fileprivate let capacity: Int
    fileprivate private(set) var count = 0

    /// Uninitialized room for the next value, or nil when the stretch is full. The
    /// caller writes the value there, then calls `keep()`; a value decoded in place is
    /// never copied.
    func room() -> UnsafeMutablePointer<Element>? {
        guard count < capacity, let start else { return nil }
        return start + count
    }

    /// The value written at `room()` is part of the array.
    mutating func keep() {
        count += 1
    }

    /// Writes `value` after the others; false, leaving it out, when the stretch is full.
    mutating func append(_ value: consuming Element) -> Bool {
        guard let slot = room() else { return false }
        slot.initialize(to: value)
        keep()
        return true
    }
}

extension Array where Element: Sendable {
    /// An array filled by several threads at once: part k writes its values into a
    /// stretch of room `sizes[k]` of the array's own storage (`fill(k, &region)`, run
    /// for every part on all cores); then the stretches are closed up in part order.
    /// Values are decoded straight into the array that is kept: no array per part and no
    /// copy of them afterwards, which for a million records is both time and memory
    /// (a copy would hold every record twice at its end). Also returns what each `fill`
    /// returned, in part order.
    static func filledConcurrently<R: Sendable>(
        sizes: [Int], _ fill: @Sendable (Int, inout ArrayRegion<Element>) -> R
    ) -> (array: [Element], results: [R]) {
        var results: [R] = []
        let array = [Element](unsafeUninitializedCapacity: sizes.reduce(0, +)) { buffer, count in
            let storage = Storage(base: buffer.baseAddress)
            let starts = Array<Int>(sizes.reductions(0, +).dropLast())
            let parts = (0..<sizes.count).concurrentMap { k in
                var region = ArrayRegion<Element>(start: storage.base.map { $0 + starts[k] }, capacity: sizes[k])
                let result = fill(k, &region)
                return (result, region.count)
            }
            count = 0
            for (k, (result, written)) in parts.enumerated() {
                if written > 0 && starts[k] != count {
                    // Regions overlap when a stretch moves by less than its length; moveInitialize allows that.
                    (storage.base! + count).moveInitialize(from: storage.base! + starts[k], count: written)
                }
                count += written
                results.append(result)
            }
        }
        return (array, results)
    }

    /// The array's storage while it is filled; each thread writes only its own stretch.
    private struct Storage: @unchecked Sendable {
        let base: UnsafeMutablePointer<Element>?
    }
}

extension Sequence {
    /// `initial`, then the running results of `next` over the elements (prefix sums).
    fileprivate func reductions<T>(_ initial: T, _ next: (T, Element) -> T) -> [T] {
        var out = [initial]
        for e in self { out.append(next(out[out.count - 1], e)) }
        return out
    }
}
