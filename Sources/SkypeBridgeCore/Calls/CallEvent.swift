/// Something that happened to a call, reported as it happens (`call originate` prints each).
public enum CallEvent: Sendable {
    /// The interface the call goes out through.
    case interfaceSelected(InterfaceRecord)
    /// A round-robin pick could not attach; the next idle interface is tried.
    case interfaceDown(name: String, reason: String)
    /// The client accepted the call and gave it this id.
    case placed(SkypeCallID)
    /// A new STATUS (repeated statuses are reported once).
    case status(CallStatus)
    /// Why the call failed (`FAILUREREASON`, 3 = offline), before STATUS FAILED.
    case failureReason(Int)
    /// The audio listeners are bound and the client was told to connect.
    case audioPorts(input: Int, output: Int)
    /// The call's audio stopped.
    case audioEnded(CallAudioLink.Result)
    /// A DTMF digit was sent.
    case dtmfSent(String)
    /// A digit Skype cannot send (A-D) was skipped.
    case dtmfDropped(String)
    /// The remote party pressed a key.
    case dtmfReceived(String)
    /// We hang up, for this reason.
    case hangingUp(CallHangupReason)
}

/// Why skypebridge hung up a call.
public enum CallHangupReason: String, Sendable, Codable {
    /// `--ring-timeout` passed before the answer.
    case ringTimeout = "ring-timeout"
    /// `--duration` passed after the answer.
    case durationReached = "duration"
    /// SIGINT or SIGTERM.
    case interrupted
    /// The client closed an audio socket.
    case audioClosed = "audio-closed"
}
