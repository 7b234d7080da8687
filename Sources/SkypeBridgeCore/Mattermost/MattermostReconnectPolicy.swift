/// How long ``MattermostEventStream`` waits before connecting again: exponential backoff with
/// jitter, reset once a connection is established.
public struct MattermostReconnectPolicy: Sendable, Hashable {
    /// The wait ceiling before the first reconnect.
    public var initialDelay: Duration
    /// The largest wait ceiling.
    public var maxDelay: Duration
    /// The randomised share of each wait, `0...1`: 0 waits exactly the ceiling, 1 anywhere from 0 to it.
    public var jitter: Double

    /// Creates a policy; the default waits about 1 s, doubling up to 5 min, half of it random (as matterclient).
    public init(initialDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(300), jitter: Double = 0.5) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The wait after `failures` consecutive failed or lost connections (1 for the first).
    /// - Parameter unitRandom: a uniform random number in `0...1`.
    public func delay(afterFailures failures: Int, unitRandom: () -> Double = { Double.random(in: 0...1) }) -> Duration {
        let doublings = min(max(failures - 1, 0), 30)
        let ceiling = min(initialDelay * (1 << doublings), maxDelay)
        return ceiling * (1 - jitter) + ceiling * (jitter * unitRandom())
    }
}
