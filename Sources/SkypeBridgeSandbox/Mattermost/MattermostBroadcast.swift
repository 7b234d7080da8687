/// The `broadcast` object of a WebSocket event: who the event was meant for.
struct MattermostBroadcast: Encodable, Sendable {
    var omitUsers: [MattermostUserID: Bool]? = nil
    var userId: MattermostUserID = .none
    var channelId: MattermostChannelID = .none
    var teamId: MattermostTeamID = .none
    var connectionId: MattermostConnectionID = .none
    var omitConnectionId: MattermostConnectionID = .none

    enum CodingKeys: String, CodingKey {
        case omitUsers = "omit_users", userId = "user_id", channelId = "channel_id", teamId = "team_id"
        case connectionId = "connection_id", omitConnectionId = "omit_connection_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let omitUsers { try container.encode(omitUsers, forKey: .omitUsers) } else { try container.encodeNil(forKey: .omitUsers) }
        try container.encode(userId, forKey: .userId)
        try container.encode(channelId, forKey: .channelId)
        try container.encode(teamId, forKey: .teamId)
        try container.encode(connectionId, forKey: .connectionId)
        try container.encode(omitConnectionId, forKey: .omitConnectionId)
    }
}

/// A WebSocket event without its per-connection `seq`.
struct MattermostEvent: Encodable, Sendable {
    var event: String
    var data: [String: MattermostJSON]
    var broadcast: MattermostBroadcast
}
