/// The markup a message is written in.
public enum MessageFormat: Sendable, Hashable {
    /// Skype RichText (HTML-like).
    case skypeRichText
    /// Mattermost Markdown.
    case mattermostMarkdown
}
