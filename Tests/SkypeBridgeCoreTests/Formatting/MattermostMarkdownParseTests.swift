import Testing

@testable import SkypeBridgeCore

/// One Markdown input and the spans it must read as.
struct MarkdownParseCase: Sendable, CustomTestStringConvertible {
    let name: String
    let markdown: String
    let spans: [FormattedText.Span]
    var testDescription: String { name }
}

@Suite("Mattermost Markdown parsing")
struct MattermostMarkdownParseTests {
    static let mentions = MentionResolver(
        skypeToMattermost: [:],
        mattermostToSkype: ["joe": .init(id: "8:joe.4", name: "Joe Bloggs"), "ann.lee": .init(id: "8:ann", name: "Ann Lee")])

    static let cases: [MarkdownParseCase] = [
        .init(name: "plain", markdown: "hello", spans: [.text("hello")]),
        .init(name: "bold", markdown: "**x**", spans: [.bold([.text("x")])]),
        .init(name: "bold underscores", markdown: "__x__", spans: [.bold([.text("x")])]),
        .init(name: "italic star", markdown: "*x*", spans: [.italic([.text("x")])]),
        .init(name: "italic underscore", markdown: "_x_", spans: [.italic([.text("x")])]),
        .init(name: "strike", markdown: "~~x~~", spans: [.strike([.text("x")])]),
        .init(name: "single tilde is text", markdown: "~x~", spans: [.text("~x~")]),
        .init(name: "bold italic", markdown: "***x***", spans: [.italic([.bold([.text("x")])])]),
        .init(name: "nested italic in bold", markdown: "**a _b_ c**", spans: [.bold([.text("a "), .italic([.text("b")]), .text(" c")])]),
        .init(name: "intraword underscores are text", markdown: "snake_case_name", spans: [.text("snake_case_name")]),
        .init(name: "intraword star emphasis", markdown: "a*b*c", spans: [.text("a"), .italic([.text("b")]), .text("c")]),
        .init(name: "spaced stars are text", markdown: "a * b * c", spans: [.text("a * b * c")]),
        .init(name: "unmatched stars are text", markdown: "**x", spans: [.text("**x")]),
        .init(name: "escaped stars", markdown: #"\*not\*"#, spans: [.text("*not*")]),
        .init(name: "backslash before letter stays", markdown: #"a\b"#, spans: [.text(#"a\b"#)]),
        .init(name: "code span", markdown: "`a *b*`", spans: [.code("a *b*")]),
        .init(name: "double backtick code span", markdown: "`` a`b ``", spans: [.code("a`b")]),
        .init(name: "unclosed backtick", markdown: "`x", spans: [.text("`x")]),
        .init(name: "html is text", markdown: "<b>x</b>", spans: [.text("<b>x</b>")]),
        .init(name: "entities are text", markdown: "&amp;", spans: [.text("&amp;")]),
        .init(name: "link", markdown: "[site](https://e.com/a)", spans: [.link(url: "https://e.com/a", children: [.text("site")])]),
        .init(name: "link with title", markdown: #"[s](https://e.com "T")"#, spans: [.link(url: "https://e.com", children: [.text("s")])]),
        .init(name: "link with bold text", markdown: "[**b**](http://x.y)", spans: [.link(url: "http://x.y", children: [.bold([.text("b")])])]),
        .init(name: "link with parens in url", markdown: "[w](https://e.org/A_(b))", spans: [.link(url: "https://e.org/A_(b)", children: [.text("w")])]),
        .init(name: "javascript link becomes text", markdown: "[x](javascript:alert(1))", spans: [.text("x")]),
        .init(name: "bracket without target", markdown: "[x] y", spans: [.text("[x] y")]),
        .init(name: "autolink", markdown: "<https://e.com>", spans: [.link(url: "https://e.com", children: [.text("https://e.com")])]),
        .init(name: "bare url", markdown: "see https://e.com/x.", spans: [.text("see "), .link(url: "https://e.com/x", children: [.text("https://e.com/x")]), .text(".")]),
        .init(name: "bare url in parens", markdown: "(http://a.b/c)", spans: [.text("("), .link(url: "http://a.b/c", children: [.text("http://a.b/c")]), .text(")")]),
        .init(name: "mapped mention", markdown: "hi @joe!", spans: [.text("hi "), .mention(id: "8:joe.4", name: "Joe Bloggs"), .text("!")]),
        .init(name: "mention is case-insensitive", markdown: "@Joe", spans: [.mention(id: "8:joe.4", name: "Joe Bloggs")]),
        .init(name: "mention with dot and trailing period", markdown: "@ann.lee.", spans: [.mention(id: "8:ann", name: "Ann Lee"), .text(".")]),
        .init(name: "unmapped mention is text", markdown: "@nobody", spans: [.text("@nobody")]),
        .init(name: "email is not a mention", markdown: "a@joe", spans: [.text("a@joe")]),
        .init(name: "channel mention stays text", markdown: "@channel", spans: [.text("@channel")]),
        .init(name: "emoji of the table", markdown: ":slightly_smiling_face:", spans: [.emoticon(id: "smile", text: ":)")]),
        .init(name: "emoji alias", markdown: ":thumbsup:", spans: [.emoticon(id: "yes", text: "(y)")]),
        .init(name: "unknown emoji is text", markdown: ":unicorn_face:", spans: [.text(":unicorn_face:")]),
        .init(name: "time is not emoji", markdown: "at 10:30:00", spans: [.text("at 10:30:00")]),
        .init(name: "line breaks", markdown: "a\nb", spans: [.text("a"), .lineBreak, .text("b")]),
        .init(name: "blank line", markdown: "a\n\nb", spans: [.text("a"), .lineBreak, .lineBreak, .text("b")]),
        .init(name: "emphasis does not cross a blank line", markdown: "**a\n\nb**", spans: [.text("**a"), .lineBreak, .lineBreak, .text("b**")]),
        .init(name: "emphasis crosses a line end", markdown: "**a\nb**", spans: [.bold([.text("a"), .lineBreak, .text("b")])]),
        .init(name: "fenced code", markdown: "```\nlet x = 1\n```", spans: [.codeBlock("let x = 1", language: nil)]),
        .init(name: "fenced code with language", markdown: "```swift\nx\n```", spans: [.codeBlock("x", language: "swift")]),
        .init(name: "tilde fence", markdown: "~~~\n*x*\n~~~", spans: [.codeBlock("*x*", language: nil)]),
        .init(name: "unclosed fence runs to the end", markdown: "```\na\nb", spans: [.codeBlock("a\nb", language: nil)]),
        .init(name: "fence between text", markdown: "a\n```\nx\n```\nb", spans: [.text("a"), .codeBlock("x", language: nil), .text("b")]),
        .init(name: "quote", markdown: "> hi", spans: [.quote(QuoteSource(), [.text("hi")])]),
        .init(name: "quote with attribution", markdown: "> **Joe Bloggs** wrote:\n> hi", spans: [.quote(QuoteSource(authorName: "Joe Bloggs"), [.text("hi")])]),
        .init(name: "quote with dated attribution", markdown: "> **Joe** wrote at 2024-01-02 03:04:05 UTC:\n> hi", spans: [.quote(QuoteSource(authorName: "Joe", timestamp: 1_704_164_645), [.text("hi")])]),
        .init(name: "bold first line is not always attribution", markdown: "> **Note**: x", spans: [.quote(QuoteSource(), [.bold([.text("Note")]), .text(": x")])]),
        .init(name: "quote then text after blank", markdown: "> q\n\nafter", spans: [.quote(QuoteSource(), [.text("q")]), .text("after")]),
        .init(name: "nested quote", markdown: "> a\n> > b", spans: [.quote(QuoteSource(), [.text("a"), .quote(QuoteSource(), [.text("b")])])]),
        .init(name: "heading stays text", markdown: "# Title", spans: [.text("# Title")]),
        .init(name: "list stays text", markdown: "- a\n- b", spans: [.text("- a"), .lineBreak, .text("- b")]),
        .init(name: "zwj emoji in bold", markdown: "**👨‍👩‍👧**", spans: [.bold([.text("👨‍👩‍👧")])]),
        .init(name: "rtl italic", markdown: "_مرحبا_ עולם", spans: [.italic([.text("مرحبا")]), .text(" עולם")]),
        .init(name: "crlf line ends", markdown: "a\r\nb", spans: [.text("a"), .lineBreak, .text("b")]),
        .init(name: "backslash line end is a break", markdown: "a\\\nb", spans: [.text("a"), .lineBreak, .text("b")]),
    ]

    @Test("reads Markdown into spans", arguments: cases)
    func readsMarkdown(_ testCase: MarkdownParseCase) {
        #expect(MattermostMarkdown.parse(testCase.markdown, mentions: Self.mentions).spans == testCase.spans)
    }

    @Test func deepQuotesAreCappedInsteadOfOverflowingTheStack() {
        let markdown = String(repeating: "> ", count: 2000) + "x"
        var depth = 0
        var spans = MattermostMarkdown.parse(markdown).spans
        while case .quote(_, let children)? = spans.first {
            depth += 1
            spans = children
        }
        #expect(depth == MattermostMarkdownParser.maximumQuoteDepth)
    }

    @Test func deepEmphasisIsCapped() {
        let markdown = String(repeating: "*", count: 3000) + "x" + String(repeating: "*", count: 3000)
        let text = MattermostMarkdown.parse(markdown)
        #expect(text.plainText.contains("x"))
    }
}
