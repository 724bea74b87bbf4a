import Dispatch

extension Array where Element: Sendable {
    /// `map` run on every core, chunk by chunk, with the results in the original order.
    /// For pure, independent work over many records (judging or validating 200,000
    /// households); small arrays are mapped in place, where threads cost more than they save.
    public func concurrentMap<T: Sendable>(chunk: Int = 1024, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > chunk else { return map(transform) }
        let chunks = (count + chunk - 1) / chunk
        var parts = [[T]](repeating: [], count: chunks)
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: chunks) { k in
                    let range = (k * chunk)..<Swift.min(input.count, (k + 1) * chunk)
                    out[k] = input[range].map(transform)
                }
            }
        }
        return parts.flatMap { $0 }
    }
}
