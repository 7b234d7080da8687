import Foundation

/// Chats, contacts and the profile: `CHAT CREATE`, `CHATMESSAGE`, `GET/SET CHAT|CHATMESSAGE|USER|PROFILE`.
extension ClientAPIWorld {
    /// The dialog chat of `owner` with `partner`, created on first use.
    func chat(owner: String, partner: String) -> ClientAPIChat {
        if let existing = chats.values.first(where: { $0.owner == owner && $0.partner == partner }) { return existing }
        let suffix = String(nextID(), radix: 16)
        let chat = ClientAPIChat(
            name: "#\(owner)/$\(partner);" + String(repeating: "0", count: max(0, 16 - suffix.count)) + suffix,
            owner: owner, partner: partner, timestamp: Int(Date().timeIntervalSince1970)
        )
        chats[chat.name] = chat
        return chat
    }

    func createChat(_ request: ClientAPIRequest, from session: ClientAPISession) {
        guard request.keyword(1) == "CREATE" else { return reply(session, request, "ERROR 2 Unknown command") }
        let partner = request.rest(after: 2).split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !partner.isEmpty else { return reply(session, request, "ERROR 507 CHAT CREATE: invalid handle") }
        let chat = chat(owner: user(of: session.endpoint), partner: partner)
        reply(session, request, "CHAT \(chat.name) STATUS DIALOG")
    }

    func sendChatMessage(_ request: ClientAPIRequest, from session: ClientAPISession) {
        let user = user(of: session.endpoint)
        guard let chat = chats[request.word(1)], chat.owner == user else { return reply(session, request, "ERROR 105 Invalid chat name") }
        let body = request.rest(after: 2)
        guard !body.isEmpty else { return reply(session, request, "ERROR 43 Cannot send empty message") }
        let message = ClientAPIChatMessage(
            id: nextID(), endpoint: session.endpoint, chatName: chat.name, fromHandle: user, fromDisplayName: user, body: body,
            timestamp: Int(Date().timeIntervalSince1970), status: "SENDING"
        )
        chatMessages[message.id] = message
        reply(session, request, "CHATMESSAGE \(message.id) STATUS SENDING")
        let step = seed.timing.stepMilliseconds
        Task {
            try? await Task.sleep(for: .milliseconds(step))
            self.markSent(message.id)
        }
    }

    private func markSent(_ id: Int) {
        guard let message = chatMessages[id], message.status == "SENDING" else { return }
        chatMessages[id]?.status = "SENT"
        notify(message.endpoint, "CHATMESSAGE \(id) STATUS SENT")
    }

    /// Delivers a message from `handle` to every client of `user` as `CHATMESSAGE <id> STATUS RECEIVED`.
    func receiveChatMessage(user: String, from handle: String, displayName: String, body: String) -> [ClientAPIChatMessage] {
        let chat = chat(owner: user, partner: handle)
        return endpointNames(of: user).map { endpoint in
            let message = ClientAPIChatMessage(
                id: nextID(), endpoint: endpoint, chatName: chat.name, fromHandle: handle, fromDisplayName: displayName, body: body,
                timestamp: Int(Date().timeIntervalSince1970), status: "RECEIVED"
            )
            chatMessages[message.id] = message
            notify(endpoint, "CHATMESSAGE \(message.id) STATUS RECEIVED")
            return message
        }
    }

    /// Delivers `USER <handle> RECEIVEDAUTHREQUEST <text>` to every client of `user`.
    func receiveAuthorizationRequest(user: String, from handle: String, text: String) -> [String] {
        authorizationRequests[user, default: [:]][handle] = text
        let names = endpointNames(of: user)
        for endpoint in names { notify(endpoint, "USER \(handle) RECEIVEDAUTHREQUEST \(text)") }
        return names
    }

    func getChat(_ request: ClientAPIRequest, from session: ClientAPISession) {
        guard let chat = chats[request.word(2)] else { return reply(session, request, "ERROR 105 Invalid chat name") }
        let property = request.keyword(3)
        let value: String? =
            switch property {
            case "NAME": chat.name
            case "STATUS", "TYPE": "DIALOG"
            case "DIALOG_PARTNER", "FRIENDLYNAME": chat.partner
            case "MEMBERS", "ACTIVEMEMBERS", "POSTERS": "\(chat.owner) \(chat.partner)"
            case "TIMESTAMP": String(chat.timestamp)
            case "TOPIC": ""
            case "CHATMESSAGES", "RECENTCHATMESSAGES":
                chatMessages.values.filter { $0.chatName == chat.name && $0.endpoint == session.endpoint }.map(\.id).sorted().map(String.init)
                    .joined(separator: ", ")
            default: nil
            }
        guard let value else { return reply(session, request, "ERROR 501 CHAT: invalid property") }
        reply(session, request, "CHAT \(chat.name) \(property) \(value)")
    }

