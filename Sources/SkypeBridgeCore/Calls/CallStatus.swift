/// The STATUS of a call as a Skype client reports it (`CALL <id> STATUS <status>`).
public enum CallStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Created, not yet sent.
    case unplaced = "UNPLACED"
    /// Being routed to the callee.
    case routing = "ROUTING"
    /// PSTN progress audio before answer.
    case earlyMedia = "EARLYMEDIA"
    /// The callee rings (outgoing) or we are being called (incoming).
    case ringing = "RINGING"
    /// Answered; media flows.
    case inProgress = "INPROGRESS"
    /// Held by us.
    case onHold = "ONHOLD"
    /// Held by us (protocol 2+).
    case localHold = "LOCALHOLD"
    /// Held by the remote party; no audio.
    case remoteHold = "REMOTEHOLD"
    /// Ended after being in progress.
    case finished = "FINISHED"
    /// An incoming call nobody answered.
    case missed = "MISSED"
    /// Rejected by the callee, or by us while ringing.
    case refused = "REFUSED"
    /// The callee is busy.
    case busy = "BUSY"
    /// The caller hung up before answer.
    case cancelled = "CANCELLED"
    /// Failed; a FAILUREREASON came first.
    case failed = "FAILED"
    /// The client offers a redial; the call is over.
    case waitingRedialCommand = "WAITING_REDIAL_COMMAND"
    /// A redial is pending; the call is over.
    case redialPending = "REDIAL_PENDING"
    /// Being transferred.
    case transferring = "TRANSFERRING"
    /// Handed over to someone else.
    case transferred = "TRANSFERRED"
    /// Diverted to voicemail: buffering the greeting.
    case voicemailBufferingGreeting = "VM_BUFFERING_GREETING"
    /// Diverted to voicemail: playing the greeting.
    case voicemailPlayingGreeting = "VM_PLAYING_GREETING"
    /// Diverted to voicemail: recording.
    case voicemailRecording = "VM_RECORDING"
    /// Diverted to voicemail: uploading.
    case voicemailUploading = "VM_UPLOADING"
    /// Voicemail sent; over.
    case voicemailSent = "VM_SENT"
    /// Voicemail cancelled; over.
    case voicemailCancelled = "VM_CANCELLED"
    /// Voicemail failed; over.
    case voicemailFailed = "VM_FAILED"
    /// The client does not know.
    case unknown = "UNKNOWN"
    /// Not available.
    case notAvailable = "NOT_AVAILABLE"

    /// Parses a wire status in any letter case; nil for statuses this client does not know.
    public init?(wire: some StringProtocol) {
        self.init(rawValue: wire.uppercased())
    }

    /// True when nothing more happens to the call (redial offers count as ended).
    public var isTerminal: Bool {
        switch self {
        case .finished, .missed, .refused, .busy, .cancelled, .failed, .waitingRedialCommand, .redialPending, .transferred,
            .voicemailSent, .voicemailCancelled, .voicemailFailed:
            true
        default:
            false
        }
    }

    /// True when audio flows (answered, or progress tones before answer).
    public var carriesMedia: Bool {
        self == .inProgress || self == .earlyMedia
    }
}
