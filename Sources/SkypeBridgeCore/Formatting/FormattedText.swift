/// A message in a neutral form between Skype RichText and Mattermost Markdown.
///
/// The text is a list of spans; formatting spans hold their children. Code blocks and quotes are blocks:
/// each one implies a line boundary before and after it, so no line break is stored next to one for that.
public struct FormattedText: Sendable, Hashable {
    /// The spans of the message, in order.
    public var spans: [Span]

    /// Creates a message from its spans.
    public init(_ spans: [Span]) {
        self.spans = spans
    }

    /// One piece of a message.
    public indirect enum Span: Sendable, Hashable {
        /// Plain text; a newline never occurs inside (line breaks are `.lineBreak`).
        case text(String)
        /// A line break.
        case lineBreak
        /// Bold children.
        case bold([Span])
        /// Italic children.
        case italic([Span])
        /// Struck-through children.
        case strike([Span])
        /// Underlined children (Mattermost has no underline and shows the text only).
        case underline([Span])
        /// Inline monospace text.
        case code(String)
        /// A block of monospace text, with the language named on a Markdown fence if any.
        case codeBlock(String, language: String?)
        /// A link to `url` shown as `children`.
        case link(url: String, children: [Span])
        /// A mention of a Skype user (`id` such as `8:joe.4`, or `*` for everyone) shown as `name`.
        case mention(id: String, name: String)
        /// A Skype emoticon `id` (such as `smile`) and the text it shows without pictures (such as `:)`).
        case emoticon(id: String, text: String)
        /// A quoted message and who wrote it.
        case quote(QuoteSource, [Span])
    }

    /// The text without any formatting: links show their text, mentions `@name`, emoticons their text.
    public var plainText: String {
        var output = ""
        Self.appendPlainText(spans, to: &output)
        return output
    }

    private static func appendPlainText(_ spans: [Span], to output: inout String) {
        for span in spans {
            switch span {
            case .text(let text), .code(let text): output += text
            case .lineBreak: output += "\n"
            case .bold(let children), .italic(let children), .strike(let children), .underline(let children),
                .link(_, let children):
                appendPlainText(children, to: &output)
            case .codeBlock(let code, _):
                if !output.isEmpty { output += "\n" }
                output += code
                output += "\n"
            case .mention(_, let name): output += "@" + name
            case .emoticon(_, let text): output += text
            case .quote(let source, let children):
                if !output.isEmpty, output.last != "\n" { output += "\n" }
                if let name = source.authorName ?? source.authorID { output += name + ": " }
                appendPlainText(children, to: &output)
                output += "\n"
            }
        }
    }
}
