/// How a call ended, as far as a script cares; each has its own exit code in `call originate`.
public enum CallOutcome: String, Sendable, Codable, CaseIterable {
    /// Answered, then ended (by either side, or after `--duration`).
    case completed
    /// The callee was busy.
    case busy
    /// The callee refused the call.
    case refused
    /// Nobody answered (our ring timeout, or the client gave up).
    case noAnswer = "no-answer"
    /// The call failed (FAILUREREASON, the client went away, or another ending).
    case failed
    /// SIGINT or SIGTERM ended the call.
    case interrupted

    /// Classifies a call from its last STATUS, whether it was answered, why we hung up and
    /// whether the connection to the client was lost.
    public static func classify(finalStatus: CallStatus?, answered: Bool, hangup: CallHangupReason?, connectionLost: Bool) -> CallOutcome {
        if hangup == .interrupted { return .interrupted }
        if connectionLost && finalStatus?.isTerminal != true { return .failed }
        if answered { return .completed }
        switch finalStatus {
        case .busy: return .busy
        case .refused: return .refused
        case .missed, .cancelled: return .noAnswer
        default: return hangup == .ringTimeout ? .noAnswer : .failed
        }
    }
}

/// Everything known about a call once it has ended.
public struct CallResult: Sendable {
    /// The classification.
    public var outcome: CallOutcome
    /// The client's call id.
    public var callID: SkypeCallID
    /// The interface it went through.
    public var interface: String
    /// The last STATUS seen; nil when the connection was lost first.
    public var finalStatus: CallStatus?
    /// `FAILUREREASON`, when the client gave one.
    public var failureReason: Int?
    /// Whether it reached INPROGRESS.
    public var answered: Bool
    /// Time from the answer to the end.
    public var talkTime: Duration
    /// Why we hung up, when we did.
    public var hangup: CallHangupReason?
    /// The audio totals, when audio ran.
    public var audio: CallAudioLink.Result?
}
