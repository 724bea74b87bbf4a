import Foundation

/// Runs independent per-file work on every core, with results taken in file order, so
/// what comes out does not depend on which thread finished first.
enum FileReads {
    /// `work(k)` for every k in `0..<count`, on all cores; the results in index order.
    static func concurrently<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { k in
            slots.put(work(k), at: k)
        }
        return slots.values()
    }

    /// One result per index, each written once, by whichever thread did that index.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [T?]

        init(_ count: Int) { items = Array(repeating: nil, count: count) }

        func put(_ value: T, at k: Int) {
            lock.lock()
            items[k] = value
            lock.unlock()
        }

        func values() -> [T] {
            lock.lock()
            defer { lock.unlock() }
            return items.map { $0! }
        }
    }
}
