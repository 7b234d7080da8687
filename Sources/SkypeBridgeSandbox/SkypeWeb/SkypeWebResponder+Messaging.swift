import Foundation
import Hummingbird

extension SkypeWebResponder {
    /// The messaging gateway under `/v1` (protocol doc §3–§6).
    func messaging(_ incoming: SkypeWebRequest, _ path: [String]) async throws -> Response {
        let route = SkypeWebPath(method: incoming.method, segments: path)
        let empty = [String: Any]()
        if route.match(.post, "users/ME/endpoints") != nil {
            return try await registerEndpoint(incoming)
        }
        let session = try await store.session(forRegistrationToken: incoming.registrationToken)
        if let rest = route.match(nil, "users/ME/endpoints/**"), !rest.isEmpty {
            return try await endpoint(incoming, rest, session: session)
        }
        if route.match(.get, "users/ME/presenceDocs/messagingService") != nil {
            return SkypeWebReply.raw(.ok, await store.endpointDocs(for: session.user))
        }
        if route.match(.put, "users/ME/presenceDocs/messagingService") != nil {
            let status = try incoming.json()["status"] as? String ?? ""
            try await store.setPresence(session.user, status: status)
            return SkypeWebReply.json(.ok, empty)
        }
        if route.match(.get, "users/ME/properties") != nil {
            return SkypeWebReply.json(.ok, ["primaryMemberName": session.user])
        }
        if route.match(.get, "users/ME/conversations") != nil {
            return await conversationList(incoming, session.user)
        }
        if route.match(.post, "users/ME/conversations/ALL/messages/*/ack") != nil {
            return SkypeWebReply.json(.ok, empty)
        }
        if let id = route.match(.get, "users/ME/conversations/*")?.first {
            return SkypeWebReply.raw(.ok, try await store.conversation(id, viewer: session.user))
        }
        if let id = route.match(nil, "users/ME/conversations/*/messages")?.first {
            return try await messages(incoming, conversation: id, user: session.user)
        }
        if let ids = route.match(.put, "users/ME/conversations/*/messages/*") {
            let content = SkypeWebJSON.string(try incoming.json()["content"]) ?? ""
            let time = try await store.edit(ids[0], messageId: ids[1], by: session.user, content: content)
            return SkypeWebReply.json(.ok, ["edittime": time])
        }
        if let ids = route.match(.delete, "users/ME/conversations/*/messages/*") {
            let time = try await store.edit(ids[0], messageId: ids[1], by: session.user, content: "")
            return SkypeWebReply.json(.ok, ["deletetime": time])
        }
        if let id = route.match(.put, "users/ME/conversations/*/properties")?.first {
            guard let name = incoming.query("name") else { throw SkypeWebError.badRequest("The property name is missing.") }
            let value = SkypeWebJSON.string(try incoming.json()[name]) ?? ""
            try await store.setConversationProperty(id, viewer: session.user, name: name, value: value)
            return SkypeWebReply.json(.ok, empty)
        }
        if route.match(.get, "users/ME/contacts/ALL/presenceDocs/messagingService") != nil {
            return SkypeWebReply.json(.ok, ["Responses": [[String: Any]]()])
        }
        if route.match(.put, "users/ME/contacts/*") != nil || route.match(.delete, "users/ME/contacts/*") != nil
            || route.match(.post, "users/ME/contacts") != nil {
            return SkypeWebReply.json(.ok, empty)
        }
        if let rest = route.match(nil, "threads/**") {
            return try await threads(incoming, rest, user: session.user)
        }
        throw SkypeWebError.notFound(code: 201, message: "The resource URL is misformatted.")
    }

    private func registerEndpoint(_ incoming: SkypeWebRequest) async throws -> Response {
        guard let header = incoming.request.headers[SkypeWebReply.field("LockAndKey")] else {
            throw SkypeWebError.unauthorized("LockAndKey header missing.")
        }
        var fields: [String: String] = [:]
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard fields["appId"] == LockAndKey.appId, let time = fields["time"], let answer = fields["lockAndKeyResponse"],
              LockAndKey.verify(challenge: time, answer: answer) else {
            throw SkypeWebError.unauthorized("LockAndKey verification failed.")
        }
        if let seconds = Double(time), abs(Date().timeIntervalSince1970 - seconds) > 3600 {
            throw SkypeWebError.unauthorized("LockAndKey time is too far from the server clock.")
        }
        if !incoming.body.isEmpty { _ = try incoming.json() }
        let grant = try await store.register(skypeToken: incoming.skypeToken)
        let value = "registrationToken=\(grant.token); expires=\(grant.expires); endpointId=\(grant.endpointId)"
        return SkypeWebReply.json(.created, [String: Any](), headers: [SkypeWebReply.field("Set-RegistrationToken"): value])
    }

