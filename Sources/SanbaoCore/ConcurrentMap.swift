import Dispatch

// Work spread over the machine's cores with the results in the original order, so what
// runs in parallel gives exactly what a plain loop would. The one way every layer does it:
// files and villages read (store), households judged and validated (domain), pieces of a
// report built and rendered (export), a long roster filtered (TUI).

extension Range where Bound == Int {
    /// `transform(k)` for every `k` in the range, on every core, a task for each; the
    /// results in index order. For a few pieces of work each large enough to pay for a
    /// thread (a file, a village, a thousand rows).
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let start = lowerBound
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each task initializes its own slot; the array is read only after
            // `concurrentPerform` has returned, which waits for every task.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: count) { k in
                (out.baseAddress! + k).initialize(to: transform(start + k))
            }
            initialized = count
        }
    }
}

extension Array where Element: Sendable {
    /// `map` run on every core, chunk by chunk, with the results in the original order.
    /// For pure, independent work over many records (judging or validating 200,000
    /// households); small arrays are mapped in place, where threads cost more than they save.
    public func concurrentMap<T: Sendable>(chunk: Int = 1024, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > chunk else { return map(transform) }
        let chunks = (count + chunk - 1) / chunk
        return withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            return (0..<chunks).concurrentMap { k in
                input[(k * chunk)..<Swift.min(input.count, (k + 1) * chunk)].map(transform)
            }.flatMap { $0 }
        }
    }
}
