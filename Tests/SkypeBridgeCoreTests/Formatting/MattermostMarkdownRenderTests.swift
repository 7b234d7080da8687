import Testing

@testable import SkypeBridgeCore

/// Spans and the Markdown they must be written as.
struct MarkdownRenderCase: Sendable, CustomTestStringConvertible {
    let name: String
    let spans: [FormattedText.Span]
    let markdown: String
    var testDescription: String { name }
}

@Suite("Mattermost Markdown rendering")
struct MattermostMarkdownRenderTests {
    static let options = MattermostRenderOptions(
        mentions: MentionResolver(skypeToMattermost: ["8:joe.4": "joe", "8:bad": "bad name"], mattermostToSkype: [:]))

    static let cases: [MarkdownRenderCase] = [
        .init(name: "plain", spans: [.text("hello")], markdown: "hello"),
        .init(name: "stars escaped", spans: [.text("*stars*")], markdown: #"\*stars\*"#),
        .init(name: "underscores escaped", spans: [.text("_under_")], markdown: #"\_under\_"#),
        .init(name: "intraword underscores kept", spans: [.text("snake_case")], markdown: "snake_case"),
        .init(name: "tildes and backticks escaped", spans: [.text("~~x~~ `y`")], markdown: #"\~\~x\~\~ \`y\`"#),
        .init(name: "brackets escaped", spans: [.text("[a](b)")], markdown: #"\[a\](b)"#),
        .init(name: "backslash escaped", spans: [.text(#"a\b"#)], markdown: #"a\\b"#),
        .init(name: "html-looking text escaped", spans: [.text("<b>x</b>")], markdown: #"\<b>x\</b>"#),
        .init(name: "less-than before space kept", spans: [.text("1 < 2")], markdown: "1 < 2"),
        .init(name: "entity-looking text escaped", spans: [.text("&amp; & x")], markdown: #"\&amp; & x"#),
        .init(name: "heading at line start escaped", spans: [.text("# not a heading")], markdown: "\\# not a heading"),
        .init(name: "hash inside line kept", spans: [.text("issue #4")], markdown: "issue #4"),
        .init(name: "quote marker escaped", spans: [.text("> not quoted")], markdown: #"\> not quoted"#),
        .init(name: "list markers escaped", spans: [.text("- a"), .lineBreak, .text("+ b"), .lineBreak, .text("1. c")], markdown: "\\- a\n\\+ b\n1\\. c"),
        .init(name: "table pipe escaped", spans: [.text("| a |")], markdown: #"\| a |"#),
        .init(name: "bold", spans: [.bold([.text("x")])], markdown: "**x**"),
        .init(name: "italic", spans: [.italic([.text("x")])], markdown: "_x_"),
        .init(name: "italic inside a word uses stars", spans: [.text("a"), .italic([.text("b")]), .text("c")], markdown: "a*b*c"),
        .init(name: "strike", spans: [.strike([.text("x")])], markdown: "~~x~~"),
        .init(name: "underline keeps text only", spans: [.underline([.text("x")])], markdown: "x"),
        .init(name: "spaces move out of emphasis", spans: [.text("a"), .bold([.text(" b ")]), .text("c")], markdown: "a **b** c"),
        .init(name: "whitespace-only bold is plain", spans: [.bold([.text("  ")])], markdown: "  "),
        .init(name: "nested bold italic", spans: [.bold([.italic([.text("x")])])], markdown: "**_x_**"),
        .init(name: "formatting repeated on each line", spans: [.bold([.text("a"), .lineBreak, .text("b")])], markdown: "**a**\n**b**"),
        .init(name: "code", spans: [.code("a*b")], markdown: "`a*b`"),
        .init(name: "code with backtick", spans: [.code("a`b")], markdown: "``a`b``"),
        .init(name: "code starting with backtick", spans: [.code("`x")], markdown: "`` `x ``"),
        .init(name: "code block", spans: [.codeBlock("let x = 1", language: "swift")], markdown: "```swift\nlet x = 1\n```"),
        .init(name: "code block with fence inside", spans: [.codeBlock("```\nx", language: nil)], markdown: "````\n```\nx\n````"),
        .init(name: "code block between text", spans: [.text("a"), .codeBlock("x", language: nil), .text("b")], markdown: "a\n```\nx\n```\nb"),
        .init(name: "language with spaces dropped", spans: [.codeBlock("x", language: "a b")], markdown: "```\nx\n```"),
        .init(name: "link", spans: [.link(url: "https://e.com", children: [.text("site")])], markdown: "[site](https://e.com)"),
        .init(name: "bare link", spans: [.text("see "), .link(url: "https://e.com/a", children: [.text("https://e.com/a")])], markdown: "see https://e.com/a"),
        .init(name: "link url parens encoded", spans: [.link(url: "https://e.org/A_(b)", children: [.text("w")])], markdown: "[w](https://e.org/A_%28b%29)"),
        .init(name: "javascript link is text", spans: [.link(url: "javascript:alert(1)", children: [.text("x")])], markdown: "x"),
        .init(name: "mapped mention", spans: [.mention(id: "8:joe.4", name: "Joe Bloggs")], markdown: "@joe"),
        .init(name: "unmapped mention is plain name", spans: [.mention(id: "8:ann", name: "Ann Lee")], markdown: "@Ann Lee"),
        .init(name: "invalid mapped username falls back", spans: [.mention(id: "8:bad", name: "Bad")], markdown: "@Bad"),
        .init(name: "mention of everyone neutralised", spans: [.mention(id: "*", name: "all")], markdown: "@\u{2060}all"),
        .init(name: "channel in text neutralised", spans: [.text("hey @channel and @HERE, @all.")], markdown: "hey @\u{2060}channel and @\u{2060}HERE, @\u{2060}all."),
        .init(name: "longer names are not channel mentions", spans: [.text("@channels @allison")], markdown: "@channels @allison"),
        .init(name: "unmapped mention named all neutralised", spans: [.mention(id: "8:x", name: "all")], markdown: "@\u{2060}all"),
        .init(name: "emoticon", spans: [.emoticon(id: "smile", text: ":)")], markdown: ":slightly_smiling_face:"),
        .init(name: "unknown emoticon keeps its text", spans: [.emoticon(id: "unicorn", text: "(unicorn)")], markdown: "(unicorn)"),
        .init(name: "quote with attribution", spans: [.quote(QuoteSource(authorID: "joe.4", authorName: "Joe Bloggs", timestamp: 1_704_164_645), [.text("hi")])], markdown: "> **Joe Bloggs** wrote at 2024-01-02 03:04:05 UTC:\n> hi"),
        .init(name: "quote author id when no name", spans: [.quote(QuoteSource(authorID: "joe.4"), [.text("hi")])], markdown: "> **joe.4** wrote:\n> hi"),
        .init(name: "quote then text leaves a blank line", spans: [.quote(QuoteSource(), [.text("q")]), .text("r")], markdown: "> q\n\nr"),
        .init(name: "quote lines all marked", spans: [.quote(QuoteSource(), [.text("a"), .lineBreak, .text("> b")])], markdown: "> a\n> \\> b"),
        .init(name: "emoji and rtl untouched", spans: [.text("👨‍👩‍👧‍👦 שלום")], markdown: "👨‍👩‍👧‍👦 שלום"),
    ]

    @Test("writes spans as Markdown", arguments: cases)
    func writesMarkdown(_ testCase: MarkdownRenderCase) {
        #expect(MattermostMarkdown.render(FormattedText(testCase.spans), options: Self.options) == testCase.markdown)
    }

    @Test(.timeLimit(.minutes(1)))
    func deeplyNestedEmphasisRendersQuickly() {
        var span = FormattedText.Span.text(" x ")
        for _ in 0..<32 { span = .bold([span]) }
        let markdown = MattermostMarkdown.render(FormattedText([span]))
        #expect(markdown == " " + String(repeating: "**", count: 32) + "x" + String(repeating: "**", count: 32) + " ")
    }

    @Test func channelWideMentionsStayWhenAllowed() {
        let options = MattermostRenderOptions(allowsChannelWideMentions: true)
        let text = FormattedText([.mention(id: "*", name: "all"), .text(" @here")])
        #expect(MattermostMarkdown.render(text, options: options) == "@all @here")
    }
}
