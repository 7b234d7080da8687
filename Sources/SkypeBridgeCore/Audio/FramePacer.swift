/// The deadlines of a frame clock: frame n is due at `start + n × period`, computed from the
/// start so rounding never drifts. After a stall the missed ticks are skipped, so a late
/// sender never bursts to catch up.
public struct FramePacer: Sendable {
    /// When frame 0 was due.
    public let start: ContinuousClock.Instant
    /// The time between frames.
    public let period: Duration
    /// The number of the frame due next.
    public private(set) var tick = 0
    /// Ticks skipped after stalls so far.
    public private(set) var skipped = 0

    /// A pacer whose frame 0 is due at `start`.
    public init(start: ContinuousClock.Instant, period: Duration = CallAudioFormat.frameDuration) {
        self.start = start
        self.period = period
    }

    /// Moves to the next frame after one was sent at `now` and returns when it is due. When
    /// `now` is a whole period or more past that deadline, the ticks that passed are skipped
    /// and the deadline is the next one still ahead.
    public mutating func advance(now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        tick += 1
        let due = start + period * tick
        if now - due >= period {
            let current = Int(((now - start) / period).rounded(.down))
            skipped += current + 1 - tick
            tick = current + 1
        }
        return start + period * tick
    }
}
