import Dispatch
import Foundation

/// How the export cuts its work into pieces for the cores, and hands finished pieces on in
/// order. The pieces themselves run through SanbaoCore's `concurrentMap`, as everywhere.
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
}
