/// A small receive buffer between frames arriving in bursts and a consumer taking one frame per
/// 20 ms (a speaker).
///
/// It holds back playback until ``targetDepth`` frames are queued, so ordinary network jitter does
/// not starve the consumer; when it runs dry it counts an underrun and refills to the target
/// again; when a burst after a stall pushes it past ``maximumDepth`` it drops the oldest frames
/// down to the target, so latency cannot build up.
public struct JitterBuffer: Sendable {
    /// Frames queued before playback starts (and restarts after an underrun).
    public let targetDepth: Int
    /// Frames queued at most; more drop the oldest down to ``targetDepth``.
    public let maximumDepth: Int
    /// Times the buffer ran dry while playing.
    public private(set) var underruns = 0
    /// Frames dropped on overflow.
    public private(set) var dropped = 0
    private var frames: [[Int16]] = []
    private var head = 0
    private var playing = false

    /// A buffer that starts playing at `targetDepth` frames and holds at most `maximumDepth`.
    public init(targetDepth: Int = 2, maximumDepth: Int = 6) {
        self.targetDepth = max(1, targetDepth)
        self.maximumDepth = max(self.targetDepth, maximumDepth)
    }

    /// Frames queued now.
    public var depth: Int { frames.count - head }

    /// Queues a received frame, dropping the oldest ones if it overflows.
    public mutating func push(_ frame: [Int16]) {
        frames.append(frame)
        if depth > maximumDepth {
            let excess = depth - targetDepth
            head += excess
            dropped += excess
        }
        if head > 64 {
            frames.removeFirst(head)
            head = 0
        }
    }

    /// The next frame to play, or `nil` while filling up (play silence then).
    public mutating func pop() -> [Int16]? {
        if !playing {
            guard depth >= targetDepth else { return nil }
            playing = true
        }
        guard depth > 0 else {
            playing = false
            underruns += 1
            return nil
        }
        defer { head += 1 }
        return frames[head]
    }

    /// Takes every queued frame regardless of the target (at the end of a call).
    public mutating func drain() -> [[Int16]] {
        defer {
            frames = []
            head = 0
            playing = false
        }
        return Array(frames[head...])
    }
}
