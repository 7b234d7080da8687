/// Failures of channel provisioning and `channels sync`.
public enum ChannelError: CategorizedError, Equatable, CustomStringConvertible {
    /// `[mattermost] team` is not set, so there is no team to create channels in.
    case noTeam
    /// The index channel does not exist in the team.
    case indexChannelMissing(channel: String, team: String)
    /// Every candidate name for the chat is taken by channels that are not its own.
    case noFreeName(chat: SkypeChatID, attempts: Int)

    public var category: ErrorCategory {
        switch self {
        case .noTeam: .config
        case .indexChannelMissing: .notFound
        case .noFreeName: .failure
        }
    }

    public var description: String {
        switch self {
        case .noTeam:
            "no mattermost team configured; set team in the [mattermost] section"
        case let .indexChannelMissing(channel, team):
            "index channel '\(channel)' does not exist in team '\(team)'; create it or set [bridge] index_channel"
        case let .noFreeName(chat, attempts):
            "no free channel name for \(chat) after \(attempts) attempts; rename or archive the channels that use them"
        }
    }
}
