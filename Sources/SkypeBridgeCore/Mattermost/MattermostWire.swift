import Foundation

/// Reading Mattermost JSON liberally: unknown keys are ignored, missing optional fields take
/// their empty value, numbers may arrive as strings and ids as numbers, `""` ids mean "none".
enum MattermostWire {
    /// The string member `key` (numbers rendered), or `""`.
    static func string(_ object: [String: JSONValue], _ key: String) -> String {
        object[key]?.string ?? ""
    }

    /// The integer member `key` (a number or a numeric string), or 0.
    static func int64(_ object: [String: JSONValue], _ key: String) -> Int64 {
        guard let value = object[key]?.number, value.isFinite else { return 0 }
        return Int64(value)
    }

    /// The boolean member `key` (a boolean or `"true"`/`"false"`), or false.
    static func bool(_ object: [String: JSONValue], _ key: String) -> Bool {
        object[key]?.bool ?? false
    }

    /// The id member `key`, nil when missing or empty.
    static func id<ID: MattermostIdentifier>(_ object: [String: JSONValue], _ key: String) -> ID? {
        let raw = string(object, key)
        return raw.isEmpty ? nil : ID(rawValue: raw)
    }

    /// Parses a JSON object from bytes; nil when the bytes are not a JSON object.
    static func object(_ data: Data) -> [String: JSONValue]? {
        (try? JSONValue.parse(data))?.object
    }

    /// Parses any JSON value from bytes; nil when the bytes are not JSON.
    static func value(_ data: Data) -> JSONValue? {
        try? JSONValue.parse(data)
    }

    /// Parses a JSON object from text (the double-encoded `data.post` of an event).
    static func object(_ text: String) -> [String: JSONValue]? {
        object(Data(text.utf8))
    }
}

extension MattermostUser {
    /// Reads a user object; nil without an id.
    init?(wire object: [String: JSONValue]) {
        guard let id: MattermostUserID = MattermostWire.id(object, "id") else { return nil }
        self.init(
            id: id, username: MattermostWire.string(object, "username"), nickname: MattermostWire.string(object, "nickname"),
            firstName: MattermostWire.string(object, "first_name"), lastName: MattermostWire.string(object, "last_name"),
            isBot: MattermostWire.bool(object, "is_bot"))
    }
}

extension MattermostTeam {
    /// Reads a team object; nil without an id.
    init?(wire object: [String: JSONValue]) {
        guard let id: MattermostTeamID = MattermostWire.id(object, "id") else { return nil }
        self.init(id: id, name: MattermostWire.string(object, "name"), displayName: MattermostWire.string(object, "display_name"))
    }
}

extension MattermostChannel {
    /// Reads a channel object; nil without an id. An unknown type reads as ``MattermostChannelType/open``.
    init?(wire object: [String: JSONValue]) {
        guard let id: MattermostChannelID = MattermostWire.id(object, "id") else { return nil }
        self.init(
            id: id, teamID: MattermostWire.id(object, "team_id"), name: MattermostWire.string(object, "name"),
            displayName: MattermostWire.string(object, "display_name"), header: MattermostWire.string(object, "header"),
            purpose: MattermostWire.string(object, "purpose"),
            type: MattermostChannelType(rawValue: MattermostWire.string(object, "type")) ?? .open)
    }
}

extension MattermostPost {
    /// Reads a post object; nil without an id or channel id.
    init?(wire object: [String: JSONValue]) {
        guard let id: MattermostPostID = MattermostWire.id(object, "id"),
              let channelID: MattermostChannelID = MattermostWire.id(object, "channel_id")
        else { return nil }
        let pending = MattermostWire.string(object, "pending_post_id")
        self.init(
            id: id, channelID: channelID, userID: MattermostWire.id(object, "user_id") ?? MattermostUserID(""),
            rootID: MattermostWire.id(object, "root_id") ?? MattermostWire.id(object, "parent_id"),
            message: MattermostWire.string(object, "message"), type: MattermostWire.string(object, "type"),
            props: object["props"]?.object ?? [:],
            fileIDs: (object["file_ids"]?.array ?? []).compactMap { $0.string }.filter { !$0.isEmpty }.map(MattermostFileID.init(rawValue:)),
            pendingPostID: pending.isEmpty ? nil : pending,
            createAt: MattermostWire.int64(object, "create_at"), updateAt: MattermostWire.int64(object, "update_at"),
            editAt: MattermostWire.int64(object, "edit_at"), deleteAt: MattermostWire.int64(object, "delete_at"))
    }

    /// Reads a `PostList` (`order`, newest first, plus `posts` by id): the posts named in `order`,
    /// in that order, followed by any other posts it carries (thread context) when `includingContext`.
    static func list(wire object: [String: JSONValue], includingContext: Bool = false) -> [MattermostPost] {
        let byID = (object["posts"]?.object ?? [:]).compactMapValues { $0.object.flatMap(MattermostPost.init(wire:)) }
        let order = (object["order"]?.array ?? []).compactMap(\.string)
        var posts = order.compactMap { byID[$0] }
        if includingContext {
            let named = Set(order)
            posts += byID.filter { !named.contains($0.key) }.values.sorted { $0.createAt > $1.createAt }
        }
        return posts
    }
}

extension MattermostFileInfo {
    /// Reads a file info object; nil without an id.
    init?(wire object: [String: JSONValue]) {
        guard let id: MattermostFileID = MattermostWire.id(object, "id") else { return nil }
        let mime = MattermostWire.string(object, "mime_type")
        self.init(
            id: id, name: MattermostWire.string(object, "name"), size: MattermostWire.int64(object, "size"),
            mimeType: mime.isEmpty ? "application/octet-stream" : mime)
    }
}
