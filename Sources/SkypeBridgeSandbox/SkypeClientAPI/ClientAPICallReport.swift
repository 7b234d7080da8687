/// A call as the control API reports it (`GET /_control/calls`).
public struct ClientAPICallReport: Sendable, Codable, Equatable {
    /// The call id the endpoint gave it.
    public var id: Int
    /// The endpoint (interface) name.
    public var endpoint: String
    /// `incoming` or `outgoing`.
    public var direction: String
    /// The wire TYPE, e.g. `OUTGOING_P2P`.
    public var type: String
    /// The partner's Skype name or number.
    public var partner: String
    /// The current STATUS.
    public var status: String
    /// Every STATUS so far, in order.
    public var statuses: [String]
    /// The FAILUREREASON, 0 when none.
    public var failureReason: Int
    /// Seconds in progress.
    public var duration: Int
    /// DTMF digits the application sent.
    public var dtmfSent: [String]
    /// DTMF digits injected towards the application.
    public var dtmfReceived: [String]
    /// The audio counters.
    public var audio: ClientAPIAudioStatistics

    enum CodingKeys: String, CodingKey {
        case id, endpoint, direction, type, partner, status, statuses, duration, audio
        case failureReason = "failure_reason"
        case dtmfSent = "dtmf_sent"
        case dtmfReceived = "dtmf_received"
    }
}
