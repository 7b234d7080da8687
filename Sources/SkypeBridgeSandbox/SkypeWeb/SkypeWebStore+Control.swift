import Foundation

extension SkypeWebStore {
    /// Adds an account (control API); 400 when the name is taken or empty.
    func createUser(username: String, password: String, firstName: String, lastName: String) throws(SkypeWebError) {
        guard !username.isEmpty, !password.isEmpty else { throw .badRequest("username and password are required.") }
        guard users[username] == nil else { throw .badRequest("User \(username) already exists.") }
        users[username] = SkypeWebUser(username: username, password: password, firstName: firstName.isEmpty ? username : firstName,
                                       lastName: lastName, role: "person")
    }

    /// Changes token lifetimes (seconds) and the poll timeout for what is issued from now on.
    func updateSettings(skypeTokenLifetime: Int?, registrationTokenLifetime: Int?, pollTimeout: Double?) -> String {
        if let skypeTokenLifetime, skypeTokenLifetime > 0 { options.skypeTokenLifetime = skypeTokenLifetime }
        if let registrationTokenLifetime, registrationTokenLifetime > 0 { options.registrationTokenLifetime = registrationTokenLifetime }
        if let pollTimeout, pollTimeout >= 0 { options.pollTimeout = pollTimeout }
        return SkypeWebJSON.encode(["skypeTokenLifetime": options.skypeTokenLifetime,
                                    "registrationTokenLifetime": options.registrationTokenLifetime, "pollTimeout": options.pollTimeout])
    }

    /// Expires a user's Skype tokens and/or registration tokens now.
    func expire(_ username: String, skypeTokens expireSkype: Bool, registrations expireRegistrations: Bool) throws(SkypeWebError) {
        guard users[username] != nil else { throw .unknown("user") }
        let past = Date(timeIntervalSince1970: 0)
        if expireSkype {
            for (token, grant) in skypeTokens where grant.username == username { skypeTokens[token]?.expiry = past }
        }
        if expireRegistrations {
            for (token, grant) in registrations where grant.username == username { registrations[token]?.expiry = past }
        }
    }

    /// Every stored message of a conversation, oldest first, as `viewer` sees it.
    func storedMessages(_ id: String, viewer: String) throws(SkypeWebError) -> String {
        let key = try conversationKey(id, viewer: viewer)
        let messages = conversations[key].map { conversation in
            conversation.messages.map { messageJSON($0, in: conversation, viewer: viewer) }
        } ?? []
        return "{\"messages\":[" + messages.joined(separator: ",") + "]}"
    }

    /// A summary of accounts and conversations for the control API.
    func overview() -> String {
        let people: [[String: Any]] = users.values.sorted { $0.username < $1.username }.map { user in
            ["username": user.username, "contacts": user.contacts.sorted(), "blocked": user.blocked.sorted(),
             "invitesFrom": user.invites.map(\.from), "endpoints": userEndpoints[user.username]?.count ?? 0]
        }
        let chats: [[String: Any]] = conversations.values.sorted { $0.key < $1.key }.map { conversation in
            ["key": conversation.key, "group": conversation.isGroup, "members": conversation.members.keys.sorted(),
             "messages": conversation.messages.count]
        }
        return SkypeWebJSON.encode(["users": people, "conversations": chats])
    }

    /// The persistent part of the state.
    func snapshot() -> SkypeWebSnapshot {
        SkypeWebSnapshot(users: users.values.sorted { $0.username < $1.username },
                         conversations: conversations.values.sorted { $0.key < $1.key },
                         files: files.values.sorted { $0.id < $1.id })
    }

    /// Replaces the persistent part of the state.
    func restore(_ snapshot: SkypeWebSnapshot) {
        users = Dictionary(snapshot.users.map { ($0.username, $0) }, uniquingKeysWith: { _, last in last })
        conversations = Dictionary(snapshot.conversations.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        files = Dictionary(snapshot.files.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }
}
