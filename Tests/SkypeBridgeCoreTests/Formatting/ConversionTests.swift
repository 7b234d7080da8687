import Testing

@testable import SkypeBridgeCore

/// A message on one side and what must arrive on the other.
struct ConversionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let output: String
    var testDescription: String { name }
}

@Suite("Conversions between Skype and Mattermost")
struct ConversionTests {
    static let mentions = MentionResolver(
        skypeToMattermost: ["8:joe.4": "joe"], mattermostToSkype: ["joe": .init(id: "8:joe.4", name: "Joe Bloggs")])

    static let skypeCases: [ConversionCase] = [
        .init(name: "bold italic strike", input: #"<b raw_pre="*" raw_post="*">b</b> <i raw_pre="_" raw_post="_">i</i> <s raw_pre="~" raw_post="~">s</s>"#, output: "**b** _i_ ~~s~~"),
        .init(name: "plain stars and underscores escaped", input: "*stars* and _under_ and snake_case", output: #"\*stars\* and \_under\_ and snake_case"#),
        .init(name: "escaped tags arrive as text", input: "&lt;b&gt;not bold&lt;/b&gt;", output: #"\<b>not bold\</b>"#),
        .init(name: "mapped mention", input: #"hi <at id="8:joe.4">Joe Bloggs</at>"#, output: "hi @joe"),
        .init(name: "unmapped mention", input: #"hi <at id="8:ann">Ann</at>"#, output: "hi @Ann"),
        .init(name: "mention all neutralised", input: #"<at id="*">all</at> look"#, output: "@\u{2060}all look"),
        .init(name: "typed channel neutralised", input: "@channel @here", output: "@\u{2060}channel @\u{2060}here"),
        .init(name: "emoticon", input: #"Happy <ss type="laugh">:D</ss>"#, output: "Happy :laughing:"),
        .init(name: "unknown emoticon text", input: #"<ss type="unicorn">(unicorn)</ss>"#, output: "(unicorn)"),
        .init(name: "link with label", input: #"<a href="https://e.com/a">label</a>"#, output: "[label](https://e.com/a)"),
        .init(name: "bare link", input: #"go <a href="https://e.com/a">https://e.com/a</a> now"#, output: "go https://e.com/a now"),
        .init(name: "link with quote in url", input: #"<a href="https://e.com/&quot;x">y</a>"#, output: "[y](https://e.com/%22x)"),
        .init(name: "javascript link dropped to text", input: #"<a href="javascript:alert(1)">y</a>"#, output: "y"),
        .init(name: "monospace", input: #"<pre raw_pre="{code}" raw_post="{code}">a*b</pre>"#, output: "`a*b`"),
        .init(name: "multi-line pre", input: "<pre>a\nb</pre>", output: "```\na\nb\n```"),
        .init(name: "underline kept as text", input: "<u>under</u>", output: "under"),
        .init(
            name: "skpy quote",
            input: #"<quote author="joe.4" authorname="Joe Bloggs" conversation="joe.4" timestamp="1704164645"><legacyquote>[02/01/2024 03:04:05] Joe Bloggs: </legacyquote>quoted text<legacyquote>"# + "\n\n&lt;&lt;&lt; </legacyquote></quote>my reply",
            output: "> **Joe Bloggs** wrote at 2024-01-02 03:04:05 UTC:\n> quoted text\n\nmy reply"),
        .init(name: "nested formatting", input: "<b>bold <i>both</i></b>", output: "**bold _both_**"),
        .init(name: "unclosed tags", input: "<b>x<i>y", output: "**x*y***"),
        .init(name: "zwj emoji in bold", input: "<b>👩🏽‍💻</b> 👨‍👩‍👧‍👦", output: "**👩🏽‍💻** 👨‍👩‍👧‍👦"),
        .init(name: "right-to-left text", input: "<i>שלום</i> עולם", output: "_שלום_ עולם"),
        .init(name: "line breaks", input: "a\nb<br>c", output: "a\nb\nc"),
        .init(name: "stray less-than and bad entity", input: "1 < 2 &bogus;", output: "1 < 2 \\&bogus;"),
        .init(name: "edit marker removed", input: #"fixed<e_m ts="1" a="x" t="61"></e_m>"#, output: "fixed"),
    ]

    static let mattermostCases: [ConversionCase] = [
        .init(name: "typed tags stay text", input: "<b>x</b>", output: "&lt;b&gt;x&lt;/b&gt;"),
        .init(name: "bold", input: "**x**", output: #"<b raw_pre="*" raw_post="*">x</b>"#),
        .init(name: "italic and strike", input: "_i_ ~~s~~", output: #"<i raw_pre="_" raw_post="_">i</i> <s raw_pre="~" raw_post="~">s</s>"#),
        .init(name: "code span", input: "`a<b`", output: #"<pre raw_pre="{code}" raw_post="{code}">a&lt;b</pre>"#),
        .init(name: "code block", input: "```\nif a < b {}\n```", output: "<pre raw_pre=\"{code}\" raw_post=\"{code}\">if a &lt; b {}\n</pre>"),
        .init(name: "link", input: "[site](https://e.com)", output: #"<a href="https://e.com">site</a>"#),
        .init(name: "link url cannot inject attributes", input: #"[x](https://e.com/"onclick="a)"#, output: #"<a href="https://e.com/&quot;onclick=&quot;a">x</a>"#),
        .init(name: "javascript link becomes text", input: "[x](javascript:alert(1))", output: "x"),
        .init(name: "bare url", input: "see https://e.com/a.", output: #"see <a href="https://e.com/a">https://e.com/a</a>."#),
        .init(name: "mapped mention", input: "hi @joe", output: #"hi <at id="8:joe.4">Joe Bloggs</at>"#),
        .init(name: "unmapped mention", input: "hi @ann", output: "hi @ann"),
        .init(name: "channel mention is plain text", input: "@channel", output: "@channel"),
        .init(name: "emoji", input: ":+1: :heart:", output: #"<ss type="yes">(y)</ss> <ss type="heart">(heart)</ss>"#),
        .init(name: "unknown emoji", input: ":unicorn_face:", output: ":unicorn_face:"),
        .init(name: "escaped stars", input: #"\*x\*"#, output: "*x*"),
        .init(name: "ampersand", input: "a & b", output: "a &amp; b"),
        .init(name: "quote", input: "> quoted\n\nreply", output: "<quote>quoted<legacyquote>\n\n&lt;&lt;&lt; </legacyquote></quote>\nreply"),
        .init(name: "attributed quote", input: "> **Joe** wrote:\n> q", output: #"<quote authorname="Joe"><legacyquote>Joe: </legacyquote>q<legacyquote>"# + "\n\n&lt;&lt;&lt; </legacyquote></quote>"),
        .init(name: "zwj emoji", input: "**🏳️‍🌈** 👨‍👩‍👧", output: #"<b raw_pre="*" raw_post="*">🏳️‍🌈</b> 👨‍👩‍👧"#),
        .init(name: "right-to-left", input: "مرحبا **بك**", output: #"مرحبا <b raw_pre="*" raw_post="*">بك</b>"#),
        .init(name: "nested", input: "**a _b_**", output: #"<b raw_pre="*" raw_post="*">a <i raw_pre="_" raw_post="_">b</i></b>"#),
        .init(name: "unbalanced markers stay text", input: "**a _b", output: "**a _b"),
        .init(name: "quotes in text", input: #"say "hi" it's"#, output: #"say "hi" it's"#),
    ]

    @Test("Skype RichText arrives on Mattermost as", arguments: skypeCases)
    func skypeToMattermost(_ testCase: ConversionCase) {
        let markdown = MattermostMarkdown.render(SkypeRichText.parse(testCase.input), options: MattermostRenderOptions(mentions: Self.mentions))
        #expect(markdown == testCase.output)
    }

    @Test("Mattermost Markdown arrives on Skype as", arguments: mattermostCases)
    func mattermostToSkype(_ testCase: ConversionCase) {
        #expect(SkypeRichText.render(MattermostMarkdown.parse(testCase.input, mentions: Self.mentions)) == testCase.output)
    }
}
