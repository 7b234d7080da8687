import Testing

@testable import SkypeBridgeCore

/// One RichText input and the spans it must read as.
struct RichTextParseCase: Sendable, CustomTestStringConvertible {
    let name: String
    let markup: String
    let spans: [FormattedText.Span]
    var testDescription: String { name }
}

@Suite("Skype RichText parsing")
struct SkypeRichTextParseTests {
    static let cases: [RichTextParseCase] = [
        .init(name: "plain text", markup: "hello", spans: [.text("hello")]),
        .init(name: "empty", markup: "", spans: []),
        .init(name: "skpy bold", markup: #"<b raw_pre="*" raw_post="*">x</b>"#, spans: [.bold([.text("x")])]),
        .init(name: "skpy italic", markup: #"<i raw_pre="_" raw_post="_">x</i>"#, spans: [.italic([.text("x")])]),
        .init(name: "skpy strike", markup: #"<s raw_pre="~" raw_post="~">x</s>"#, spans: [.strike([.text("x")])]),
        .init(name: "underline", markup: "<u>x</u>", spans: [.underline([.text("x")])]),
        .init(name: "strong and em aliases", markup: "<strong>a</strong><em>b</em>", spans: [.bold([.text("a")]), .italic([.text("b")])]),
        .init(name: "del and strike aliases", markup: "<del>a</del><strike>b</strike>", spans: [.strike([.text("a")]), .strike([.text("b")])]),
        .init(name: "upper-case tags", markup: "<B>x</B>", spans: [.bold([.text("x")])]),
        .init(name: "nested formatting", markup: "<b>a <i>b <s>c</s></i></b>", spans: [.bold([.text("a "), .italic([.text("b "), .strike([.text("c")])])])]),
        .init(name: "unclosed tag closes at the end", markup: "<b>bold <i>both", spans: [.bold([.text("bold "), .italic([.text("both")])])]),
        .init(name: "misnested tags", markup: "<b>a<i>b</b>c</i>", spans: [.bold([.text("a"), .italic([.text("b")])]), .text("c")]),
        .init(name: "stray end tag", markup: "a</b>b", spans: [.text("ab")]),
        .init(name: "unknown tag keeps its text", markup: "<blink>hi</blink> <center>x</center>", spans: [.text("hi x")]),
        .init(name: "font colour is dropped", markup: ##"<font color="#ff0000">red</font>"##, spans: [.text("red")]),
        .init(name: "stray less-than", markup: "1 < 2", spans: [.text("1 < 2")]),
        .init(name: "unterminated tag is text", markup: "a <b c", spans: [.text("a <b c")]),
        .init(name: "less-than before digit", markup: "x<3", spans: [.text("x<3")]),
        .init(name: "unterminated attribute quote", markup: #"<a href="x>y"#, spans: [.text(#"<a href="x>y"#)]),
        .init(name: "comment dropped", markup: "a<!-- c -->b", spans: [.text("ab")]),
        .init(name: "xml declaration dropped", markup: "<?xml version=\"1.0\"?>a", spans: [.text("a")]),
        .init(name: "named entities", markup: "&amp; &lt; &gt; &quot; &apos;", spans: [.text("& < > \" '")]),
        .init(name: "numeric entities", markup: "&#65;&#x42;&#x1F600;", spans: [.text("AB😀")]),
        .init(name: "unknown entity stays", markup: "&bogus; &", spans: [.text("&bogus; &")]),
        .init(name: "raw ampersand in url text", markup: "xmm&docid=1", spans: [.text("xmm&docid=1")]),
        .init(name: "out of range numeric entity stays", markup: "&#x110000;&#0;", spans: [.text("&#x110000;&#0;")]),
        .init(name: "newline is a line break", markup: "a\nb", spans: [.text("a"), .lineBreak, .text("b")]),
        .init(name: "crlf is one line break", markup: "a\r\nb", spans: [.text("a"), .lineBreak, .text("b")]),
        .init(name: "br tags", markup: "a<br>b<br/>c", spans: [.text("a"), .lineBreak, .text("b"), .lineBreak, .text("c")]),
        .init(name: "inline pre is code", markup: #"<pre raw_pre="{code}" raw_post="{code}">x = 1</pre>"#, spans: [.code("x = 1")]),
        .init(name: "multi-line pre is a code block", markup: "<pre>a\nb</pre>", spans: [.codeBlock("a\nb", language: nil)]),
        .init(name: "pre drops inner tags", markup: "<pre><b>x</b> &lt;y&gt;</pre>", spans: [.code("x <y>")]),
        .init(name: "code block absorbs newlines around it", markup: "a\n<pre>x\ny</pre>\nb", spans: [.text("a"), .codeBlock("x\ny", language: nil), .text("b")]),
        .init(name: "code block inside bold is lifted", markup: "<b>a<pre>x\ny</pre>b</b>", spans: [.bold([.text("a")]), .codeBlock("x\ny", language: nil), .bold([.text("b")])]),
        .init(name: "link", markup: #"<a href="https://example.com/a?b=1&amp;c=2">site</a>"#, spans: [.link(url: "https://example.com/a?b=1&c=2", children: [.text("site")])]),
        .init(name: "single-quoted href", markup: "<a href='http://x.y'>x</a>", spans: [.link(url: "http://x.y", children: [.text("x")])]),
        .init(name: "javascript link becomes text", markup: #"<a href="javascript:alert(1)">click</a>"#, spans: [.text("click")]),
        .init(name: "javascript with tab becomes text", markup: "<a href=\"java\tscript:alert(1)\">x</a>", spans: [.text("x")]),
        .init(name: "data url becomes text", markup: #"<a href="data:text/html,hi">x</a>"#, spans: [.text("x")]),
        .init(name: "link without href is text", markup: "<a>x</a>", spans: [.text("x")]),
        .init(name: "nested link ignored", markup: #"<a href="http://a.b">x<a href="http://c.d">y</a></a>"#, spans: [.link(url: "http://a.b", children: [.text("xy")])]),
        .init(name: "mention", markup: #"<at id="8:joe.4">Joe Bloggs</at>"#, spans: [.mention(id: "8:joe.4", name: "Joe Bloggs")]),
        .init(name: "mention all", markup: #"<at id="*">all</at>"#, spans: [.mention(id: "*", name: "all")]),
        .init(name: "mention without id is text", markup: "<at>Joe</at>", spans: [.text("Joe")]),
        .init(name: "emoticon", markup: #"Happy <ss type="laugh">:D</ss>"#, spans: [.text("Happy "), .emoticon(id: "laugh", text: ":D")]),
        .init(name: "emoticon with entity", markup: #"<ss type="heart">&lt;3</ss>"#, spans: [.emoticon(id: "heart", text: "<3")]),
        .init(name: "unknown emoticon kept", markup: #"<ss type="unicorn">(unicorn)</ss>"#, spans: [.emoticon(id: "unicorn", text: "(unicorn)")]),
        .init(name: "edit marker dropped", markup: #"hi<e_m a="1" ts_ms="2"></e_m>"#, spans: [.text("hi")]),
        .init(name: "self-closing edit marker dropped", markup: "hi<e_m ts=\"1\"/>!", spans: [.text("hi!")]),
        .init(
            name: "skpy quote",
            markup: #"<quote author="joe.4" authorname="Joe Bloggs" conversation="joe.4" timestamp="1704164645"><legacyquote>[02/01/2024 03:04:05] Joe Bloggs: </legacyquote>quoted text<legacyquote>"# + "\n\n&lt;&lt;&lt; </legacyquote></quote>",
            spans: [.quote(QuoteSource(authorID: "joe.4", authorName: "Joe Bloggs", conversation: "joe.4", timestamp: 1_704_164_645), [.text("quoted text")])]),
        .init(name: "quote then reply", markup: #"<quote authorname="A">q</quote>reply"#, spans: [.quote(QuoteSource(authorName: "A"), [.text("q")]), .text("reply")]),
        .init(name: "quote with bad timestamp", markup: #"<quote timestamp="soon">q</quote>"#, spans: [.quote(QuoteSource(), [.text("q")])]),
        .init(name: "nested quotes", markup: "<quote>a<quote>b</quote></quote>", spans: [.quote(QuoteSource(), [.text("a"), .quote(QuoteSource(), [.text("b")])])]),
        .init(name: "emoji zwj sequence kept", markup: "👨‍👩‍👧‍👦 <b>👩🏽‍💻</b>", spans: [.text("👨‍👩‍👧‍👦 "), .bold([.text("👩🏽‍💻")])]),
        .init(name: "right-to-left text kept", markup: "<i>שלום</i> مرحبا", spans: [.italic([.text("שלום")]), .text(" مرحبا")]),
        .init(name: "stars stay text", markup: "*not bold* _nor this_", spans: [.text("*not bold* _nor this_")]),
        .init(name: "attribute without value", markup: "<b disabled>x</b>", spans: [.bold([.text("x")])]),
        .init(name: "unquoted attribute", markup: "<a href=http://x.y>x</a>", spans: [.link(url: "http://x.y", children: [.text("x")])]),
        .init(name: "uri object text kept", markup: #"<URIObject type="File.1"><Title>Title: x.txt</Title></URIObject>"#, spans: [.text("Title: x.txt")]),
    ]

    @Test("reads RichText into spans", arguments: cases)
    func readsRichText(_ testCase: RichTextParseCase) {
        #expect(SkypeRichText.parse(testCase.markup).spans == testCase.spans)
    }

    @Test func deepNestingIsCappedInsteadOfOverflowingTheStack() {
        let markup = String(repeating: "<b>", count: 5000) + "x"
        var depth = 0
        var spans = SkypeRichText.parse(markup).spans
        while case .bold(let children)? = spans.first {
            depth += 1
            spans = children
        }
        #expect(depth == SkypeRichTextParser.maximumDepth)
        #expect(spans == [.text("x")])
    }
}
