import Dispatch
import Foundation

/// Work spread over the machine's cores with results kept in index order, so what runs in
/// parallel gives exactly what a plain loop would.
enum Parallel {
    /// Cores to use: a county export runs on office PCs and small servers with 2-4.
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Contiguous ranges covering `0..<count`, about `minimum` items each or more, at most
    /// four per core (more pieces than cores evens out uneven pieces and a busy core).
    static func ranges(_ count: Int, minimum: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let pieces = max(1, min(cores * 4, count / max(1, minimum)))
        return (0..<pieces).map { k in (count * k / pieces)..<(count * (k + 1) / pieces) }
    }

    /// Contiguous ranges of `size` items (the last one shorter) covering `0..<count`: pieces
    /// of output small enough that those being made and those waiting their turn hold
    /// little memory, however large the whole.
    static func chunks(_ count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: max(1, size)).map { $0..<min(count, $0 + max(1, size)) }
    }

    /// `body(0) … body(count - 1)` run on every core; the results in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.put(i, body(i)) }
        return slots.values()
    }

    /// `make(0) … make(count - 1)` run on every core; each result is handed to `take` in
    /// index order as soon as it and every one before it are done, so a finished piece
    /// waits in memory only for slower ones before it, not for all of them. `take` runs on
    /// one thread at a time.
    static func ordered<T: Sendable>(_ count: Int, make: @Sendable (Int) -> T, take: @escaping (T, Int) -> Void) {
        guard count > 1 else {
            for i in 0..<count { take(make(i), i) }
            return
        }
        let queue = InOrder(take)
        DispatchQueue.concurrentPerform(iterations: count) { i in queue.deliver(i, make(i)) }
    }

    /// Results waiting for the ones before them. Unchecked Sendable: every access holds
    /// the lock.
    private final class InOrder<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var pending: [Int: T] = [:]
        private var next = 0
        private let take: (T, Int) -> Void

        init(_ take: @escaping (T, Int) -> Void) { self.take = take }

        func deliver(_ i: Int, _ value: T) {
            lock.lock()
            defer { lock.unlock() }
            pending[i] = value
            while let ready = pending.removeValue(forKey: next) {
                take(ready, next)
                next += 1
            }
        }
    }

    /// One result per index, each written once by the task that computed it. Unchecked
    /// Sendable: tasks write distinct slots, and they are read only after
    /// `concurrentPerform` returned (which waits for every task).
    private final class Slots<T>: @unchecked Sendable {
        private let count: Int
        private let base: UnsafeMutablePointer<T?>

        init(_ count: Int) {
            self.count = count
            base = .allocate(capacity: count)
            base.initialize(repeating: nil, count: count)
        }

        func put(_ i: Int, _ value: T) { base[i] = value }

        /// Moves the results out (each slot is left empty).
        func values() -> [T] { (0..<count).map { i in base[i].take()! } }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }
}
