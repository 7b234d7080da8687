/// The STATUS of a call as a Skype client reports it (`CALL <id> STATUS <status>`).
public enum CallStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case unplaced = "UNPLACED"
    case routing = "ROUTING"
    case earlyMedia = "EARLYMEDIA"
    case ringing = "RINGING"
    case inProgress = "INPROGRESS"
    case onHold = "ONHOLD"
    case localHold = "LOCALHOLD"
    case remoteHold = "REMOTEHOLD"
    case finished = "FINISHED"
    case missed = "MISSED"
    case refused = "REFUSED"
    case busy = "BUSY"
    case cancelled = "CANCELLED"
    case failed = "FAILED"
    case waitingRedialCommand = "WAITING_REDIAL_COMMAND"
    case redialPending = "REDIAL_PENDING"
    case transferring = "TRANSFERRING"
    case transferred = "TRANSFERRED"
    case voicemailBufferingGreeting = "VM_BUFFERING_GREETING"
    case voicemailPlayingGreeting = "VM_PLAYING_GREETING"
    case voicemailRecording = "VM_RECORDING"
    case voicemailUploading = "VM_UPLOADING"
    case voicemailSent = "VM_SENT"
    case voicemailCancelled = "VM_CANCELLED"
    case voicemailFailed = "VM_FAILED"
    case unknown = "UNKNOWN"
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
