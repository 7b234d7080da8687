import Foundation

extension SkypeWebStore {
    /// Finds the conversation `viewer` calls `id` (`8:<name>` or a `19:` thread id).
    /// With `create`, a one-to-one conversation with an existing user is created on demand.
    func conversationKey(_ id: String, viewer: String, create: Bool = false) throws(SkypeWebError) -> String {
        if id.hasPrefix("8:") {
            let other = String(id.dropFirst(2))
            guard users[other] != nil else { throw .unknown("conversation") }
            let key = SkypeWebConversation.pairKey(viewer, other)
            if conversations[key] == nil {
                guard create else { throw .unknown("conversation") }
                conversations[key] = SkypeWebConversation(
                    key: key, threadId: nil, members: [viewer: "User", other: "User"], threadProperties: [:],
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
        return SkypeWebJSON.encode(["conversations": page.map { conversationJSON($0, viewer: viewer) }, "_metadata": metadata])
    }

    /// One conversation as `viewer` sees it (`GET /v1/users/ME/conversations/{id}`).
    func conversation(_ id: String, viewer: String) throws(SkypeWebError) -> String {
        let key = try conversationKey(id, viewer: viewer)
        guard let conversation = conversations[key] else { throw .unknown("conversation") }
        if !conversation.isGroup && conversation.messages.isEmpty { throw .unknown("conversation") }
        return SkypeWebJSON.encode(conversationJSON(conversation, viewer: viewer))
    }

    func conversationJSON(_ conversation: SkypeWebConversation, viewer: String) -> [String: Any] {
        let id = conversation.id(for: viewer)
        var object: [String: Any] = [
            "id": id, "type": "Conversation", "version": conversation.version,
            "messages": "\(messagingBase)/users/ME/conversations/\(id)/messages",
            "properties": conversation.memberProperties[viewer] ?? [:],
        ]
        let cleared = clearedAt(conversation, viewer: viewer)
        if let last = conversation.messages.last, last.arrival > cleared {
            object["lastMessage"] = messageJSON(last, in: conversation, viewer: viewer)
        } else {
            object["lastMessage"] = [String: Any]()
        }
        if let threadId = conversation.threadId {
            object["targetLink"] = "\(messagingBase)/threads/\(threadId)"
            object["threadProperties"] = [
                "topic": conversation.threadProperties["topic"] ?? "", "lastjoinat": conversation.threadProperties["createdat"] ?? "0",
                "version": String(conversation.version), "membercount": String(conversation.members.count),
            ]
        } else {
            object["targetLink"] = "\(messagingBase)/users/ME/contacts/\(id)"
        }
        return object
    }

    func clearedAt(_ conversation: SkypeWebConversation, viewer: String) -> Int64 {
        conversation.memberProperties[viewer]?["clearedat"].flatMap { Int64($0) } ?? 0
    }

    /// A stored message in wire form for `viewer`.
    func messageJSON(_ message: SkypeWebMessage, in conversation: SkypeWebConversation, viewer: String) -> [String: Any] {
        let conversationId = conversation.id(for: viewer)
        var object: [String: Any] = [
            "id": message.id, "version": message.id, "type": "Message", "conversationid": conversationId,
            "conversationLink": "\(messagingBase)/users/ME/conversations/\(conversationId)",
            "from": "\(messagingBase)/users/ME/contacts/\(message.sender)",
            "messagetype": message.messageType, "contenttype": message.contentType, "content": message.content,
            "imdisplayname": message.senderName, "isactive": true,
            "composetime": SkypeWebJSON.isoMillis(message.arrival),
            "originalarrivaltime": SkypeWebJSON.isoMillis(message.arrival),
        ]
        var properties: [String: Any] = [:]
        if message.editTime != nil || message.deleteTime != nil {
            object["skypeeditedid"] = message.clientMessageId
        } else {
            object["clientmessageid"] = message.clientMessageId
        }
        if let edit = message.editTime { properties["edittime"] = String(edit) }
        if let delete = message.deleteTime { properties["deletetime"] = String(delete) }
        object["properties"] = properties
        if let offset = message.emoteOffset { object["skypeemoteoffset"] = offset }
        if let mentions = message.hasMentions { object["Has-Mentions"] = mentions }
        if let topic = conversation.threadProperties["topic"], conversation.isGroup { object["threadtopic"] = topic }
        return object
    }

    /// The body of `GET …/conversations/{id}/messages`: newest first, older than message id
    /// `before`, with a `syncState` link to the next page.
    func messagePage(_ id: String, viewer: String, before: Int64?, pageSize: Int) throws(SkypeWebError) -> String {
        let key = try conversationKey(id, viewer: viewer)
        var items: [[String: Any]] = []
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
        return SkypeWebJSON.encode(["messages": items, "_metadata": metadata])
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
