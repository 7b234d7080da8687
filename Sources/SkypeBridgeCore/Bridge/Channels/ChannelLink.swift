/// A Skype chat and the Mattermost channel that mirrors it (a `channel_link` row).
public struct ChannelLink: Sendable, Hashable {
    /// The Skype chat.
    public var chat: SkypeChatID
    /// Its channel.
    public var channel: MattermostChannelID
    /// The channel's name (what `~name` links to).
    public var channelName: String

    /// A link between `chat` and `channel` named `channelName`.
    public init(chat: SkypeChatID, channel: MattermostChannelID, channelName: String) {
        self.chat = chat
        self.channel = channel
        self.channelName = channelName
    }
}
