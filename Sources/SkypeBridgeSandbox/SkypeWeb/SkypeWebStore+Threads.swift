import Foundation

extension SkypeWebStore {
    /// Creates a group thread; the creator is always an admin member. Returns the thread id.
    func createThread(creator: String, members: [(id: String, role: String)], properties: [String: String], topic: String = "") throws(SkypeWebError) -> String {
        var roles = [creator: "Admin"]
        for member in members {
            guard member.id.hasPrefix("8:"), users[String(member.id.dropFirst(2))] != nil else {
                throw .badRequest("Unknown member \(member.id).")
            }
            let name = String(member.id.dropFirst(2))
            if name != creator { roles[name] = member.role == "Admin" ? "Admin" : "User" }
        }
        let hex = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let threadId = "19:\(hex)@thread.skype"
        let now = SkypeWebJSON.nowMillis()
        var threadProperties = Self.newThreadProperties(creator: creator, topic: topic, now: now)
        for (name, value) in properties { threadProperties[name] = value }
        conversations[threadId] = SkypeWebConversation(key: threadId, threadId: threadId, members: roles,
                                                       threadProperties: threadProperties, version: now)
        let targets = roles.keys.sorted().map { "<target>8:\($0)</target>" }.joined()
        postActivity(threadId, type: "AddMember", body: "<addmember><eventtime>\(now)</eventtime><initiator>8:\(creator)</initiator>\(targets)</addmember>")
        return threadId
    }

    /// The thread object of `GET /v1/threads/{id}`; 404 unknown, 403 for non-members.
    func thread(_ threadId: String, viewer: String) throws(SkypeWebError) -> String {
        guard let conversation = conversations[threadId], conversation.isGroup else { throw .unknown("thread") }
        guard conversation.members[viewer] != nil else { throw .forbidden("You are not a member of this thread.") }
        return SkypeWebJSON.encode(threadJSON(conversation))
    }

    func threadJSON(_ conversation: SkypeWebConversation) -> [String: Any] {
        let members: [[String: Any]] = conversation.members.sorted { $0.key < $1.key }.map { name, role in
            ["id": "8:\(name)", "role": role, "type": "ThreadMember", "userLink": "\(messagingBase)/users/8:\(name)",
             "capabilities": [String](), "cid": 0, "friendlyName": "", "linkedMri": "", "userTile": ""]
        }
        return ["id": conversation.key, "type": "Thread", "version": conversation.version,
                "messages": "\(messagingBase)/users/ME/conversations/\(conversation.key)/messages",
                "members": members, "properties": conversation.threadProperties]
    }

    /// Sets one thread property (`topic`, `joiningenabled`, `historydisclosed`, `moderatedthread`).
    func setThreadProperty(_ threadId: String, by actor: String, name: String, value: String) throws(SkypeWebError) {
        guard let conversation = conversations[threadId], conversation.isGroup else { throw .unknown("thread") }
        guard conversation.members[actor] != nil else { throw .forbidden("You are not a member of this thread.") }
        let allowed = ["topic", "joiningenabled", "historydisclosed", "moderatedthread", "picture"]
        guard allowed.contains(name) else { throw .badRequest("Unknown thread property \(name).") }
        conversations[threadId]?.threadProperties[name] = value
        let now = SkypeWebJSON.nowMillis()
        let head = "<eventtime>\(now)</eventtime><initiator>8:\(actor)</initiator><value>\(Self.escape(value))</value>"
        switch name {
        case "topic": postActivity(threadId, type: "TopicUpdate", body: "<topicupdate>\(head)</topicupdate>")
        case "joiningenabled": postActivity(threadId, type: "JoiningEnabledUpdate", body: "<joiningenabledupdate>\(head)</joiningenabledupdate>")
        case "historydisclosed": postActivity(threadId, type: "HistoryDisclosedUpdate", body: "<historydisclosedupdate>\(head)</historydisclosedupdate>")
        default: break
        }
        threadUpdated(threadId, extra: [])
    }

    /// Adds a member or changes their role (`PUT /v1/threads/{id}/members/8:{user}`).
    func putMember(_ threadId: String, by actor: String, member: String, role: String) throws(SkypeWebError) {
        guard let conversation = conversations[threadId], conversation.isGroup else { throw .unknown("thread") }
        guard conversation.members[actor] != nil || (conversation.threadProperties["joiningenabled"] == "true" && actor == member) else {
            throw .forbidden("You are not a member of this thread.")
        }
        guard member.hasPrefix("8:"), users[String(member.dropFirst(2))] != nil else { throw .unknown("user") }
        let name = String(member.dropFirst(2))
        let newRole = role.lowercased() == "admin" ? "Admin" : "User"
        let now = SkypeWebJSON.nowMillis()
        if conversation.members[name] == nil {
            conversations[threadId]?.members[name] = newRole
            postActivity(threadId, type: "AddMember", body: "<addmember><eventtime>\(now)</eventtime><initiator>8:\(actor)</initiator><target>\(member)</target></addmember>")
        } else {
            conversations[threadId]?.members[name] = newRole
            postActivity(threadId, type: "RoleUpdate", body: "<roleupdate><eventtime>\(now)</eventtime><initiator>8:\(actor)</initiator><target><id>\(member)</id><role>\(newRole.lowercased())</role></target></roleupdate>")
        }
        threadUpdated(threadId, extra: [])
    }

    /// Removes a member (`DELETE /v1/threads/{id}/members/8:{user}`); removing others needs admin.
    func removeMember(_ threadId: String, by actor: String, member: String) throws(SkypeWebError) {
        guard let conversation = conversations[threadId], conversation.isGroup else { throw .unknown("thread") }
        guard conversation.members[actor] != nil else { throw .forbidden("You are not a member of this thread.") }
        let name = member.hasPrefix("8:") ? String(member.dropFirst(2)) : member
        guard conversation.members[name] != nil else { throw .unknown("member") }
        guard name == actor || conversation.members[actor] == "Admin" else { throw .forbidden("Only admins can remove members.") }
        let now = SkypeWebJSON.nowMillis()
        postActivity(threadId, type: "DeleteMember", body: "<deletemember><eventtime>\(now)</eventtime><initiator>8:\(actor)</initiator><target>8:\(name)</target></deletemember>")
        conversations[threadId]?.members[name] = nil
        threadUpdated(threadId, extra: [name])
    }

    /// Stores a `ThreadActivity/*` message sent by the thread and fans it out.
    private func postActivity(_ threadId: String, type: String, body: String) {
        guard conversations[threadId] != nil else { return }
        let now = SkypeWebJSON.nowMillis()
        let stored = conversations[threadId]!.append(SkypeWebMessage(
            id: "", sender: threadId, senderName: "", messageType: "ThreadActivity/\(type)", contentType: "text",
            content: body, clientMessageId: String(now), arrival: now))
        fanOut(stored, in: conversations[threadId]!, excluding: nil)
    }

    /// Sends a `ThreadUpdate` event to every member (and to `extra`, e.g. a member just removed).
    private func threadUpdated(_ threadId: String, extra: [String]) {
        guard let conversation = conversations[threadId] else { return }
        let resource = SkypeWebJSON.encode(threadJSON(conversation))
        let link = "\(messagingBase)/threads/\(threadId)"
        let now = SkypeWebJSON.nowMillis()
        for member in Set(conversation.members.keys).union(extra) {
            deliver(to: member, resourceType: "ThreadUpdate", resourceLink: link, resource: resource, time: now)
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
