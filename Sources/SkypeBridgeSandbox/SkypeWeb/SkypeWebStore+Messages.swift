import Foundation

/// The outcome of a message POST.
struct SkypeWebPosted: Sendable {
    /// The conversation id as the sender names it.
    let conversationId: String
    /// The server message id (digits).
    let messageId: String
    /// Arrival time, epoch ms.
    let arrival: Int64
    /// The message URL sent as `Location`.
    let location: String
}

extension SkypeWebStore {
    /// What a client sent in a message POST.
    struct OutgoingMessage: Sendable {
        var messageType: String
        var contentType: String
        var content: String
        var clientMessageId: String
        var displayName: String?
        var emoteOffset: String?
        var hasMentions: String?
        /// Set for the legacy edit form (a POST carrying `skypeeditedid`).
        var editedClientId: String?

        /// Reads the body fields of `POST …/messages`.
        init(body: [String: Any]) throws(SkypeWebError) {
            guard let type = body["messagetype"] as? String, !type.isEmpty else {
                throw .badRequest("The message has no messagetype.")
            }
            messageType = type
            contentType = body["contenttype"] as? String ?? "text"
            content = SkypeWebJSON.string(body["content"]) ?? ""
            clientMessageId = SkypeWebJSON.string(body["clientmessageid"]) ?? String(SkypeWebJSON.nowMillis())
            displayName = body["imdisplayname"] as? String
            emoteOffset = SkypeWebJSON.string(body["skypeemoteoffset"])
            hasMentions = body["Has-Mentions"] as? String
            editedClientId = SkypeWebJSON.string(body["skypeeditedid"])
        }

        init(messageType: String, content: String, clientMessageId: String = String(SkypeWebJSON.nowMillis())) {
            self.messageType = messageType
            self.contentType = "text"
            self.content = content
            self.clientMessageId = clientMessageId
        }
    }

    /// Posts a message as `sender` to conversation `id` (as `sender` names it) and fans it out.
    /// - Returns: the conversation id for the sender, the server message id, its arrival time and URL.
    func post(_ outgoing: OutgoingMessage, from sender: String, to id: String) throws(SkypeWebError) -> SkypeWebPosted {
        let key = try conversationKey(id, viewer: sender, create: true)
        // The conversation is only ever read through `conversations[key]` (never kept in a local),
        // so appending mutates the history in place instead of copying it.
        guard let user = users[sender], let conversationId = conversations[key]?.id(for: sender) else {
            throw .unknown("conversation")
        }
        let now = SkypeWebJSON.nowMillis()
        if outgoing.messageType.hasPrefix("Control/") {
            let message = SkypeWebMessage(id: String(now), sender: user.mri, senderName: outgoing.displayName ?? user.displayName,
                                          messageType: outgoing.messageType, contentType: outgoing.contentType,
                                          content: outgoing.content, clientMessageId: outgoing.clientMessageId, arrival: now)
            fanOut(message, in: conversations[key]!, excluding: sender)
            return posted(conversationId, String(now), now)
        }
        if let edited = outgoing.editedClientId {
            guard let index = conversations[key]?.messages.lastIndex(where: { $0.clientMessageId == edited && $0.sender == user.mri }) else {
                throw .unknown("message")
            }
            let stored = try applyEdit(key: key, index: index, content: outgoing.content, at: now)
            return posted(conversationId, stored.id, now)
        }
        let stored = conversations[key]!.append(SkypeWebMessage(
            id: "", sender: user.mri, senderName: outgoing.displayName ?? user.displayName, messageType: outgoing.messageType,
            contentType: outgoing.contentType, content: outgoing.content, clientMessageId: outgoing.clientMessageId,
            arrival: now, emoteOffset: outgoing.emoteOffset, hasMentions: outgoing.hasMentions))
        fanOut(stored, in: conversations[key]!, excluding: nil)
        return posted(conversationId, stored.id, now)
    }

    /// Posts `messages` in order as `sender` to conversation `id`, as one client sending them one
    /// after the other would (the control API's batch form).
    func post(_ messages: [OutgoingMessage], from sender: String, to id: String) throws(SkypeWebError) -> [SkypeWebPosted] {
        var posted: [SkypeWebPosted] = []
        posted.reserveCapacity(messages.count)
        for message in messages { posted.append(try post(message, from: sender, to: id)) }
        return posted
    }

    /// Edits (non-empty `content`) or deletes (empty) a message the sender wrote.
    func edit(_ id: String, messageId: String, by sender: String, content: String) throws(SkypeWebError) -> Int64 {
        let key = try conversationKey(id, viewer: sender)
        guard let index = conversations[key]?.messageIndex[messageId] else { throw .unknown("message") }
        guard conversations[key]?.messages[index].sender == "8:\(sender)" else {
            throw .forbidden("Only the sender can change a message.")
        }
        let now = SkypeWebJSON.nowMillis()
        _ = try applyEdit(key: key, index: index, content: content, at: now)
        return now
    }

    private func posted(_ conversationId: String, _ messageId: String, _ arrival: Int64) -> SkypeWebPosted {
        SkypeWebPosted(conversationId: conversationId, messageId: messageId, arrival: arrival,
                       location: "\(messagingBase)/users/ME/conversations/\(conversationId)/messages/\(messageId)")
    }

    private func applyEdit(key: String, index: Int, content: String, at now: Int64) throws(SkypeWebError) -> SkypeWebMessage {
        guard var message = conversations[key]?.messages[index] else { throw .unknown("conversation") }
        message.content = content
        if content.isEmpty {
            message.deleteTime = now
        } else {
            message.editTime = now
            message.deleteTime = nil
        }
        conversations[key]!.messages[index] = message
        conversations[key]!.version = max(conversations[key]!.version, now)
        fanOut(message, in: conversations[key]!, excluding: nil)
        return message
    }

    /// Sends a `NewMessage` event for `message` to every endpoint of every member
    /// (except `excluded`, and except members who blocked the sender).
    func fanOut(_ message: SkypeWebMessage, in conversation: SkypeWebConversation, excluding excluded: String?) {
        let senderName = message.sender.hasPrefix("8:") ? String(message.sender.dropFirst(2)) : nil
        for member in conversation.members.keys where member != excluded {
            if let senderName, users[member]?.blocked.contains(senderName) == true { continue }
            guard userEndpoints[member] != nil else { continue }
            let resource = messageJSON(message, in: conversation, viewer: member)
            let link = "\(messagingBase)/users/ME/conversations/\(conversation.id(for: member))/messages/\(message.id)"
            deliver(to: member, resourceType: "NewMessage", resourceLink: link, resource: resource,
                    time: message.editTime ?? message.deleteTime ?? message.arrival)
        }
    }
}
