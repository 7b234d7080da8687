import Foundation

/// What skypebridge does on Skype: messages, conversations, typing, contacts and files, over a
/// ``SkypeSession`` that keeps the tokens valid. Every method maps the service's answers to
/// ``SkypeError`` or ``HTTPError`` with a category a shell can act on.
public struct SkypeClient: Sendable {
    /// The signed-in account.
    public let session: SkypeSession

    public init(session: SkypeSession) { self.session = session }

    /// A message the service accepted.
    public struct SentMessage: Sendable, Equatable, Codable {
        /// The server id, from the `Location` header (nil if the service gave none).
        public var id: SkypeMessageID?
        /// The id we chose; the echo carries it.
        public var clientMessageID: SkypeClientMessageID
        /// The chat it went to.
        public var chat: SkypeChatID
        /// When the service received it.
        public var arrival: Date
    }

    /// Sends one message.
    /// - Parameters:
    ///   - content: plain text for `Text`, markup for `RichText` and its subtypes.
    ///   - messageType: `Text`, `RichText`, `RichText/UriObject`, `RichText/Media_GenericFile`, …
    ///   - clientMessageID: the de-duplication key; the bridge passes its outbox transaction id.
    ///   - emoteOffset: for `/me`, the length of the name prefix plus one.
    public func send(
        _ chat: SkypeChatID, content: String, messageType: String = "Text",
        clientMessageID: SkypeClientMessageID = .random(), displayName: String? = nil, emoteOffset: Int? = nil
    ) async throws -> SentMessage {
        var fields: [String: JSONValue] = [
            "contenttype": .string("text"),
            "messagetype": .string(messageType),
            "content": .string(content),
            "clientmessageid": .string(clientMessageID.rawValue),
            "Has-Mentions": .string(content.contains("<at ") ? "true" : "false"),
        ]
        if let displayName { fields["imdisplayname"] = .string(displayName) }
        if let emoteOffset { fields["skypeemoteoffset"] = .string(String(emoteOffset)) }
        let response = try await session.send(
            .messaging, .post, "/users/ME/conversations/\(SkypePath.segment(chat.rawValue))/messages",
            json: try JSONValue.object(fields).jsonString(), retryable: true
        )
        try Self.check(response, what: "chat \(chat)")
        let body = try? JSONValue.parse(response.data)
        let arrival = body?["OriginalArrivalTime"]?.number.map { Date(timeIntervalSince1970: $0 / 1000) } ?? Date()
        let id = response.headers["Location"].flatMap { $0.split(separator: "/").last.map(String.init) }.map { SkypeMessageID($0) }
        return SentMessage(id: id, clientMessageID: clientMessageID, chat: chat, arrival: arrival)
    }

    /// Replaces a message's content (skype-web.md §6.2).
    public func edit(_ chat: SkypeChatID, message: SkypeMessageID, content: String, messageType: String = "RichText") async throws {
        let fields: [String: JSONValue] = ["contenttype": .string("text"), "messagetype": .string(messageType), "content": .string(content)]
        let response = try await session.send(
            .messaging, .put, "/users/ME/conversations/\(SkypePath.segment(chat.rawValue))/messages/\(message.rawValue)",
            json: try JSONValue.object(fields).jsonString()
        )
        try Self.check(response, what: "message \(message) in \(chat)")
    }

    /// Deletes a message.
    public func delete(_ chat: SkypeChatID, message: SkypeMessageID) async throws {
        let response = try await session.send(.messaging, .delete, "/users/ME/conversations/\(SkypePath.segment(chat.rawValue))/messages/\(message.rawValue)")
        try Self.check(response, what: "message \(message) in \(chat)")
    }

    /// Shows or clears "typing" for the others in the chat.
    public func setTyping(_ chat: SkypeChatID, active: Bool) async throws {
        let fields: [String: JSONValue] = [
            "contenttype": .string("text"), "messagetype": .string(active ? "Control/Typing" : "Control/ClearTyping"),
            "content": .string(""), "clientmessageid": .string(SkypeClientMessageID.random().rawValue),
        ]
        let response = try await session.send(
            .messaging, .post, "/users/ME/conversations/\(SkypePath.segment(chat.rawValue))/messages", json: try JSONValue.object(fields).jsonString()
        )
        try Self.check(response, what: "chat \(chat)")
    }

    /// The chat's messages that arrived after `since`, oldest first (pages through history).
    public func messages(in chat: SkypeChatID, since: Date, pageSize: Int = 100) async throws -> [SkypeMessage] {
        let start = Int(since.timeIntervalSince1970 * 1000)
        var url = "/users/ME/conversations/\(SkypePath.segment(chat.rawValue))/messages?startTime=\(start)&pageSize=\(pageSize)"
            + "&view=supportsExtendedHistory%7Cmsnp24Equivalent%7CsupportsMessageProperties"
        var collected: [SkypeMessage] = []
        var seen: Set<SkypeMessageID> = []
        for _ in 0..<1000 {
            let response = try await session.send(.messaging, .get, url, headers: ["BehaviorOverride": "redirectAs404"])
            try Self.check(response, what: "chat \(chat)")
            let body = try JSONValue.parse(response.data)
            let page = (body["messages"]?.array ?? []).compactMap(SkypeEventParser.message)
            let fresh = page.filter { $0.arrival > since && seen.insert($0.id).inserted }
            collected += fresh
            guard !fresh.isEmpty, let next = body["_metadata"]?["syncState"]?.string, !next.isEmpty else { break }
            url = next
        }
        return collected.sorted { ($0.arrival, $0.id.rawValue) < ($1.arrival, $1.id.rawValue) }
    }

    /// Every conversation, paging through `syncState` until the service returns an empty page.
    public func conversations(pageSize: Int = 100) async throws -> [SkypeConversation] {
        var url = "/users/ME/conversations?startTime=0&pageSize=\(pageSize)&view=msnp24Equivalent"
            + "&targetType=Passport%7CSkype%7CLync%7CThread%7CAgent%7CShortCircuit%7CPSTN%7CFlxt%7CNotificationStream%7CModernBots%7CsecureThreads%7CInviteFree"
        var result: [SkypeConversation] = []
        var seen: Set<SkypeChatID> = []
        for _ in 0..<10_000 {
            let response = try await session.send(.messaging, .get, url)
            try Self.check(response, what: "conversation list")
            let body = try JSONValue.parse(response.data)
            let page = (body["conversations"]?.array ?? []).compactMap(SkypeConversation.init(json:))
            let fresh = page.filter { seen.insert($0.id).inserted }
            result += fresh
            guard !page.isEmpty, let next = body["_metadata"]?["syncState"]?.string, !next.isEmpty, next != url else { break }
            url = next
        }
        return result
    }

    /// Maps a non-2xx answer to an error naming `what`.
    static func check(_ response: HTTPResponse, what: String) throws {
        guard !response.isSuccess else { return }
        switch response.status {
        case 404: throw SkypeError.notFound(what)
        case 403 where SkypeSession.errorCode(response) == 804: throw SkypeError.unavailable("quarantine limit: \(what) has not accepted the contact request")
        case 429: throw SkypeError.unavailable("rate limited (HTTP 429): \(HTTPError.trimmed(response.text))")
        default: throw HTTPError.status(code: response.status, body: HTTPError.trimmed(response.text))
        }
    }
}

/// Path segments for ids such as `19:abc@thread.skype`: `:` and `@` stay, anything unusual is escaped.
enum SkypePath {
    private static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:@!$&'()*+,;=".utf8)

    static func segment(_ value: String) -> String {
        FormEncoding.percentEncode(value, keeping: allowed)
    }
}
