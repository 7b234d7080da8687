import Foundation

/// Everything the Mattermost emulator persists: its users, tokens, teams, channels, posts and files.
struct MattermostSnapshot: Codable, Sendable {
    /// How a token authenticates.
    enum TokenKind: String, Codable, Sendable {
        case session, personalAccess = "personal_access", bot
    }

    /// An issued token.
    struct Token: Codable, Sendable {
        var userId: String
        var kind: TokenKind
    }

    var accounts: [String: MattermostAccount] = [:]
    var tokens: [String: Token] = [:]
    var teams: [String: MattermostTeam] = [:]
    var teamMembers: [String: [String: MattermostTeamMember]] = [:]
    var channels: [String: MattermostChannel] = [:]
    var channelMembers: [String: [String: MattermostChannelMember]] = [:]
    var posts: [String: MattermostPost] = [:]
    /// Post ids per channel in creation order.
    var channelPostIds: [String: [String]] = [:]
    var files: [String: MattermostFileInfo] = [:]
    var fileBlobs: [String: Data] = [:]
    var reactions: [String: [MattermostReaction]] = [:]
    var hooks: [String: MattermostIncomingHook] = [:]
}
