/// Mattermost's Markdown, the text of a post.
public enum MattermostMarkdown {
    /// The longest post Mattermost accepts by default, in Unicode scalars (runes): `MaxPostSize`.
    public static let maximumPostLength = 16383

    /// Reads the Markdown subset Skype can show: bold, italic, strike, code spans, fenced code blocks, links,
    /// autolinks and bare URLs, `@username` mentions that `mentions` maps to Skype users (others stay text),
    /// `:shortcode:` emoji of the emoticon table, `>` quotes and line breaks. Other syntax stays text, so
    /// `<b>` is the text `<b>`. Links whose target is not allowed become their text.
    public static func parse(_ markdown: String, mentions: MentionResolver = .unmapped) -> FormattedText {
        FormattedText(MattermostMarkdownParser(mentions: mentions).parse(markdown))
    }

    /// Writes Markdown. Text is escaped so that it never becomes formatting (`*stars*` stays stars),
    /// underline shows its text only, Skype mentions become `@username` where mapped and `@Name` otherwise,
    /// and channel-wide mentions are neutralised unless the options allow them.
    public static func render(_ text: FormattedText, options: MattermostRenderOptions = MattermostRenderOptions()) -> String {
        var renderer = MattermostMarkdownRenderer(options: options, capacity: 64)
        renderer.render(FormattedText.hoistingBlocks(text.spans))
        return String(decoding: renderer.output, as: UTF8.self)
    }
}
