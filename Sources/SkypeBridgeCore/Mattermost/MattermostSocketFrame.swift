/// One text frame of the Mattermost WebSocket: an event, or the reply to one of the client's actions.
enum MattermostSocketFrame: Sendable {
    /// `{"event": …, "data": {…}, "broadcast": {…}, "seq": n}`.
    case event(name: String, seq: Int, data: [String: JSONValue], broadcast: [String: JSONValue])
    /// `{"status": "OK"|"FAIL", "seq_reply": n, "data": {…}, "error": {…}}`.
    case reply(seq: Int, ok: Bool, data: [String: JSONValue], errorID: String)

    /// Parses a frame; nil for anything that is neither.
    init?(text: String) {
        guard let object = MattermostWire.object(text) else { return nil }
        if let name = object["event"]?.string {
            self = .event(
                name: name, seq: Int(MattermostWire.int64(object, "seq")), data: object["data"]?.object ?? [:],
                broadcast: object["broadcast"]?.object ?? [:])
        } else if object["seq_reply"] != nil {
            self = .reply(
                seq: Int(MattermostWire.int64(object, "seq_reply")), ok: MattermostWire.string(object, "status") == "OK",
                data: object["data"]?.object ?? [:], errorID: MattermostWire.string(object["error"]?.object ?? [:], "id"))
        } else {
            return nil
        }
    }

    /// The ``MattermostEvent`` an event frame stands for; nil for events a bridge does not use
    /// (and for `hello`, which the stream handles itself).
    static func event(named name: String, data: [String: JSONValue], broadcast: [String: JSONValue]) -> MattermostEvent? {
        let channel: MattermostChannelID? = MattermostWire.id(data, "channel_id") ?? MattermostWire.id(broadcast, "channel_id")
        switch name {
        case "posted", "post_edited", "post_deleted":
            guard let text = data["post"]?.string, let object = MattermostWire.object(text), let post = MattermostPost(wire: object) else { return nil }
            return name == "posted" ? .posted(post) : name == "post_edited" ? .postEdited(post) : .postDeleted(post)
        case "channel_created":
            guard let channel else { return nil }
            return .channelCreated(channelID: channel, teamID: MattermostWire.id(data, "team_id") ?? MattermostWire.id(broadcast, "team_id"))
        case "user_added":
            guard let channel, let user: MattermostUserID = MattermostWire.id(data, "user_id") else { return nil }
            return .userAdded(channelID: channel, userID: user)
        case "typing":
            guard let channel, let user: MattermostUserID = MattermostWire.id(data, "user_id") else { return nil }
            return .typing(channelID: channel, userID: user, parentID: MattermostWire.id(data, "parent_id"))
        default:
            return nil
        }
    }
}
