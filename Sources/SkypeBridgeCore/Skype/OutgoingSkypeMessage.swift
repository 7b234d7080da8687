/// A message to send, turned into the `content` and `messagetype` Skype expects.
public struct OutgoingSkypeMessage: Sendable, Equatable {
    /// How the text was written.
    public enum Format: Sendable {
        /// Plain text: sent as `Text`, shown exactly as typed.
        case plain
        /// Markdown-style (`**bold**`, `:smile:`, `[x](url)`): converted to RichText.
        case markdown
        /// Skype RichText markup, sent as is.
        case richText
    }

    /// The `content` field.
    public var content: String
    /// The `messagetype` field.
    public var messageType: String

    public init(text: String, format: Format, mentions: MentionResolver = .unmapped) {
        switch format {
        case .plain:
            content = text
            messageType = "Text"
        case .markdown:
            content = SkypeRichText.render(MattermostMarkdown.parse(text, mentions: mentions))
            messageType = "RichText"
        case .richText:
            content = text
            messageType = "RichText"
        }
    }
}