    private func endpoint(_ incoming: SkypeWebRequest, _ path: [String], session: (user: String, endpointId: String)) async throws -> Response {
        let endpointId = try await store.endpointId(path[0], session: session)
        let route = SkypeWebPath(method: incoming.method, segments: Array(path.dropFirst()))
        let empty = [String: Any]()
        if route.match(.put, "presenceDocs/messagingService") != nil || route.match(.put, "presenceDocs/endpointMessagingService") != nil {
            _ = try incoming.json()
            return SkypeWebReply.json(.ok, empty)
        }
        if route.match(.post, "active") != nil || route.match(.put, "properties") != nil {
            return SkypeWebReply.json(.ok, empty)
        }
        if route.match(.post, "subscriptions") != nil {
            _ = try incoming.json()
            await store.subscribe(endpointId: endpointId)
            let location = "\(await store.messagingBase)/users/ME/endpoints/\(path[0])/subscriptions/0"
            return SkypeWebReply.json(.created, empty, headers: [.location: location])
        }
        if route.match(.put, "subscriptions/0") != nil {
            let resources = try incoming.json()["interestedResources"] as? [String] ?? []
            try await store.subscribePresence(endpointId: endpointId, resources: resources)
            return SkypeWebReply.json(.ok, empty)
        }
        if route.match(.post, "subscriptions/0/poll") != nil {
            let events = try await store.poll(endpointId: endpointId)
            return SkypeWebReply.raw(.ok, "{\"eventMessages\":[\(events.joined(separator: ","))]}")
        }
        if route.match(nil, "subscriptions/*/**") != nil {
            throw SkypeWebError.notFound(code: 450, message: "Subscription requested could not be found.")
        }
        throw SkypeWebError.notFound(code: 201, message: "The resource URL is misformatted.")
    }

    private func conversationList(_ incoming: SkypeWebRequest, _ user: String) async -> Response {
        let pageSize = min(max(Int(incoming.query("pageSize") ?? "") ?? 25, 1), 200)
        var cursor: (Int64, String)?
        if let state = incoming.query("syncState"), let split = state.firstIndex(of: "_"), let version = Int64(state[..<split]) {
            cursor = (version, String(state[state.index(after: split)...]))
        }
        return SkypeWebReply.raw(.ok, await store.conversationPage(viewer: user, before: cursor, pageSize: pageSize))
    }

    private func messages(_ incoming: SkypeWebRequest, conversation id: String, user: String) async throws -> Response {
        switch incoming.method {
        case .post:
            let outgoing = try SkypeWebStore.OutgoingMessage(body: try incoming.json())
            let posted = try await store.post(outgoing, from: user, to: id)
            return SkypeWebReply.raw(.created, "{\"OriginalArrivalTime\":\(posted.arrival)}", headers: [.location: posted.location])
        case .get:
            let pageSize = min(max(Int(incoming.query("pageSize") ?? "") ?? 30, 1), 200)
            let before = incoming.query("syncState").flatMap { Int64($0) }
            return SkypeWebReply.raw(.ok, try await store.messagePage(id, viewer: user, before: before, pageSize: pageSize))
        case .delete:
            try await store.clearHistory(id, viewer: user)
            return SkypeWebReply.json(.ok, [String: Any]())
        default:
            throw SkypeWebError.methodNotAllowed
        }
    }

    private func threads(_ incoming: SkypeWebRequest, _ path: [String], user: String) async throws -> Response {
        let route = SkypeWebPath(method: incoming.method, segments: path)
        let empty = [String: Any]()
        if route.match(.post, "") != nil {
            let body = try incoming.json()
            guard let list = body["members"] as? [[String: Any]] else { throw SkypeWebError.badRequest("members must be a list.") }
            let members = list.compactMap { entry -> (id: String, role: String)? in
                guard let id = entry["id"] as? String else { return nil }
                return (id, entry["role"] as? String ?? "User")
            }
            var properties: [String: String] = [:]
            for (name, value) in body["properties"] as? [String: Any] ?? [:] {
                properties[name] = SkypeWebReply.propertyText(value)
            }
            let threadId = try await store.createThread(creator: user, members: members, properties: properties)
            return SkypeWebReply.json(.created, empty, headers: [.location: "\(await store.messagingBase)/threads/\(threadId)"])
        }
        if let threadId = route.match(.get, "*")?.first {
            return SkypeWebReply.raw(.ok, try await store.thread(threadId, viewer: user))
        }
        if let threadId = route.match(.put, "*/properties")?.first {
            guard let name = incoming.query("name") else { throw SkypeWebError.badRequest("The property name is missing.") }
            guard let value = try incoming.json()[name] else { throw SkypeWebError.badRequest("The property value is missing.") }
            try await store.setThreadProperty(threadId, by: user, name: name, value: SkypeWebReply.propertyText(value))
            return SkypeWebReply.json(.ok, empty)
        }
        if let ids = route.match(.put, "*/members/*") {
            let role = (try? incoming.json())?["role"] as? String ?? "User"
            try await store.putMember(ids[0], by: user, member: ids[1], role: role)
            return SkypeWebReply.json(.ok, empty)
        }
        if let ids = route.match(.delete, "*/members/*") {
            try await store.removeMember(ids[0], by: user, member: ids[1])
            return SkypeWebReply.json(.ok, empty)
        }
        throw SkypeWebError.notFound(code: 201, message: "The resource URL is misformatted.")
    }
}

extension SkypeWebReply {
    /// A thread property as the service stores it: booleans become `"true"`/`"false"`.
    static func propertyText(_ value: Any) -> String {
        if let number = value as? NSNumber, String(cString: number.objCType) == "c" {
            return number.boolValue ? "true" : "false"
        }
        return SkypeWebJSON.string(value) ?? ""
    }
}
