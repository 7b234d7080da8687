/// The kind of a Mattermost channel (its `type` on the wire).
public enum MattermostChannelType: String, Sendable, Hashable {
    /// A public channel (`O`).
    case open = "O"
    /// A private channel (`P`).
    case privateChannel = "P"
    /// A direct-message channel between two users (`D`).
    case direct = "D"
    /// A group-message channel of three to eight users (`G`).
    case group = "G"
}

/// A Mattermost channel.
public struct MattermostChannel: Sendable, Hashable {
    /// The channel id.
    public var id: MattermostChannelID
    /// The team, or nil for direct and group channels (`""` on the wire).
    public var teamID: MattermostTeamID?
    /// The URL name, such as `town-square` (for direct channels `<id>__<id>`).
    public var name: String
    /// The name shown to people.
    public var displayName: String
    /// The header line.
    public var header: String
    /// The purpose text.
    public var purpose: String
    /// The kind of channel.
    public var type: MattermostChannelType

    /// Creates a channel.
    public init(
        id: MattermostChannelID, teamID: MattermostTeamID?, name: String, displayName: String, header: String = "", purpose: String = "",
        type: MattermostChannelType = .open
    ) {
        self.id = id
        self.teamID = teamID
        self.name = name
        self.displayName = displayName
        self.header = header
        self.purpose = purpose
        self.type = type
    }
}
