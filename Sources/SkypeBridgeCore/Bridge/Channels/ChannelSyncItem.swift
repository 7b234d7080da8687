/// What `channels sync` did (or, in a dry run, would do) for one chat.
public struct ChannelSyncItem: Sendable, Hashable {
    /// Whether the channel was created, updated or left alone.
    public enum Action: String, Sendable, Hashable {
        case created, updated, unchanged
    }

    /// A channel property that was out of date.
    public enum Change: String, Sendable, Hashable {
        case displayName = "display_name"
        case header
    }

    /// The chat.
    public var chat: BridgedChat
    /// Its channel's name (for a dry-run creation: the name it would get).
    public var channelName: String
    /// Its channel; nil when a dry run would create it.
    public var channelID: MattermostChannelID?
    /// What happened.
    public var action: Action
    /// For ``Action/updated``: what was out of date.
    public var changes: [Change]

    /// An outcome for `chat`.
    public init(chat: BridgedChat, channelName: String, channelID: MattermostChannelID?, action: Action, changes: [Change] = []) {
        self.chat = chat
        self.channelName = channelName
        self.channelID = channelID
        self.action = action
        self.changes = changes
    }
}
