/// How spans are written as Mattermost Markdown.
public struct MattermostRenderOptions: Sendable {
    /// Maps Skype mentions to Mattermost usernames.
    public var mentions: MentionResolver
    /// Whether `@channel`, `@all` and `@here` (and Skype's mention of everyone) may notify a whole channel.
    ///
    /// When false (the default) a word joiner (U+2060) is put after the `@`: the text looks the same but
    /// Mattermost does not see a mention.
    public var allowsChannelWideMentions: Bool

    /// Creates options; by default nobody is mapped and channel-wide mentions are neutralised.
    public init(mentions: MentionResolver = .unmapped, allowsChannelWideMentions: Bool = false) {
        self.mentions = mentions
        self.allowsChannelWideMentions = allowsChannelWideMentions
    }
}
