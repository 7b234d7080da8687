import Foundation
import Hummingbird

extension SkypeWebResponder {
    /// `api.skype.com` stand-in under `/api`: self profile and contact profiles.
    func userAPI(_ incoming: SkypeWebRequest, _ path: [String]) async throws -> Response {
        let user = try await store.user(forSkypeToken: incoming.skypeToken)
        let route = SkypeWebPath(method: incoming.method, segments: path)
        if route.match(.get, "users/self/profile") != nil {
            return SkypeWebReply.raw(.ok, await store.selfProfile(user))
        }
        if route.match(.post, "users/batch/profiles") != nil {
            let names = try incoming.json()["usernames"] as? [String] ?? []
            return SkypeWebReply.raw(.ok, try await store.contactProfiles(names, viewer: user))
        }
        throw SkypeWebError.unknown("resource")
    }

    /// `profile.skype.com/profile/v1` stand-in under `/profile/v1`: public profiles.
    func profileAPI(_ incoming: SkypeWebRequest, _ path: [String]) async throws -> Response {
        _ = try await store.user(forSkypeToken: incoming.skypeToken)
        guard incoming.method == .post, path == ["v1", "batch", "profiles"] else { throw SkypeWebError.unknown("resource") }
        let names = try incoming.json()["usernames"] as? [String] ?? []
        return SkypeWebReply.raw(.ok, await store.publicProfiles(names))
    }

    /// `contacts.skype.com/contacts/v2` stand-in under `/contacts/v2` (protocol doc §8.3–§8.4).
    func contacts(_ incoming: SkypeWebRequest, _ path: [String]) async throws -> Response {
        let user = try await store.user(forSkypeToken: incoming.skypeToken)
        guard path.count >= 3, path[0] == "v2", path[1] == "users" else { throw SkypeWebError.unknown("resource") }
        guard path[2] == user.username || path[2].uppercased() == "SELF" else {
            throw SkypeWebError.unauthorized("Skype token validation failed!")
        }
        let empty = [String: Any]()
        let route = SkypeWebPath(method: incoming.method, segments: Array(path.dropFirst(3)))
        if route.match(.get, "") != nil {
            return SkypeWebReply.raw(.ok, await store.contacts(for: user))
        }
        if route.match(.get, "contacts") != nil {
            return SkypeWebReply.raw(.ok, await store.contacts(for: user, part: "contacts"))
        }
        if route.match(.get, "blocklist") != nil || route.match(.get, "contacts/blocklist") != nil {
            return SkypeWebReply.raw(.ok, await store.contacts(for: user, part: "blocklist"))
        }
        if route.match(.get, "groups") != nil {
            return SkypeWebReply.json(.ok, ["groups": [[String: Any]]()])
        }
        if route.match(.get, "invites") != nil {
            return SkypeWebReply.raw(.ok, await store.invites(for: user))
        }
        if let ids = route.match(.put, "invites/*/*"), ids[1] == "accept" || ids[1] == "decline" {
            try await store.answerInvite(of: user.username, from: Self.name(ids[0]), accept: ids[1] == "accept")
            return SkypeWebReply.json(.ok, empty)
        }
        if route.match(.post, "contacts") != nil {
            let body = try incoming.json()
            guard let mri = body["mri"] as? String else { throw SkypeWebError.badRequest("mri is required.") }
            try await store.invite(from: user.username, to: Self.name(mri), message: body["greeting"] as? String ?? "")
            return SkypeWebReply.json(.ok, empty)
        }
        if let mri = route.match(.put, "contacts/blocklist/*")?.first {
            try await store.setBlocked(of: user.username, Self.name(mri), blocked: true)
            return SkypeWebReply.json(.ok, empty)
        }
        if let mri = route.match(.delete, "contacts/blocklist/*")?.first {
            try await store.setBlocked(of: user.username, Self.name(mri), blocked: false)
            return SkypeWebReply.json(.ok, empty)
        }
        if let mri = route.match(.delete, "contacts/*")?.first {
            await store.removeContact(of: user.username, Self.name(mri))
            return SkypeWebReply.json(.ok, empty)
        }
        throw SkypeWebError.unknown("resource")
    }

    /// The Skype name inside an MRI (`8:alice` → `alice`).
    static func name(_ mri: String) -> String {
        mri.hasPrefix("8:") ? String(mri.dropFirst(2)) : mri
    }
}
