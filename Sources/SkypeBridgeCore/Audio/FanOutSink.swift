/// Hands every received frame to several sinks in turn (e.g. a recording and a DTMF detector).
public struct FanOutSink: AudioFrameSink {
    /// The sinks, written in this order.
    public let sinks: [any AudioFrameSink]

    /// A sink writing to each of `sinks`.
    public init(_ sinks: [any AudioFrameSink]) {
        self.sinks = sinks
    }

    /// Writes the frame to every sink.
    /// - Throws: the first sink error; later sinks then miss this frame.
    public func write(_ frame: [Int16]) async throws {
        for sink in sinks { try await sink.write(frame) }
    }

    /// Finishes every sink, even if one fails.
    /// - Throws: the first error any of them threw.
    public func finish() async throws {
        var failure: (any Error)?
        for sink in sinks {
            do { try await sink.finish() } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }
}
