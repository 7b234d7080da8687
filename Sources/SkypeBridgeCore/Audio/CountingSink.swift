import Synchronization

/// A sink that keeps nothing but counts what it received (bytes, frames, the loudest sample).
public final class CountingSink: AudioFrameSink {
    /// What a ``CountingSink`` has counted.
    public struct Counts: Sendable, Equatable {
        /// Bytes received (2 per sample).
        public var bytes = 0
        /// Frames received (a short final frame counts as one).
        public var frames = 0
        /// The largest absolute sample value seen.
        public var peak = 0
        /// Whether ``finish()`` was called.
        public var finished = false
    }

    private let state = Mutex(Counts())

    /// An empty counter.
    public init() {}

    /// The counts so far.
    public var counts: Counts { state.withLock { $0 } }

    /// Counts one frame.
    public func write(_ frame: [Int16]) async throws {
        let peak = frame.reduce(0) { max($0, abs(Int($1))) }
        state.withLock {
            $0.bytes += frame.count * 2
            $0.frames += 1
            $0.peak = max($0.peak, peak)
        }
    }

    /// Marks the counter finished.
    public func finish() async throws {
        state.withLock { $0.finished = true }
    }
}
