import Testing

@testable import SkypeBridgeCore

/// Spans and the RichText they must be written as.
struct RichTextRenderCase: Sendable, CustomTestStringConvertible {
    let name: String
    let spans: [FormattedText.Span]
    let markup: String
    var testDescription: String { name }
}

@Suite("Skype RichText rendering")
struct SkypeRichTextRenderTests {
    static let cases: [RichTextRenderCase] = [
        .init(name: "plain", spans: [.text("hi")], markup: "hi"),
        .init(name: "escapes markup characters", spans: [.text("<b>x</b> & \"q\" 'a'")], markup: "&lt;b&gt;x&lt;/b&gt; &amp; \"q\" 'a'"),
        .init(name: "bold as skpy writes it", spans: [.bold([.text("x")])], markup: #"<b raw_pre="*" raw_post="*">x</b>"#),
        .init(name: "italic as skpy writes it", spans: [.italic([.text("x")])], markup: #"<i raw_pre="_" raw_post="_">x</i>"#),
        .init(name: "strike as skpy writes it", spans: [.strike([.text("x")])], markup: #"<s raw_pre="~" raw_post="~">x</s>"#),
        .init(name: "underline", spans: [.underline([.text("x")])], markup: "<u>x</u>"),
        .init(name: "empty bold writes nothing", spans: [.bold([])], markup: ""),
        .init(name: "code", spans: [.code("a<b")], markup: #"<pre raw_pre="{code}" raw_post="{code}">a&lt;b</pre>"#),
        .init(name: "code block ends with a line end", spans: [.codeBlock("x", language: "swift")], markup: "<pre raw_pre=\"{code}\" raw_post=\"{code}\">x\n</pre>"),
        .init(name: "code block on its own lines", spans: [.text("a"), .codeBlock("x\ny", language: nil), .text("b")], markup: "a\n<pre raw_pre=\"{code}\" raw_post=\"{code}\">x\ny\n</pre>\nb"),
        .init(name: "link", spans: [.link(url: "https://e.com/?a=1&b=2", children: [.text("e")])], markup: #"<a href="https://e.com/?a=1&amp;b=2">e</a>"#),
        .init(name: "link url with quotes cannot break out", spans: [.link(url: #"https://e.com/"onmouseover="x"#, children: [.text("e")])], markup: #"<a href="https://e.com/&quot;onmouseover=&quot;x">e</a>"#),
        .init(name: "javascript link becomes its text", spans: [.link(url: "javascript:alert(1)", children: [.text("click")])], markup: "click"),
        .init(name: "link without text shows the url", spans: [.link(url: "http://a.b", children: [])], markup: #"<a href="http://a.b">http://a.b</a>"#),
        .init(name: "mention", spans: [.mention(id: "8:joe.4", name: "Joe <B>")], markup: #"<at id="8:joe.4">Joe &lt;B&gt;</at>"#),
        .init(name: "mention id is attribute-escaped", spans: [.mention(id: "8:x\"><b>", name: "x")], markup: #"<at id="8:x&quot;&gt;&lt;b&gt;">x</at>"#),
        .init(name: "emoticon", spans: [.emoticon(id: "heart", text: "<3")], markup: #"<ss type="heart">&lt;3</ss>"#),
        .init(name: "line break", spans: [.text("a"), .lineBreak, .text("b")], markup: "a\nb"),
        .init(
            name: "quote with every attribute",
            spans: [.quote(QuoteSource(authorID: "joe.4", authorName: "Joe Bloggs", conversation: "joe.4", timestamp: 1_704_164_645), [.text("quoted text")])],
            markup: #"<quote author="joe.4" authorname="Joe Bloggs" conversation="joe.4" timestamp="1704164645"><legacyquote>[02/01/2024 03:04:05] Joe Bloggs: </legacyquote>quoted text<legacyquote>"# + "\n\n&lt;&lt;&lt; </legacyquote></quote>"),
        .init(name: "quote without source", spans: [.quote(QuoteSource(), [.text("q")])], markup: "<quote>q<legacyquote>\n\n&lt;&lt;&lt; </legacyquote></quote>"),
        .init(name: "quote then text", spans: [.quote(QuoteSource(authorName: "A"), [.text("q")]), .text("r")], markup: #"<quote authorname="A"><legacyquote>A: </legacyquote>q<legacyquote>"# + "\n\n&lt;&lt;&lt; </legacyquote></quote>\nr"),
        .init(name: "emoji and rtl untouched", spans: [.text("🏳️‍🌈 עברית")], markup: "🏳️‍🌈 עברית"),
    ]

    @Test("writes spans as RichText", arguments: cases)
    func writesRichText(_ testCase: RichTextRenderCase) {
        #expect(SkypeRichText.render(FormattedText(testCase.spans)) == testCase.markup)
    }

    @Test("reads back what it writes", arguments: cases.filter { !$0.name.contains("javascript") && !$0.name.contains("empty") && !$0.name.contains("without text") })
    func readsBackWhatItWrites(_ testCase: RichTextRenderCase) {
        let spans = FormattedText(testCase.spans)
        let back = SkypeRichText.parse(SkypeRichText.render(spans))
        #expect(RunForm(back) == RunForm(spans))
    }

    @Test func hasMentionsLooksForAtTags() {
        #expect(SkypeRichText.hasMentions(#"hi <at id="8:joe.4">Joe</at>"#))
        #expect(!SkypeRichText.hasMentions("hi &lt;at id=&quot;x&quot;&gt;"))
    }
}
