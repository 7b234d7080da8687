import Foundation
import Hummingbird

extension SkypeWebResponder {
    /// The test control API under `/_control/skype` (documented on ``SkypeWebControlAPI``).
    func control(_ incoming: SkypeWebRequest, _ path: [String]) async throws -> Response {
        guard path.first == "skype" else { throw SkypeWebError.unknown("control resource") }
        let created = ["ok": true]
        let route = SkypeWebPath(method: incoming.method, segments: Array(path.dropFirst()))
        if route.match(.get, "state") != nil {
            return SkypeWebReply.raw(.ok, await store.overview())
        }
        if route.match(.put, "settings") != nil || route.match(.get, "settings") != nil {
            let body = try incoming.json()
            let settings = await store.updateSettings(
                skypeTokenLifetime: (body["skypeTokenLifetime"] as? NSNumber)?.intValue,
                registrationTokenLifetime: (body["registrationTokenLifetime"] as? NSNumber)?.intValue,
                pollTimeout: (body["pollTimeout"] as? NSNumber)?.doubleValue)
            return SkypeWebReply.raw(.ok, settings)
        }
        if route.match(.post, "users") != nil {
            let body = try incoming.json()
            try await store.createUser(username: body["username"] as? String ?? "", password: body["password"] as? String ?? "",
                                       firstName: body["firstName"] as? String ?? "", lastName: body["lastName"] as? String ?? "")
            return SkypeWebReply.json(.created, created)
        }
        if let name = route.match(.post, "users/*/expire")?.first {
            let body = try incoming.json()
            try await store.expire(name, skypeTokens: body["skypetoken"] as? Bool ?? false,
                                   registrations: body["registration"] as? Bool ?? false)
            return SkypeWebReply.json(.ok, created)
        }
        if route.match(.post, "invites") != nil {
            let body = try incoming.json()
            try await store.invite(from: body["from"] as? String ?? "", to: body["to"] as? String ?? "",
                                   message: body["message"] as? String ?? "")
            return SkypeWebReply.json(.created, created)
        }
        if route.match(.post, "contacts") != nil {
            let body = try incoming.json()
            guard let a = body["a"] as? String, let b = body["b"] as? String else { throw SkypeWebError.badRequest("a and b are required.") }
            await store.makeContacts(a, b)
            return SkypeWebReply.json(.created, created)
        }
        if route.match(.post, "threads") != nil {
            let body = try incoming.json()
            guard let creator = body["creator"] as? String else { throw SkypeWebError.badRequest("creator is required.") }
            let members = (body["members"] as? [String] ?? []).map { (id: "8:\($0)", role: "User") }
            let id = try await store.createThread(creator: creator, members: members, properties: [:],
                                                  topic: body["topic"] as? String ?? "")
            return SkypeWebReply.json(.created, ["id": id])
        }
        if route.match(.post, "messages") != nil {
            let body = try incoming.json()
            guard let from = body["from"] as? String, let to = body["to"] as? String else {
                throw SkypeWebError.badRequest("from, to and content (or contents) are required.")
            }
            let conversation = to.contains(":") ? to : "8:\(to)"
            let messageType = body["messagetype"] as? String ?? "RichText"
            if let contents = body["contents"] as? [String] {
                let outgoing = contents.map { SkypeWebStore.OutgoingMessage(messageType: messageType, content: $0) }
                let posted = try await store.post(outgoing, from: from, to: conversation)
                return SkypeWebReply.json(.created, ["ids": posted.map(\.messageId), "conversation": posted.first?.conversationId ?? conversation])
            }
            guard let content = body["content"] as? String else { throw SkypeWebError.badRequest("from, to and content (or contents) are required.") }
            let posted = try await store.post(SkypeWebStore.OutgoingMessage(messageType: messageType, content: content), from: from, to: conversation)
            return SkypeWebReply.json(.created, ["id": posted.messageId, "conversation": posted.conversationId,
                                                 "arrival": posted.arrival])
        }
        if route.match(.get, "messages") != nil {
            guard let user = incoming.query("user"), let conversation = incoming.query("conversation") else {
                throw SkypeWebError.badRequest("user and conversation are required.")
            }
            return SkypeWebReply.raw(.ok, try await store.storedMessages(conversation, viewer: user))
        }
        if route.match(.get, "faults") != nil {
            let data = try JSONEncoder().encode(faults.armed)
            return SkypeWebReply.raw(.ok, String(decoding: data, as: UTF8.self))
        }
        if route.match(.post, "faults") != nil {
            guard let fault = try? JSONDecoder().decode(SkypeWebFault.self, from: Data(incoming.body)), fault.count > 0 else {
                throw SkypeWebError.badRequest("The body is not a fault description.")
            }
            faults.arm(fault)
            return SkypeWebReply.json(.created, created)
        }
        if route.match(.delete, "faults") != nil {
            faults.clear()
            return SkypeWebReply.json(.ok, created)
        }
        throw SkypeWebError.unknown("control resource")
    }
}
