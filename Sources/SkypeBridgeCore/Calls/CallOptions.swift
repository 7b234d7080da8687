/// How one outgoing call is run.
public struct CallOptions: Sendable, Hashable {
    /// Hang up when the call is not answered within this time (EARLYMEDIA does not count).
    public var ringTimeout: Duration
    /// Hang up this long after the answer; nil = until the remote side hangs up or a signal.
    public var duration: Duration?
    /// DTMF digits to send once answered; A-D are dropped (Skype cannot send them).
    public var dtmf: String
    /// The pause between two DTMF digits.
    public var dtmfInterval: Duration
    /// Small socket buffers and `TCP_NODELAY` on the audio sockets.
    public var lowLatencyAudio: Bool
    /// How long to wait for the final status after our hang-up before giving up on it.
    public var hangupGrace: Duration

    /// Options; the defaults are the interface defaults of the configuration.
    public init(
        ringTimeout: Duration = .seconds(30), duration: Duration? = nil, dtmf: String = "", dtmfInterval: Duration = .milliseconds(250),
        lowLatencyAudio: Bool = true, hangupGrace: Duration = .seconds(5)
    ) {
        self.ringTimeout = ringTimeout
        self.duration = duration
        self.dtmf = dtmf
        self.dtmfInterval = dtmfInterval
        self.lowLatencyAudio = lowLatencyAudio
        self.hangupGrace = hangupGrace
    }
}
