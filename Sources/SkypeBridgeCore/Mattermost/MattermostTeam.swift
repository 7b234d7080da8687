/// A Mattermost team.
public struct MattermostTeam: Sendable, Hashable {
    /// The team id.
    public var id: MattermostTeamID
    /// The URL name, such as `skype`.
    public var name: String
    /// The name shown to people.
    public var displayName: String

    /// Creates a team.
    public init(id: MattermostTeamID, name: String, displayName: String) {
        self.id = id
        self.name = name
        self.displayName = displayName
    }
}
