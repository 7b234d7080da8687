/// An unsolicited message from a Skype client that a call, chat or contact tool acts on.
///
/// Parsing is liberal: keywords in any case, runs of spaces, and anything unrecognised is
/// simply not a notification (``init(message:)`` returns nil and the caller ignores it).
public enum SkypeAPINotification: Sendable, Equatable {
    /// `CALL <id> STATUS <status>`.
    case callStatus(SkypeCallID, CallStatus)
    /// `CALL <id> DURATION <seconds>`, sent every second while a call is in progress.
    case callDuration(SkypeCallID, seconds: Int)
    /// `CALL <id> FAILUREREASON <n>`, sent before `STATUS FAILED` (3 = user is offline).
    case callFailureReason(SkypeCallID, reason: Int)
    /// `CALL <id> DTMF <digit>`: the remote party pressed a key.
    case callDTMF(SkypeCallID, digit: String)
    /// Any other `CALL <id> <property> <value>` (PARTNER_HANDLE, CONF_ID, VIDEO_STATUS, unknown statuses…).
    case callProperty(SkypeCallID, name: String, value: String)
    /// `CHATMESSAGE <id> STATUS <status>` (SENDING, SENT, RECEIVED, READ).
    case chatMessageStatus(id: String, status: String)
    /// `USER <handle> RECEIVEDAUTHREQUEST <text>`: someone asks to be authorized.
    case authorizationRequest(from: String, text: String)
    /// Any other `USER <handle> <property> <value>`.
    case userProperty(handle: String, name: String, value: String)
    /// `PROFILE <property> <value>`, e.g. `PSTN_BALANCE 990`.
    case profile(name: String, value: String)
    /// A global property: `CONNSTATUS`, `USERSTATUS`, `CURRENTUSERHANDLE`, `SILENT_MODE`, …
    case global(name: String, value: String)

    /// Global properties reported as ``global(name:value:)``.
    static let globalNames: Set<String> = [
        "CONNSTATUS", "USERSTATUS", "CURRENTUSERHANDLE", "SILENT_MODE", "AUTOAWAY", "WINDOWSTATE", "MUTE", "AUDIO_IN", "AUDIO_OUT", "RINGER",
    ]

    /// Parses one message; nil when it is not a notification this type describes.
    public init?(message: String) {
        self.init(SkypeAPIMessage(message))
    }

    init?(_ message: SkypeAPIMessage) {
        let object = message.keyword(0)
        switch object {
        case "CALL":
            guard let id = SkypeCallID(message.keyword(1)), message.words.count >= 3 else { return nil }
            let property = message.keyword(2)
            let value = message.rest(after: 3)
            switch property {
            case "STATUS":
                guard let status = CallStatus(wire: value) else {
                    self = .callProperty(id, name: property, value: value)
                    return
                }
                self = .callStatus(id, status)
            case "DURATION":
                guard let seconds = Int(value) else { return nil }
                self = .callDuration(id, seconds: seconds)
            case "FAILUREREASON":
                guard let reason = Int(value) else { return nil }
                self = .callFailureReason(id, reason: reason)
            case "DTMF":
                guard !value.isEmpty else { return nil }
                self = .callDTMF(id, digit: value)
            default:
                self = .callProperty(id, name: property, value: value)
            }
        case "CHATMESSAGE" where message.keyword(2) == "STATUS" && message.words.count >= 4:
            self = .chatMessageStatus(id: String(message.words[1]), status: message.keyword(3))
        case "USER" where message.words.count >= 3:
            let handle = String(message.words[1])
            let property = message.keyword(2)
            if property == "RECEIVEDAUTHREQUEST" {
                self = .authorizationRequest(from: handle, text: message.rest(after: 3))
            } else {
                self = .userProperty(handle: handle, name: property, value: message.rest(after: 3))
            }
        case "PROFILE" where message.words.count >= 2:
            self = .profile(name: message.keyword(1), value: message.rest(after: 2))
        default:
            guard Self.globalNames.contains(object) else { return nil }
            self = .global(name: object, value: message.rest(after: 1))
        }
    }
}
