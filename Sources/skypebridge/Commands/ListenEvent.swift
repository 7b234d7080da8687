import Foundation
import SkypeBridgeCore

/// One line of `listen` output: an event flattened for `jq` and for people.
struct ListenEvent: Encodable {
    var type: String
    var chat: String?
    var sender: String?
    var senderName: String?
    var id: String?
    var clientMessageID: String?
    var messageType: String?
    var text: String?
    var content: String?
    var time: Date?
    var active: Bool?
    var status: String?
    var history: Bool?
    var interface: String?
    var call: Int?
    var action: String?
    var digit: String?
    var accepted: Bool?
    var answered: Bool?
    var bytesIn: Int?
    var bytesOut: Int?

    enum CodingKeys: String, CodingKey {
        case type, chat, sender, senderName = "sender_name", id, clientMessageID = "client_message_id"
        case messageType = "message_type", text, content, time, active, status, history
        case interface, call, action, digit, accepted, answered, bytesIn = "bytes_in", bytesOut = "bytes_out"
    }

    init(type: String) { self.type = type }

    /// The line for `event`; nil for events `listen` does not report.
    init?(_ event: SkypeEvent) {
        switch event {
        case let .message(message): self.init(message: message, type: "message")
        case let .edited(message): self.init(message: message, type: "edit")
        case let .deleted(message): self.init(message: message, type: "delete")
        case let .typing(chat, user, active):
            self.init(type: "typing")
            self.chat = chat.rawValue
            sender = user.rawValue
            self.active = active
        case let .presence(user, status):
            self.init(type: "presence")
            sender = user.rawValue
            self.status = status
        case let .threadUpdate(chat), let .conversationUpdate(chat):
            self.init(type: "thread")
            self.chat = chat.rawValue
        case .other:
            return nil
        }
    }

    init(message: SkypeMessage, type: String) {
        self.init(type: type)
        chat = message.chat.rawValue
        sender = message.sender.rawValue
        senderName = message.senderName
        id = message.id.rawValue
        clientMessageID = message.clientMessageID?.rawValue
        messageType = message.messageType
        content = message.content
        text = message.messageType == "Text" ? message.content : SkypeRichText.parse(message.content).plainText
        time = message.arrival
    }

    init(request: SkypeContactRequest) {
        self.init(type: "contact")
        sender = request.user.rawValue
        senderName = request.displayName
        text = request.message
        time = request.time
    }

    /// The line for people (`--format text`).
    var humanLine: String {
        let when = time.map { ISO8601DateFormatter().string(from: $0) } ?? ISO8601DateFormatter().string(from: Date())
        let who = senderName ?? sender ?? "-"
        switch type {
        case "typing": return "\(when) \(chat ?? "") \(who) \(active == true ? "is typing" : "stopped typing")"
        case "presence": return "\(when) \(who) is \(status ?? "?")"
        case "thread": return "\(when) \(chat ?? "") changed"
        case "contact":
            let outcome = accepted == true ? " (accepted)" : ""
            return "\(when) \(interface.map { "[\($0)] " } ?? "")contact request from \(who): \(text ?? "")\(outcome)"
        case "incoming-call": return "\(when) [\(interface ?? "")] call \(call ?? 0) from \(who): \(action ?? "")"
        case "call-status": return "\(when) [\(interface ?? "")] call \(call ?? 0) \(status ?? "")"
        case "call-end":
            return "\(when) [\(interface ?? "")] call \(call ?? 0) ended\(answered == true ? " after answer" : ""), "
                + "\(bytesIn ?? 0) bytes in, \(bytesOut ?? 0) bytes out"
        case "dtmf": return "\(when) [\(interface ?? "")] call \(call ?? 0) dtmf \(digit ?? "")"
        case "chat": return "\(when) [\(interface ?? "")] \(chat ?? "") <\(who)> \(text ?? "")"
        default:
            let label = type == "message" ? "" : "[\(type)] "
            return "\(when) \(chat ?? "") <\(who)> \(label)\(text ?? "")"
        }
    }
}
