/// Skype RichText (`messagetype: RichText`), the HTML-like markup of Skype message content.
public enum SkypeRichText {
    /// The longest message content, in Unicode scalars, sent as one Skype message.
    ///
    /// The protocol notes give no limit for message content; this is a conservative choice (the limit of
    /// Skype for Business instant messages), well below the sizes seen in practice.
    public static let maximumMessageLength = 8000

    /// Reads RichText leniently: unknown tags are dropped with their text kept, unclosed tags end with the
    /// message, a stray `<` or an unknown entity stays text, and `<e_m>` edit markers and `<legacyquote>`
    /// fallback text are dropped. Link targets other than http, https, mailto, ftp, tel and skype are dropped.
    public static func parse(_ markup: String) -> FormattedText {
        var parser = SkypeRichTextParser(markup)
        return FormattedText(parser.parse())
    }

    /// Writes RichText: text is escaped (`&`, `<`, `>`), attribute values too (also `"` and `'`), so no
    /// text can become a tag. Underline is `<u>`; a link with a target that is not allowed becomes its text.
    public static func render(_ text: FormattedText) -> String {
        var renderer = SkypeRichTextRenderer(capacity: 64)
        renderer.render(FormattedText.hoistingBlocks(text.spans))
        return String(decoding: renderer.output, as: UTF8.self)
    }

    /// Whether RichText contains a mention, the `Has-Mentions` field of a send.
    public static func hasMentions(_ markup: String) -> Bool {
        markup.contains("<at ")
    }
}
