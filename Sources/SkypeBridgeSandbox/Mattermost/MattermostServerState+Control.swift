extension MattermostServerState {
    /// What the control API's `GET /state` reports.
    struct Summary: Encodable, Sendable {
        struct User: Encodable, Sendable {
            var id: MattermostUserID
            var username: String
            var isBot: Bool
            enum CodingKeys: String, CodingKey { case id, username, isBot = "is_bot" }
        }
        var teams: [MattermostTeam]
        var users: [User]
        var channels: [MattermostChannel]
        var posts: Int
        var sockets: Int
    }

    /// Teams, users, channels and counters, for the control API.
    func summary() -> Summary {
        Summary(
            teams: data.teams.values.sorted { $0.name < $1.name },
            users: data.accounts.values.map { .init(id: $0.user.id, username: $0.user.username, isBot: $0.user.isBot) }.sorted { $0.username < $1.username },
            channels: data.channels.values.sorted { ($0.teamId, $0.name) < ($1.teamId, $1.name) },
            posts: data.posts.count, sockets: onlineSocketCount())
    }

    /// The channel named `name` in `teamId`, ignoring access rules.
    func channelNamed(_ name: String, teamId: MattermostTeamID) -> MattermostChannel? {
        data.channels.values.first { $0.teamId == teamId && $0.name == name }
    }

    /// Every post of a channel in creation order, deleted ones included (control API).
    func history(of channelId: MattermostChannelID) throws(MattermostAPIError) -> [MattermostPost] {
        guard let ids = data.channelPostIds[channelId] else { throw .channelMissing }
        return ids.compactMap { data.posts[$0] }
    }
}
