/// Reads Mattermost Markdown by lines: fenced code blocks, `>` quotes (with the attribution line the renderer
/// writes), and paragraphs of inline Markdown. Other block syntax (headings, lists, tables) stays text.
struct MattermostMarkdownParser {
    /// How deep quotes may nest; deeper `>` lines are read as text.
    static let maximumQuoteDepth = 8

    let mentions: MentionResolver

    /// Whether `byte` may appear in a Mattermost username.
    static func isUsernameByte(_ byte: UInt8) -> Bool {
        ByteClasses.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    func parse(_ markdown: String) -> [FormattedText.Span] {
        let bytes = Array(markdown.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(Self.trimmingCarriageReturn(bytes[start..<index]))
            start = index + 1
        }
        lines.append(Self.trimmingCarriageReturn(bytes[start...]))
        return parseBlocks(lines[...], depth: 0)
    }

    private static func trimmingCarriageReturn(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == UInt8(ascii: "\r") ? line.dropLast() : line
    }

    private func parseBlocks(_ lines: ArraySlice<ArraySlice<UInt8>>, depth: Int) -> [FormattedText.Span] {
        var spans: [FormattedText.Span] = []
        var run: [ArraySlice<UInt8>] = []
        var index = lines.startIndex
        func flushRun() {
            guard !run.isEmpty else { return }
            spans += paragraphs(run)
            run.removeAll()
        }
        while index < lines.endIndex {
            let line = lines[index]
            if let fence = Self.fenceOpening(line) {
                flushRun()
                var content: [UInt8] = []
                var cursor = index + 1
                var first = true
                while cursor < lines.endIndex, !Self.closesFence(lines[cursor], fence: fence) {
                    if !first { content.append(UInt8(ascii: "\n")) }
                    content += lines[cursor]
                    first = false
                    cursor += 1
                }
                spans.append(.codeBlock(String(decoding: content, as: UTF8.self), language: fence.language))
                index = min(cursor + 1, lines.endIndex)
            } else if depth < Self.maximumQuoteDepth, let firstContent = Self.quoteContent(line) {
                flushRun()
                var quoted: [ArraySlice<UInt8>] = [firstContent]
                var cursor = index + 1
                while cursor < lines.endIndex, let content = Self.quoteContent(lines[cursor]) {
                    quoted.append(content)
                    cursor += 1
                }
                if cursor < lines.endIndex, lines[cursor].isEmpty { cursor += 1 }
                spans.append(quote(parseBlocks(quoted[...], depth: depth + 1)))
                index = cursor
            } else {
                run.append(line)
                index += 1
            }
        }
        flushRun()
        return spans
    }

    /// Inline spans of consecutive text lines; empty lines separate paragraphs, and every line end is a break.
    private func paragraphs(_ lines: [ArraySlice<UInt8>]) -> [FormattedText.Span] {
        var spans: [FormattedText.Span] = []
        var paragraph: [UInt8] = []
        var paragraphOpen = false
        func flushParagraph() {
            guard paragraphOpen else { return }
            var inline = MattermostMarkdownInlineParser(paragraph, mentions: mentions)
            spans += inline.parse()
            paragraph.removeAll(keepingCapacity: true)
            paragraphOpen = false
        }
        for (position, line) in lines.enumerated() {
            if line.isEmpty {
                flushParagraph()
                if position > 0 { spans.append(.lineBreak) }
                continue
            }
            if paragraphOpen {
                paragraph.append(UInt8(ascii: "\n"))
            } else if position > 0 {
                spans.append(.lineBreak)
            }
            paragraph += line
            paragraphOpen = true
        }
        flushParagraph()
        return spans
    }

    // MARK: Fences

    private struct Fence {
        var byte: UInt8
        var length: Int
        var language: String?
    }

    private static func fenceOpening(_ line: ArraySlice<UInt8>) -> Fence? {
        var cursor = line.startIndex
        var spaces = 0
        while cursor < line.endIndex, line[cursor] == UInt8(ascii: " "), spaces < 3 {
            cursor += 1
            spaces += 1
        }
        guard cursor < line.endIndex, line[cursor] == UInt8(ascii: "`") || line[cursor] == UInt8(ascii: "~") else { return nil }
        let byte = line[cursor]
        var end = cursor
        while end < line.endIndex, line[end] == byte { end += 1 }
        guard end - cursor >= 3 else { return nil }
        let info = line[end...]
        if byte == UInt8(ascii: "`"), info.contains(UInt8(ascii: "`")) { return nil }
        let word = info.drop { ByteClasses.isSpaceOrTab($0) }.prefix { !ByteClasses.isSpaceOrTab($0) }
        return Fence(byte: byte, length: end - cursor, language: word.isEmpty ? nil : String(decoding: word, as: UTF8.self))
    }

    private static func closesFence(_ line: ArraySlice<UInt8>, fence: Fence) -> Bool {
        let trimmed = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - trimmed.count <= 3 else { return false }
        let run = trimmed.prefix { $0 == fence.byte }
        return run.count >= fence.length && trimmed.dropFirst(run.count).allSatisfy(ByteClasses.isSpaceOrTab)
    }

    // MARK: Quotes

    private static func quoteContent(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let trimmed = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - trimmed.count <= 3, trimmed.first == UInt8(ascii: ">") else { return nil }
        let content = trimmed.dropFirst()
        return content.first == UInt8(ascii: " ") ? content.dropFirst() : content
    }

    /// A quote, with its first line read as the attribution the renderer writes
    /// (`**Name** wrote:` or `**Name** wrote at 2024-01-02 03:04:05 UTC:`) when it has that form.
    private func quote(_ children: [FormattedText.Span]) -> FormattedText.Span {
        guard children.count >= 2, case .bold(let nameSpans) = children[0], nameSpans.count == 1,
            case .text(let name) = nameSpans[0], case .text(let suffix) = children[1],
            children.count == 2 || children[2] == .lineBreak || children[2].isBlock,
            let timestamp = Self.attributionTimestamp(suffix)
        else { return .quote(QuoteSource(), children) }
        var rest = Array(children.dropFirst(2))
        if rest.first == .lineBreak { rest.removeFirst() }
        return .quote(QuoteSource(authorName: name, timestamp: timestamp), rest)
    }

    /// For the text after the bold name of an attribution line: `.some(nil)` for ` wrote:`, `.some(time)` for
    /// ` wrote at <time>:`, and nil when the text is no attribution.
    private static func attributionTimestamp(_ suffix: String) -> Int64?? {
        if suffix == " wrote:" { return .some(nil) }
        guard suffix.hasPrefix(" wrote at "), suffix.hasSuffix(":"),
            let timestamp = CivilTime.parseISOText(suffix.dropFirst(10).dropLast())
        else { return nil }
        return .some(timestamp)
    }
}
