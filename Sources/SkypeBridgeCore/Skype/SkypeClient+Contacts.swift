import Foundation

/// A pending contact request (skype-web.md §8.4).
public struct SkypeContactRequest: Sendable, Equatable, Codable {
    /// Who asked.
    public var user: SkypeUserID
    /// Their display name.
    public var displayName: String?
    /// The greeting they sent.
    public var message: String?
    /// When they asked.
    public var time: Date?
}

/// A contact on the account's list (skype-web.md §8.3).
public struct SkypeContact: Sendable, Equatable, Codable {
    /// The contact.
    public var user: SkypeUserID
    /// The name to show.
    public var displayName: String?
    /// Whether they accepted the contact request.
    public var authorized: Bool
    /// Whether the account blocked them.
    public var blocked: Bool
}

extension SkypeClient {
    /// Pending incoming contact requests.
    public func contactRequests() async throws -> [SkypeContactRequest] {
        let me = try await session.credentials().userID
        let response = try await session.send(.contacts, .get, "/users/\(SkypePath.segment(me.rawValue))/invites")
        try Self.check(response, what: "contact requests")
        let list = try JSONValue.parse(response.data)["invite_list"]?.array ?? []
        return list.compactMap { entry in
            guard let mri = entry["mri"]?.string else { return nil }
            let latest = entry["invites"]?.array?.last
            return SkypeContactRequest(
                user: SkypeUserID(SkypeChatID(mri).withoutPrefix),
                displayName: entry["displayname"]?.string,
                message: latest?["message"]?.string,
                time: latest?["time"]?.string.flatMap(SkypeEventParser.parseTime)
            )
        }
    }

    /// Accepts a contact request and adds the user to the messaging roster, as skpy does.
    public func acceptContactRequest(from user: SkypeUserID) async throws {
        let me = try await session.credentials().userID
        let response = try await session.send(
            .contacts, .put, "/users/\(SkypePath.segment(me.rawValue))/invites/\(SkypePath.segment(user.mri.rawValue))/accept"
        )
        try Self.check(response, what: "contact request from \(user)")
        let roster = try await session.send(.messaging, .put, "/users/ME/contacts/\(SkypePath.segment(user.mri.rawValue))", json: "{}")
        try Self.check(roster, what: "contact \(user)")
    }

    /// Declines a contact request.
    public func declineContactRequest(from user: SkypeUserID) async throws {
        let me = try await session.credentials().userID
        let response = try await session.send(
            .contacts, .put, "/users/\(SkypePath.segment(me.rawValue))/invites/\(SkypePath.segment(user.mri.rawValue))/decline"
        )
        try Self.check(response, what: "contact request from \(user)")
    }

    /// The contact list.
    public func contacts() async throws -> [SkypeContact] {
        let me = try await session.credentials().userID
        let response = try await session.send(.contacts, .get, "/users/\(SkypePath.segment(me.rawValue))?delta=&reason=default")
        try Self.check(response, what: "contact list")
        let body = try JSONValue.parse(response.data)
        return (body["contacts"]?.array ?? []).compactMap { entry in
            guard let mri = entry["mri"]?.string, entry["suggested"]?.bool != true else { return nil }
            return SkypeContact(
                user: SkypeUserID(SkypeChatID(mri).withoutPrefix),
                displayName: entry["display_name"]?.string,
                authorized: entry["authorized"]?.bool ?? false,
                blocked: entry["blocked"]?.bool ?? false
            )
        }
    }

    /// Resolves what a user typed as a send target: a chat id (`8:…`, `19:…`) is kept, a Skype
    /// name or `live:` id (no spaces) is that user's 1:1 chat, anything else is looked up as a
    /// contact's display name (case-insensitive, exactly one match).
    public func resolveTarget(_ text: String) async throws -> SkypeChatID {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw SkypeError.notFound("an empty chat id") }
        if !trimmed.contains(" ") { return SkypeChatID.parse(trimmed) }
        let matches = try await contacts().filter { $0.displayName?.caseInsensitiveCompare(trimmed) == .orderedSame }
        switch matches.count {
        case 1: return matches[0].user.mri
        case 0: throw SkypeError.notFound("no chat or contact named '\(trimmed)'")
        default: throw SkypeError.notFound("'\(trimmed)' matches \(matches.count) contacts; use an id: \(matches.map(\.user.rawValue).joined(separator: ", "))")
        }
    }
}