    func getChatMessage(_ request: ClientAPIRequest, from session: ClientAPISession) {
        guard let id = Int(request.word(2)), let message = chatMessages[id], message.endpoint == session.endpoint else {
            return reply(session, request, "ERROR 14 Invalid message id")
        }
        let property = request.keyword(3)
        let value: String? =
            switch property {
            case "TYPE": "SAID"
            case "CHATNAME": message.chatName
            case "FROM_HANDLE": message.fromHandle
            case "FROM_DISPNAME": message.fromDisplayName
            case "BODY": message.body
            case "TIMESTAMP": String(message.timestamp)
            case "STATUS": message.status
            case "EDITED_BY": ""
            case "EDITED_TIMESTAMP": "0"
            default: nil
            }
        guard let value else { return reply(session, request, "ERROR 16 Invalid PROP") }
        reply(session, request, "CHATMESSAGE \(id) \(property) \(value)")
    }

    /// `SET CHATMESSAGE <id> SEEN` → `CHATMESSAGE <id> STATUS READ`.
    func markSeen(_ request: ClientAPIRequest, from session: ClientAPISession) {
        let object = request.keyword(1)
        guard request.keyword(3) == "SEEN", let id = Int(request.word(2)), let message = chatMessages[id], message.endpoint == session.endpoint else {
            return reply(session, request, "ERROR 14 Invalid message id")
        }
        chatMessages[id]?.status = "READ"
        reply(session, request, "\(object) \(id) STATUS READ")
    }

    func getUser(_ request: ClientAPIRequest, from session: ClientAPISession) {
        let me = user(of: session.endpoint)
        let handle = request.word(2)
        guard !handle.isEmpty else { return reply(session, request, "ERROR 8 Invalid user handle") }
        let known = handle == "echo123" || !endpointNames(of: handle).isEmpty
        let property = request.keyword(3)
        let value: String? =
            switch property {
            case "HANDLE": handle
            case "FULLNAME", "DISPLAYNAME": handle
            case "ONLINESTATUS": known ? "ONLINE" : "OFFLINE"
            case "BUDDYSTATUS": String(buddyStatus[me]?[handle] ?? (handle == "echo123" ? 3 : 0))
            case "ISAUTHORIZED": authorized[me]?[handle] == true ? "TRUE" : "FALSE"
            case "ISBLOCKED": "FALSE"
            case "HASCALLEQUIPMENT": "TRUE"
            case "MOOD_TEXT", "ABOUT", "COUNTRY", "CITY", "LANGUAGE", "HOMEPAGE", "SEX", "BIRTHDAY": ""
            case "RECEIVEDAUTHREQUEST": authorizationRequests[me]?[handle] ?? ""
            default: nil
            }
        guard let value else { return reply(session, request, "ERROR 10 Invalid PROP") }
        reply(session, request, "USER \(handle) \(property) \(value)")
    }

    func setUser(_ request: ClientAPIRequest, from session: ClientAPISession) {
        let me = user(of: session.endpoint)
        let handle = request.word(2)
        switch request.keyword(3) {
        case "ISAUTHORIZED" where ["TRUE", "FALSE"].contains(request.keyword(4)):
            authorized[me, default: [:]][handle] = request.keyword(4) == "TRUE"
            reply(session, request, "USER \(handle) ISAUTHORIZED \(request.keyword(4))")
        case "ISBLOCKED" where ["TRUE", "FALSE"].contains(request.keyword(4)):
            reply(session, request, "USER \(handle) ISBLOCKED \(request.keyword(4))")
        case "BUDDYSTATUS":
            guard let status = Int(request.word(4)), [1, 2].contains(status) else { return reply(session, request, "ERROR 518 Invalid status given for BUDDYSTATUS") }
            buddyStatus[me, default: [:]][handle] = status == 1 ? 0 : 2
            reply(session, request, "USER \(handle) BUDDYSTATUS \(buddyStatus[me]?[handle] ?? 0)")
        default:
            reply(session, request, "ERROR 516 ISAUTHORIZED: invalid value")
        }
    }

    func getProfile(_ request: ClientAPIRequest, from session: ClientAPISession) {
        let me = user(of: session.endpoint)
        let property = request.keyword(2)
        let value: String? =
            switch property {
            case "PSTN_BALANCE": String(balance(of: me))
            case "PSTN_BALANCE_CURRENCY": seed.currency
            case "FULLNAME", "DISPLAYNAME": me
            case "MOOD_TEXT", "CALL_FORWARD_RULES": ""
            case "CALL_APPLY_CF", "CALL_SEND_TO_VM": "FALSE"
            case "CALL_NOANSWER_TIMEOUT": "15"
            default: nil
            }
        guard let value else { return reply(session, request, "ERROR 552 GET PROFILE: invalid property") }
        reply(session, request, "PROFILE \(property) \(value)")
    }

    /// Who `user` has authorized with `SET USER <h> ISAUTHORIZED TRUE`.
    func authorizedHandles(of user: String) -> [String] {
        (authorized[user] ?? [:]).filter(\.value).keys.sorted()
    }
}
