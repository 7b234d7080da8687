import Foundation

extension SkypeWebStore {
    /// Finds the conversation `viewer` calls `id` (`8:<name>` or a `19:` thread id).
    /// With `create`, a one-to-one conversation with an existing user is created on demand
    /// (with `viewer` itself too: a chat with yourself has one member).
    func conversationKey(_ id: String, viewer: String, create: Bool = false) throws(SkypeWebError) -> String {
        if id.hasPrefix("8:") {
            let other = String(id.dropFirst(2))
            guard users[other] != nil else { throw .unknown("conversation") }
            let key = SkypeWebConversation.pairKey(viewer, other)
            if conversations[key] == nil {
                guard create else { throw .unknown("conversation") }
                conversations[key] = SkypeWebConversation(
                    key: key, threadId: nil, members: Dictionary([(viewer, "User"), (other, "User")]) { role, _ in role }, threadProperties: [:],
                    version: SkypeWebJSON.nowMillis())
            }
            return key
        }
        guard let conversation = conversations[id] else { throw .unknown("conversation") }
        guard conversation.members[viewer] != nil else { throw .forbidden("You are not a member of this conversation.") }
        return id
    }

    /// The body of `GET /v1/users/ME/conversations`: `viewer`'s conversations, newest activity
    /// first, one page after `cursor`, with a `syncState` link to the next page.
    func conversationPage(viewer: String, before cursor: (Int64, String)?, pageSize: Int) -> String {
        let mine = conversations.values.filter { $0.members[viewer] != nil && ($0.isGroup || !$0.messages.isEmpty) }
        let sorted = mine.sorted { ($0.version, $0.key) > ($1.version, $1.key) }
        let remaining = cursor.map { cut in sorted.filter { ($0.version, $0.key) < cut } } ?? sorted
        let page = Array(remaining.prefix(pageSize))
        var metadata: [String: Any] = ["totalCount": sorted.count]
        if let next = page.last.map({ ($0.version, $0.key) }) ?? cursor {
            let state = "\(next.0)_\(next.1)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let link = "\(messagingBase)/users/ME/conversations?startTime=0&pageSize=\(pageSize)&view=msnp24Equivalent&syncState=\(state)"
            metadata["syncState"] = link
            metadata["backwardLink"] = link
        }
        let items = page.map { conversationJSON($0, viewer: viewer) }.joined(separator: ",")
        return "{\"conversations\":[" + items + "],\"_metadata\":" + SkypeWebJSON.encode(metadata) + "}"
    }

    /// One conversation as `viewer` sees it (`GET /v1/users/ME/conversations/{id}`).
    func conversation(_ id: String, viewer: String) throws(SkypeWebError) -> String {
        let key = try conversationKey(id, viewer: viewer)
        guard let conversation = conversations[key] else { throw .unknown("conversation") }
        if !conversation.isGroup && conversation.messages.isEmpty { throw .unknown("conversation") }
        return conversationJSON(conversation, viewer: viewer)
    }

    /// A conversation object for `viewer`, as JSON text.
    func conversationJSON(_ conversation: SkypeWebConversation, viewer: String) -> String {
        let id = conversation.id(for: viewer)
        var object: [String: Any] = [
            "id": id, "type": "Conversation", "version": conversation.version,
            "messages": "\(messagingBase)/users/ME/conversations/\(id)/messages",
            "properties": conversation.memberProperties[viewer] ?? [:],
        ]
        if let threadId = conversation.threadId {
            object["targetLink"] = "\(messagingBase)/threads/\(threadId)"
            object["threadProperties"] = [
                "topic": conversation.threadProperties["topic"] ?? "", "lastjoinat": conversation.threadProperties["createdat"] ?? "0",
                "version": String(conversation.version), "membercount": String(conversation.members.count),
            ]
        } else {
            object["targetLink"] = "\(messagingBase)/users/ME/contacts/\(id)"
        }
        var lastMessage = "{}"
        if let last = conversation.messages.last, last.arrival > clearedAt(conversation, viewer: viewer) {
            lastMessage = messageJSON(last, in: conversation, viewer: viewer)
        }
        return String(SkypeWebJSON.encode(object).dropLast()) + ",\"lastMessage\":" + lastMessage + "}"
    }

