/// One call as the emulator keeps it.
struct ClientAPICall: Sendable {
    /// Which way the call goes, from the endpoint's point of view.
    enum Direction: String, Sendable, Codable {
        case incoming, outgoing
    }

    let id: Int
    /// The endpoint (interface) name the call belongs to.
    let endpoint: String
    let direction: Direction
    /// A SkypeOut/SkypeIn call (TYPE …_PSTN).
    let pstn: Bool
    let partnerHandle: String
    let partnerDisplayName: String
    /// UNIX seconds when the call was created.
    let timestamp: Int
    /// The audio sockets and counters.
    let audio: ClientAPIAudio
    /// Calls that ring together for one incoming call to a user with several clients.
    let ringGroup: Int?
    var status = "UNPLACED"
    /// Every STATUS in order, starting with the first.
    var history: [String] = []
    var failureReason = 0
    var duration = 0
    var input = "SOUNDCARD=\"default\""
    var output = "SOUNDCARD=\"default\""
    /// DTMF digits the application sent.
    var dtmfSent: [String] = []
    /// DTMF digits injected towards the application.
    var dtmfReceived: [String] = []

    /// The wire TYPE.
    var type: String {
        (direction == .incoming ? "INCOMING_" : "OUTGOING_") + (pstn ? "PSTN" : "P2P")
    }

    /// Statuses after which nothing more happens.
    static let terminalStatuses: Set<String> = [
        "FINISHED", "MISSED", "REFUSED", "BUSY", "CANCELLED", "FAILED", "TRANSFERRED", "WAITING_REDIAL_COMMAND",
    ]

    var isTerminal: Bool { Self.terminalStatuses.contains(status) }

    /// The record the control API reports.
    var report: ClientAPICallReport {
        ClientAPICallReport(
            id: id, endpoint: endpoint, direction: direction.rawValue, type: type, partner: partnerHandle, status: status,
            statuses: history, failureReason: failureReason, duration: duration, dtmfSent: dtmfSent, dtmfReceived: dtmfReceived,
            audio: audio.statistics
        )
    }
}
