/// Reads Skype RichText leniently into spans: unknown tags are dropped (their text kept), unclosed tags are
/// closed at the end, stray `<` and unknown entities stay text.
struct SkypeRichTextParser {
    /// How deep formatting may nest; deeper tags are ignored, so hostile input cannot exhaust the stack.
    static let maximumDepth = 32

    private enum Kind: Equatable {
        case root, bold, italic, strike, underline, link(String), quote(QuoteSource)
    }

    private struct Frame {
        var kind: Kind
        var spans: [FormattedText.Span] = []
    }

    private let bytes: [UInt8]
    private var stack: [Frame] = [Frame(kind: .root)]
    private var text: [UInt8] = []

    init(_ markup: String) {
        bytes = Array(markup.utf8)
    }

    mutating func parse() -> [FormattedText.Span] {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let tag = MarkupTag.read(in: bytes, at: index) {
                index = handle(tag)
            } else if byte == UInt8(ascii: "&"), let next = HTMLEntities.decode(in: bytes, at: index, into: &text) {
                index = next
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                flushText()
                append(.lineBreak)
                index += (byte == UInt8(ascii: "\r") && index + 1 < count && bytes[index + 1] == UInt8(ascii: "\n")) ? 2 : 1
            } else {
                var end = index + 1
                while end < count, !Self.isSpecial(bytes[end]) { end += 1 }
                text.append(contentsOf: bytes[index..<end])
                index = end
            }
        }
        flushText()
        while stack.count > 1 { closeTop() }
        return FormattedText.absorbingBlockBoundaries(FormattedText.hoistingBlocks(stack[0].spans))
    }

    /// Whether a byte may start markup (a tag, an entity or a line end).
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private mutating func handle(_ tag: MarkupTag) -> Int {
        switch tag.kind {
        case .ignorable:
            return tag.end
        case .end:
            if let kind = formattingKind(tag.name) ?? (tag.name == "a" ? .link("") : tag.name == "quote" ? .quote(QuoteSource()) : nil) {
                close(matching: kind)
            }
            return tag.end
        case .selfClosing:
            if tag.name == "br" { lineBreak() }
            return tag.end
        case .start:
            return open(tag)
        }
    }

    private mutating func open(_ tag: MarkupTag) -> Int {
        switch tag.name {
        case "br":
            lineBreak()
        case "e_m", "legacyquote":
            return skipElement(tag)
        case "pre", "code":
            let (content, end) = captureText(of: tag)
            flushText()
            if content.contains("\n") {
                var code = content
                if code.hasSuffix("\n") { code.removeLast() }
                append(.codeBlock(code, language: nil))
            } else if !content.isEmpty {
                append(.code(content))
            }
            return end
        case "at":
            let (content, end) = captureText(of: tag)
            flushText()
            if let id = tag.attribute("id"), !id.isEmpty {
                append(.mention(id: id, name: content))
            } else {
                appendText(content)
            }
            return end
        case "ss":
            let (content, end) = captureText(of: tag)
            flushText()
            if let id = tag.attribute("type"), !id.isEmpty {
                append(.emoticon(id: id, text: content))
            } else {
                appendText(content)
            }
            return end
        case "a":
            if stack.count <= Self.maximumDepth, !stack.contains(where: { if case .link = $0.kind { true } else { false } }),
                let url = tag.attribute("href").flatMap(LinkPolicy.sanitized)
            {
                push(.link(url))
            }
        case "quote":
            if stack.count <= Self.maximumDepth {
                let timestamp = tag.attribute("timestamp").flatMap { Int64($0.trimmingASCIISpaces()) }
                push(.quote(QuoteSource(authorID: tag.attribute("author"), authorName: tag.attribute("authorname"),
                    conversation: tag.attribute("conversation"), timestamp: timestamp)))
            }
        default:
            if let kind = formattingKind(tag.name), stack.count <= Self.maximumDepth { push(kind) }
        }
        return tag.end
    }

    private func formattingKind(_ name: String) -> Kind? {
        switch name {
        case "b", "strong": .bold
        case "i", "em": .italic
        case "s", "strike", "del": .strike
        case "u", "ins": .underline
        default: nil
        }
    }

    private mutating func lineBreak() {
        flushText()
        append(.lineBreak)
    }

    private mutating func push(_ kind: Kind) {
        flushText()
        stack.append(Frame(kind: kind))
    }

    private mutating func close(matching kind: Kind) {
        guard let position = stack.lastIndex(where: { sameKind($0.kind, kind) }), position > 0 else { return }
        flushText()
        while stack.count > position { closeTop() }
    }

    private func sameKind(_ left: Kind, _ right: Kind) -> Bool {
        switch (left, right) {
        case (.link, .link), (.quote, .quote): true
        default: left == right
        }
    }

    private mutating func closeTop() {
        flushText()
        let frame = stack.removeLast()
        let children = frame.spans
        switch frame.kind {
        case .root: break
        case .bold: append(.bold(children))
        case .italic: append(.italic(children))
        case .strike: append(.strike(children))
        case .underline: append(.underline(children))
        case .link(let url): append(.link(url: url, children: children))
        case .quote(let source):
            append(.quote(source, FormattedText.absorbingBlockBoundaries(FormattedText.hoistingBlocks(children))))
        }
    }

    private mutating func append(_ span: FormattedText.Span) {
        stack[stack.count - 1].spans.append(span)
    }

    private mutating func appendText(_ content: String) {
        var first = true
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { append(.lineBreak) }
            first = false
            if !line.isEmpty { append(.text(String(line))) }
        }
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        let string = String(decoding: text, as: UTF8.self)
        text.removeAll(keepingCapacity: true)
        if case .text(let previous)? = stack[stack.count - 1].spans.last {
            stack[stack.count - 1].spans[stack[stack.count - 1].spans.count - 1] = .text(previous + string)
        } else {
            append(.text(string))
        }
    }

    /// The position of the end tag `</name…>` at or after `index`, and the index after it.
    private func findEndTag(_ name: String, from index: Int) -> (start: Int, end: Int)? {
        let nameBytes = Array(name.utf8)
        var cursor = index
        let count = bytes.count
        while cursor + 1 + nameBytes.count < count {
            if bytes[cursor] == UInt8(ascii: "<"), bytes[cursor + 1] == UInt8(ascii: "/") {
                var matches = true
                for (offset, expected) in nameBytes.enumerated() where lowercased(bytes[cursor + 2 + offset]) != expected {
                    matches = false
                    break
                }
                let after = cursor + 2 + nameBytes.count
                if matches, after < count, bytes[after] == UInt8(ascii: ">") || bytes[after] == 0x20 {
                    if let close = bytes[after...].firstIndex(of: UInt8(ascii: ">")) { return (cursor, close + 1) }
                    return nil
                }
            }
            cursor += 1
        }
        return nil
    }

    private func lowercased(_ byte: UInt8) -> UInt8 {
        ByteClasses.isASCIILetter(byte) ? byte | 0x20 : byte
    }

    /// The text inside an element whose markup is not kept (`pre`, `at`, `ss`), tags dropped and entities
    /// decoded, with the index after its end tag (the rest of the input when it is never closed).
    private func captureText(of tag: MarkupTag) -> (String, Int) {
        let bounds = findEndTag(tag.name, from: tag.end) ?? (bytes.count, bytes.count)
        var output: [UInt8] = []
        var cursor = tag.end
        while cursor < bounds.start {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "<"), let inner = MarkupTag.read(in: bytes, at: cursor), inner.end <= bounds.start {
                if inner.name == "br" { output.append(UInt8(ascii: "\n")) }
                cursor = inner.end
            } else if byte == UInt8(ascii: "&"), let next = HTMLEntities.decode(in: bytes, at: cursor, into: &output) {
                cursor = next
            } else if byte == UInt8(ascii: "\r") {
                if cursor + 1 >= bounds.start || bytes[cursor + 1] != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
                cursor += 1
            } else {
                output.append(byte)
                cursor += 1
            }
        }
        return (String(decoding: output, as: UTF8.self), bounds.end)
    }

    /// Skips an element dropped with its content (`e_m` edit markers, `legacyquote` fallback text).
    private func skipElement(_ tag: MarkupTag) -> Int {
        findEndTag(tag.name, from: tag.end)?.end ?? tag.end
    }
}