    func clearedAt(_ conversation: SkypeWebConversation, viewer: String) -> Int64 {
        conversation.memberProperties[viewer]?["clearedat"].flatMap { Int64($0) } ?? 0
    }

    /// A stored message in wire form for `viewer`, as JSON text (built by hand: it is on the
    /// hot path of every post, once per recipient).
    func messageJSON(_ message: SkypeWebMessage, in conversation: SkypeWebConversation, viewer: String) -> String {
        let conversationId = conversation.id(for: viewer)
        let time = SkypeWebJSON.quote(SkypeWebJSON.isoMillis(message.arrival))
        var text = "{\"id\":\"\(message.id)\",\"version\":\"\(message.id)\",\"type\":\"Message\""
        text += ",\"conversationid\":" + SkypeWebJSON.quote(conversationId)
        text += ",\"conversationLink\":" + SkypeWebJSON.quote("\(messagingBase)/users/ME/conversations/\(conversationId)")
        text += ",\"from\":" + SkypeWebJSON.quote("\(messagingBase)/users/ME/contacts/\(message.sender)")
        text += ",\"messagetype\":" + SkypeWebJSON.quote(message.messageType)
        text += ",\"contenttype\":" + SkypeWebJSON.quote(message.contentType)
        text += ",\"content\":" + SkypeWebJSON.quote(message.content)
        text += ",\"imdisplayname\":" + SkypeWebJSON.quote(message.senderName)
        text += ",\"isactive\":true,\"composetime\":" + time + ",\"originalarrivaltime\":" + time
        let idField = message.editTime != nil || message.deleteTime != nil ? "skypeeditedid" : "clientmessageid"
        text += ",\"\(idField)\":" + SkypeWebJSON.quote(message.clientMessageId)
        var properties: [String] = []
        if let edit = message.editTime { properties.append("\"edittime\":\"\(edit)\"") }
        if let delete = message.deleteTime { properties.append("\"deletetime\":\"\(delete)\"") }
        text += ",\"properties\":{" + properties.joined(separator: ",") + "}"
        if let offset = message.emoteOffset { text += ",\"skypeemoteoffset\":" + SkypeWebJSON.quote(offset) }
        if let mentions = message.hasMentions { text += ",\"Has-Mentions\":" + SkypeWebJSON.quote(mentions) }
        if conversation.isGroup, let topic = conversation.threadProperties["topic"] {
            text += ",\"threadtopic\":" + SkypeWebJSON.quote(topic)
        }
        return text + "}"
    }

    /// The body of `GET …/conversations/{id}/messages`: newest first, older than message id
    /// `before`, with a `syncState` link to the next page.
    func messagePage(_ id: String, viewer: String, before: Int64?, pageSize: Int) throws(SkypeWebError) -> String {
        let key = try conversationKey(id, viewer: viewer)
        var items: [String] = []
        var next = before
        if let conversation = conversations[key] {
            let cleared = clearedAt(conversation, viewer: viewer)
            for message in conversation.messages.reversed() {
                guard message.arrival > cleared else { break }
                let numeric = Int64(message.id) ?? 0
                if let before, numeric >= before { continue }
                items.append(messageJSON(message, in: conversation, viewer: viewer))
                next = numeric
                if items.count == pageSize { break }
            }
        }
        var metadata: [String: Any] = [:]
        if let next {
            let link = "\(messagingBase)/users/ME/conversations/\(id)/messages?startTime=0&pageSize=\(pageSize)&view=msnp24Equivalent&syncState=\(next)"
            metadata["syncState"] = link
            metadata["backwardLink"] = link
        }
        return "{\"messages\":[" + items.joined(separator: ",") + "],\"_metadata\":" + SkypeWebJSON.encode(metadata) + "}"
    }

    /// Sets one per-member conversation property (`consumptionhorizon`, `alerts`).
    func setConversationProperty(_ id: String, viewer: String, name: String, value: String) throws(SkypeWebError) {
        let key = try conversationKey(id, viewer: viewer)
        conversations[key]?.memberProperties[viewer, default: [:]][name] = value
    }

    /// Clears `viewer`'s history of a conversation (`DELETE …/messages`).
    func clearHistory(_ id: String, viewer: String) throws(SkypeWebError) {
        let key = try conversationKey(id, viewer: viewer)
        conversations[key]?.memberProperties[viewer, default: [:]]["clearedat"] = String(SkypeWebJSON.nowMillis())
    }
}
