import Foundation

/// Turns the poll endpoint's `eventMessages` (skype-web.md §4) and message lists (§5.3) into
/// ``SkypeEvent`` values. Liberal: unknown fields are ignored, ids may be strings or numbers,
/// times with or without fractions, `from`/`conversationLink` on any host.
public enum SkypeEventParser {
    /// One envelope from `eventMessages`, with its subscription-local id.
    public struct Envelope: Sendable, Equatable {
        /// The per-subscription event id.
        public var id: Int
        /// The event.
        public var event: SkypeEvent
    }

    /// Parses a poll response body. An empty object means "no events".
    public static func parsePoll(_ body: JSONValue) -> [Envelope] {
        (body["eventMessages"]?.array ?? []).compactMap { raw in
            guard let type = raw["resourceType"]?.string else { return nil }
            let id = raw["id"]?.number.map { Int($0) } ?? 0
            return Envelope(id: id, event: event(resourceType: type, resource: raw["resource"] ?? .null))
        }
        .sorted { $0.id < $1.id }
    }

    /// Interprets one resource.
    public static func event(resourceType: String, resource: JSONValue) -> SkypeEvent {
        switch resourceType {
        case "NewMessage":
            return messageEvent(resource) ?? .other(resourceType: resourceType)
        case "UserPresence":
            guard let link = resource["selfLink"]?.string, let user = userID(fromLink: link) else { return .other(resourceType: resourceType) }
            return .presence(user: user, status: resource["status"]?.string ?? resource["availability"]?.string ?? "Offline")
        case "ConversationUpdate":
            guard let id = resource["id"]?.string else { return .other(resourceType: resourceType) }
            return .conversationUpdate(chat: SkypeChatID(id))
        case "ThreadUpdate":
            guard let id = resource["id"]?.string else { return .other(resourceType: resourceType) }
            return .threadUpdate(chat: SkypeChatID(id))
        default:
            return .other(resourceType: resourceType)
        }
    }

    /// A message object from an event or a history page.
    public static func message(_ resource: JSONValue) -> SkypeMessage? {
        let conversation = resource["conversationid"]?.string.flatMap(chatID(fromID:))
            ?? resource["conversationLink"]?.string.flatMap(chatID(fromLink:))
        guard let id = resource["id"]?.string, let chat = conversation,
              let sender = resource["from"]?.string.flatMap(userID(fromLink:))
        else { return nil }
        let arrival = resource["originalarrivaltime"]?.string.flatMap(parseTime)
            ?? resource["composetime"]?.string.flatMap(parseTime)
            ?? Double(id).map { Date(timeIntervalSince1970: $0 / 1000) }
            ?? Date()
        let clientID = (resource["clientmessageid"] ?? resource["skypeeditedid"])?.string.map { SkypeClientMessageID($0) }
        let emoteOffset = resource["skypeemoteoffset"]?.number ?? 0
        return SkypeMessage(
            id: SkypeMessageID(id),
            clientMessageID: clientID,
            chat: chat,
            sender: sender,
            senderName: resource["imdisplayname"]?.string,
            messageType: resource["messagetype"]?.string ?? "Text",
            content: resource["content"]?.string ?? "",
            arrival: arrival,
            isEmote: emoteOffset > 0,
            threadTopic: resource["threadtopic"]?.string
        )
    }

    private static func messageEvent(_ resource: JSONValue) -> SkypeEvent? {
        let type = resource["messagetype"]?.string ?? ""
        if type == "Control/Typing" || type == "Control/ClearTyping" {
            guard let message = message(resource) else { return nil }
            return .typing(chat: message.chat, user: message.sender, active: type == "Control/Typing")
        }
        if type.hasPrefix("Control/") { return .other(resourceType: "NewMessage/\(type)") }
        guard let message = message(resource) else { return nil }
        let isEdit = resource["skypeeditedid"] != nil || resource["edittime"] != nil || resource["deletetime"] != nil
        guard isEdit else { return .message(message) }
        return message.content.isEmpty ? .deleted(message) : .edited(message)
    }

    private static func chatID(fromID id: String) -> SkypeChatID? {
        SkypeChatID(id).typePrefix == nil ? nil : SkypeChatID(id)
    }

    /// `…/users/ME/contacts/8:joe.4` or `…/users/8:joe.4` → `joe.4`.
    static func userID(fromLink link: String) -> SkypeUserID? {
        for marker in ["/contacts/", "/users/"] {
            if let range = link.range(of: marker, options: .backwards) {
                let tail = String(link[range.upperBound...]).split(separator: "/").first.map(String.init) ?? ""
                let id = SkypeChatID(tail.removingPercentEncoding ?? tail)
                if id.typePrefix != nil { return SkypeUserID(id.withoutPrefix) }
            }
        }
        return nil
    }

    /// `…/conversations/19:x@thread.skype` → the chat id.
    static func chatID(fromLink link: String) -> SkypeChatID? {
        guard let range = link.range(of: "/conversations/", options: .backwards) else { return nil }
        let tail = String(link[range.upperBound...]).split(separator: "/").first.map(String.init) ?? ""
        let id = SkypeChatID(tail.removingPercentEncoding ?? tail)
        return id.typePrefix == nil ? nil : id
    }

    /// ISO 8601 with or without fractional seconds.
    static func parseTime(_ text: String) -> Date? {
        InternetDateTime.parse(text)
    }
}
