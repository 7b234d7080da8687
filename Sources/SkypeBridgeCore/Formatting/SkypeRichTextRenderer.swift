/// Writes spans as Skype RichText, in the markup skpy and the Skype clients produce.
struct SkypeRichTextRenderer {
    private(set) var output: [UInt8] = []

    init(capacity: Int) {
        output.reserveCapacity(capacity)
    }

    mutating func render(_ spans: [FormattedText.Span]) {
        for (index, span) in spans.enumerated() {
            if span.isBlock, index > 0 { output.append(UInt8(ascii: "\n")) }
            render(span)
            if span.isBlock, index + 1 < spans.count { output.append(UInt8(ascii: "\n")) }
        }
    }

    private mutating func render(_ span: FormattedText.Span) {
        switch span {
        case .text(let text):
            HTMLEntities.appendEscapedText(text, to: &output)
        case .lineBreak:
            output.append(UInt8(ascii: "\n"))
        case .bold(let children):
            wrap(children, open: #"<b raw_pre="*" raw_post="*">"#, close: "</b>")
        case .italic(let children):
            wrap(children, open: #"<i raw_pre="_" raw_post="_">"#, close: "</i>")
        case .strike(let children):
            wrap(children, open: #"<s raw_pre="~" raw_post="~">"#, close: "</s>")
        case .underline(let children):
            wrap(children, open: "<u>", close: "</u>")
        case .code(let code):
            guard !code.isEmpty else { return }
            output.append(contentsOf: #"<pre raw_pre="{code}" raw_post="{code}">"#.utf8)
            HTMLEntities.appendEscapedText(code, to: &output)
            output.append(contentsOf: "</pre>".utf8)
        case .codeBlock(let code, _):
            output.append(contentsOf: #"<pre raw_pre="{code}" raw_post="{code}">"#.utf8)
            HTMLEntities.appendEscapedText(code, to: &output)
            output.append(contentsOf: "\n</pre>".utf8)
        case .link(let url, let children):
            guard let safe = LinkPolicy.sanitized(url) else {
                render(children)
                return
            }
            output.append(contentsOf: #"<a href=""#.utf8)
            HTMLEntities.appendEscapedAttribute(safe, to: &output)
            output.append(contentsOf: #"">"#.utf8)
            if children.isEmpty { HTMLEntities.appendEscapedText(safe, to: &output) } else { render(children) }
            output.append(contentsOf: "</a>".utf8)
        case .mention(let id, let name):
            output.append(contentsOf: #"<at id=""#.utf8)
            HTMLEntities.appendEscapedAttribute(id, to: &output)
            output.append(contentsOf: #"">"#.utf8)
            HTMLEntities.appendEscapedText(name, to: &output)
            output.append(contentsOf: "</at>".utf8)
        case .emoticon(let id, let text):
            output.append(contentsOf: #"<ss type=""#.utf8)
            HTMLEntities.appendEscapedAttribute(id, to: &output)
            output.append(contentsOf: #"">"#.utf8)
            HTMLEntities.appendEscapedText(text, to: &output)
            output.append(contentsOf: "</ss>".utf8)
        case .quote(let source, let children):
            renderQuote(source, children)
        }
    }

    private mutating func wrap(_ children: [FormattedText.Span], open: String, close: String) {
        guard !children.isEmpty else { return }
        output.append(contentsOf: open.utf8)
        render(children)
        output.append(contentsOf: close.utf8)
    }

    private mutating func renderQuote(_ source: QuoteSource, _ children: [FormattedText.Span]) {
        output.append(contentsOf: "<quote".utf8)
        attribute("author", source.authorID)
        attribute("authorname", source.authorName)
        attribute("conversation", source.conversation)
        attribute("timestamp", source.timestamp.map(String.init))
        output.append(UInt8(ascii: ">"))
        var header = ""
        if let timestamp = source.timestamp { header += "[" + CivilTime(epochSeconds: timestamp).skypeLegacyText + "] " }
        if let name = source.displayName { header += name + ": " }
        if !header.isEmpty {
            output.append(contentsOf: "<legacyquote>".utf8)
            HTMLEntities.appendEscapedText(header, to: &output)
            output.append(contentsOf: "</legacyquote>".utf8)
        }
        render(children)
        output.append(contentsOf: "<legacyquote>\n\n&lt;&lt;&lt; </legacyquote></quote>".utf8)
    }

    private mutating func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: name.utf8)
        output.append(contentsOf: "=\"".utf8)
        HTMLEntities.appendEscapedAttribute(value, to: &output)
        output.append(UInt8(ascii: "\""))
    }
}
