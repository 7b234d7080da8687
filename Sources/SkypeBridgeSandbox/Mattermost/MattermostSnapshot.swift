import Foundation

/// Everything the Mattermost emulator persists: its users, tokens, teams, channels, posts and files.
struct MattermostSnapshot: Codable, Sendable {
    /// How a token authenticates.
    enum TokenKind: String, Codable, Sendable {
        case session, personalAccess = "personal_access", bot
    }

    /// An issued token.
    struct Token: Codable, Sendable {
        var userId: MattermostUserID
        var kind: TokenKind
    }

    var accounts: [MattermostUserID: MattermostAccount] = [:]
    var tokens: [String: Token] = [:]
    var teams: [MattermostTeamID: MattermostTeam] = [:]
    var teamMembers: [MattermostTeamID: [MattermostUserID: MattermostTeamMember]] = [:]
    var channels: [MattermostChannelID: MattermostChannel] = [:]
    var channelMembers: [MattermostChannelID: [MattermostUserID: MattermostChannelMember]] = [:]
    var posts: [MattermostPostID: MattermostPost] = [:]
    /// Post ids per channel in creation order.
    var channelPostIds: [MattermostChannelID: [MattermostPostID]] = [:]
    var files: [MattermostFileID: MattermostFileInfo] = [:]
    var fileBlobs: [MattermostFileID: Data] = [:]
    var reactions: [MattermostPostID: [MattermostReaction]] = [:]
    var hooks: [MattermostHookID: MattermostIncomingHook] = [:]
}
