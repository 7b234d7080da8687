/// An incoming webhook: `POST /hooks/{id}` posts into `channelId` as `userId`.
struct MattermostIncomingHook: Codable, Sendable, Equatable {
    var id: MattermostHookID
    var channelId: MattermostChannelID
    var userId: MattermostUserID
    var teamId: MattermostTeamID
    var displayName: String
    var username: String = ""
    var iconURL: String = ""
    var channelLocked: Bool = false

    enum CodingKeys: String, CodingKey {
        case id, username
        case channelId = "channel_id", userId = "user_id", teamId = "team_id", displayName = "display_name"
        case iconURL = "icon_url", channelLocked = "channel_locked"
    }
}
