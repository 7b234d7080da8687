/// Writes spans as Mattermost Markdown, escaping text so that it never turns into formatting.
struct MattermostMarkdownRenderer {
    /// The word joiner put after `@` in channel-wide mentions that are not allowed.
    static let mentionBreaker: Unicode.Scalar = "\u{2060}"
    private static let channelWideNames: [[UInt8]] = ["channel", "all", "here"].map { Array($0.utf8) }

    let options: MattermostRenderOptions
    private(set) var output: [UInt8] = []

    init(options: MattermostRenderOptions, capacity: Int) {
        self.options = options
        output.reserveCapacity(capacity)
    }

    // MARK: Blocks

    mutating func render(_ spans: [FormattedText.Span]) {
        var run: [FormattedText.Span] = []
        var position = 0
        for span in spans {
            if span.isBlock {
                if !run.isEmpty {
                    renderLines(run)
                    run.removeAll()
                }
                if position > 0 { output.append(UInt8(ascii: "\n")) }
                if case .codeBlock(let code, let language) = span {
                    renderCodeBlock(code, language: language)
                } else if case .quote(let source, let children) = span {
                    renderQuote(source, children)
                }
                if position + 1 < spans.count {
                    output.append(UInt8(ascii: "\n"))
                    if case .quote = span { output.append(UInt8(ascii: "\n")) }
                }
            } else {
                run.append(span)
            }
            position += 1
        }
        if !run.isEmpty { renderLines(run) }
    }

    private mutating func renderLines(_ spans: [FormattedText.Span]) {
        for (index, line) in FormattedText.splittingLines(spans).enumerated() {
            if index > 0 { output.append(UInt8(ascii: "\n")) }
            renderInline(line)
        }
    }

    private mutating func renderCodeBlock(_ code: String, language: String?) {
        var longest = 0
        var current = 0
        for byte in code.utf8 {
            current = byte == UInt8(ascii: "`") ? current + 1 : 0
            longest = max(longest, current)
        }
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: max(3, longest + 1))
        output.append(contentsOf: fence)
        if let language, !language.isEmpty,
            language.utf8.allSatisfy({ ByteClasses.isASCIIAlphanumeric($0) || "_+#.-".utf8.contains($0) })
        {
            output.append(contentsOf: language.utf8)
        }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: code.utf8)
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: fence)
    }

    private mutating func renderQuote(_ source: QuoteSource, _ children: [FormattedText.Span]) {
        var inner = MattermostMarkdownRenderer(options: options, capacity: 64)
        if let name = source.displayName {
            inner.renderInline([.bold([.text(name)])])
            if let timestamp = source.timestamp {
                inner.output.append(contentsOf: " wrote at \(CivilTime(epochSeconds: timestamp).isoText):".utf8)
            } else {
                inner.output.append(contentsOf: " wrote:".utf8)
            }
            if !children.isEmpty { inner.output.append(UInt8(ascii: "\n")) }
        }
        inner.render(children)
        output.append(contentsOf: "> ".utf8)
        for byte in inner.output {
            output.append(byte)
            if byte == UInt8(ascii: "\n") { output.append(contentsOf: "> ".utf8) }
        }
    }

    // MARK: Inline

    private mutating func renderInline(_ spans: [FormattedText.Span]) {
        let spans = Self.mergingNeighbours(spans)
        for (index, span) in spans.enumerated() {
            renderInline(span, next: index + 1 < spans.count ? spans[index + 1] : nil)
        }
    }

    private mutating func renderInline(_ span: FormattedText.Span, next: FormattedText.Span?) {
        switch span {
        case .text(let text):
            appendEscaped(text)
        case .lineBreak:
            output.append(UInt8(ascii: "\n"))
        case .bold(let children):
            emphasis(children, marker: "**", next: next)
        case .italic(let children):
            let before = output.last
            let wordBefore = before.map { ByteClasses.isASCIIAlphanumeric($0) || $0 >= 0x80 } ?? false
            let wordAfter = next.flatMap(Self.firstByte).map { ByteClasses.isASCIIAlphanumeric($0) || $0 >= 0x80 } ?? false
            emphasis(children, marker: wordBefore || wordAfter ? "*" : "_", next: next)
        case .strike(let children):
            emphasis(children, marker: "~~", next: next)
        case .underline(let children):
            renderInline(children)
        case .code(let code):
            renderCodeSpan(code)
        case .codeBlock(let code, _):
            renderCodeSpan(code)
        case .link(let url, let children):
            renderLink(url, children, next: next)
        case .mention(let id, let name):
            renderMention(id: id, name: name)
        case .emoticon(let id, let text):
            if let shortcode = Emoticons.shortcode(forSkypeID: id) {
                output.append(UInt8(ascii: ":"))
                output.append(contentsOf: shortcode.utf8)
                output.append(UInt8(ascii: ":"))
            } else {
                appendEscaped(text)
            }
        case .quote(_, let children):
            renderInline(children)
        }
    }

    /// Joins neighbouring spans of the same style (`**a****b**` would not read back as bold).
    private static func mergingNeighbours(_ spans: [FormattedText.Span]) -> [FormattedText.Span] {
        var result: [FormattedText.Span] = []
        result.reserveCapacity(spans.count)
        for span in spans {
            switch (result.last, span) {
            case (.bold(let left)?, .bold(let right)): result[result.count - 1] = .bold(left + right)
            case (.italic(let left)?, .italic(let right)): result[result.count - 1] = .italic(left + right)
            case (.strike(let left)?, .strike(let right)): result[result.count - 1] = .strike(left + right)
            case (.text(let left)?, .text(let right)): result[result.count - 1] = .text(left + right)
            default: result.append(span)
            }
        }
        return result
    }

    /// Writes `marker`-delimited children with surrounding spaces moved outside the markers, since
    /// Markdown does not accept `** x **` as bold.
    private mutating func emphasis(_ children: [FormattedText.Span], marker: String, next: FormattedText.Span?) {
        var inner = children
        var leading: [UInt8] = []
        var trailing: [UInt8] = []
        Self.trimSpaces(&inner, leading: &leading, trailing: &trailing)
        appendEscaped(leading)
        if !inner.isEmpty {
            output.append(contentsOf: marker.utf8)
            renderInline(inner)
            output.append(contentsOf: marker.utf8)
        }
        appendEscaped(trailing)
    }

    private static func trimSpaces(_ spans: inout [FormattedText.Span], leading: inout [UInt8], trailing: inout [UInt8]) {
        trimLeadingSpaces(&spans, into: &leading)
        trimTrailingSpaces(&spans, into: &trailing)
    }

    /// Moves the spaces that start `spans` (looking into the first child only) to `leading`.
    private static func trimLeadingSpaces(_ spans: inout [FormattedText.Span], into leading: inout [UInt8]) {
        while case .text(let text)? = spans.first {
            let bytes = Array(text.utf8)
            let start = bytes.firstIndex { !ByteClasses.isSpaceOrTab($0) } ?? bytes.count
            leading += bytes[..<start]
            if start == bytes.count {
                spans.removeFirst()
            } else {
                if start > 0 { spans[0] = .text(String(decoding: bytes[start...], as: UTF8.self)) }
                return
            }
        }
        if let first = spans.first, var children = first.children, !children.isEmpty {
            var inner: [UInt8] = []
            trimLeadingSpaces(&children, into: &inner)
            guard !inner.isEmpty else { return }
            leading += inner
            spans[0] = first.replacingChildren(children)
        }
    }

    /// Moves the spaces that end `spans` (looking into the last child only) to `trailing`.
    private static func trimTrailingSpaces(_ spans: inout [FormattedText.Span], into trailing: inout [UInt8]) {
        while case .text(let text)? = spans.last {
            let bytes = Array(text.utf8)
            let end = (bytes.lastIndex { !ByteClasses.isSpaceOrTab($0) }).map { $0 + 1 } ?? 0
            trailing = Array(bytes[end...]) + trailing
            if end == 0 {
                spans.removeLast()
            } else {
                if end < bytes.count { spans[spans.count - 1] = .text(String(decoding: bytes[..<end], as: UTF8.self)) }
                return
            }
        }
        if let last = spans.last, var children = last.children, !children.isEmpty {
            var inner: [UInt8] = []
            trimTrailingSpaces(&children, into: &inner)
            guard !inner.isEmpty else { return }
            trailing = inner + trailing
            spans[spans.count - 1] = last.replacingChildren(children)
        }
    }

    private mutating func renderCodeSpan(_ code: String) {
        let bytes = code.utf8.map { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") ? UInt8(ascii: " ") : $0 }
        guard !bytes.isEmpty else { return }
        var longest = 0
        var current = 0
        for byte in bytes {
            current = byte == UInt8(ascii: "`") ? current + 1 : 0
            longest = max(longest, current)
        }
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: longest + 1)
        let pad =
            bytes.first == UInt8(ascii: "`") || bytes.last == UInt8(ascii: "`")
            || (bytes.first == UInt8(ascii: " ") && bytes.last == UInt8(ascii: " ") && bytes.contains { $0 != UInt8(ascii: " ") })
        output.append(contentsOf: fence)
        if pad { output.append(UInt8(ascii: " ")) }
        output.append(contentsOf: bytes)
        if pad { output.append(UInt8(ascii: " ")) }
        output.append(contentsOf: fence)
    }

    private mutating func renderLink(_ url: String, _ children: [FormattedText.Span], next: FormattedText.Span?) {
        guard let safe = LinkPolicy.sanitized(url) else {
            renderInline(children)
            return
        }
        let isBare = children.isEmpty || children == [.text(safe)]
        let lastByte = safe.utf8.last ?? 0
        let previous = output.last
        let nextByte = next.flatMap(Self.firstByte)
        if isBare, safe.hasPrefix("http://") || safe.hasPrefix("https://"),
            !safe.utf8.contains(where: { "<>()[]*_~`\\\"'".utf8.contains($0) }),
            ByteClasses.isASCIIAlphanumeric(lastByte) || lastByte == UInt8(ascii: "/"),
            previous.map({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }) ?? true,
            nextByte.map({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) ?? true
        {
            output.append(contentsOf: safe.utf8)
            return
        }
        output.append(UInt8(ascii: "["))
        if isBare { appendEscaped(safe) } else { renderInline(children) }
        output.append(contentsOf: "](".utf8)
        for byte in safe.utf8 {
            switch byte {
            case UInt8(ascii: "("): output.append(contentsOf: "%28".utf8)
            case UInt8(ascii: ")"): output.append(contentsOf: "%29".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "%3C".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "%3E".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "%5C".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "%22".utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: ")"))
    }

    private mutating func renderMention(id: String, name: String) {
        if id == "*" {
            output.append(UInt8(ascii: "@"))
            if !options.allowsChannelWideMentions { ByteClasses.appendUTF8(Self.mentionBreaker, to: &output) }
            output.append(contentsOf: "all".utf8)
            return
        }
        if let username = options.mentions.mattermostUsername(id, name), !username.isEmpty,
            username.utf8.allSatisfy(MattermostMarkdownParser.isUsernameByte)
        {
            output.append(UInt8(ascii: "@"))
            output.append(contentsOf: username.utf8)
            return
        }
        output.append(UInt8(ascii: "@"))
        appendEscaped(name, afterMentionSign: true)
    }

    /// The first byte a span writes, to decide how the span before it may end.
    private static func firstByte(of span: FormattedText.Span) -> UInt8? {
        switch span {
        case .text(let text): text.utf8.first
        case .code: UInt8(ascii: "`")
        case .mention: UInt8(ascii: "@")
        case .emoticon(let id, let text): Emoticons.shortcode(forSkypeID: id) != nil ? UInt8(ascii: ":") : text.utf8.first
        case .lineBreak, .codeBlock, .quote: UInt8(ascii: "\n")
        case .link(_, let children): children.first.flatMap(firstByte) ?? UInt8(ascii: "[")
        case .bold(let children), .italic(let children), .strike(let children), .underline(let children):
            children.first.flatMap(firstByte)
        }
    }

    // MARK: Escaping

    /// Appends text with every character that could start Markdown escaped by a backslash, and channel-wide
    /// mentions neutralised unless allowed.
    private mutating func appendEscaped(_ text: String, afterMentionSign: Bool = false) {
        var text = text
        text.withUTF8 { appendEscaped($0, afterMentionSign: afterMentionSign) }
    }

    private mutating func appendEscaped(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { appendEscaped($0, afterMentionSign: false) }
    }

    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, afterMentionSign: Bool) {
        var index = 0
        let count = bytes.count
        let mayNeedEscape = Self.mayNeedEscape
        while index < count {
            let byte = bytes[index]
            if !mayNeedEscape[Int(byte)], !(afterMentionSign && index == 0) {
                var end = index + 1
                while end < count, !mayNeedEscape[Int(bytes[end])] { end += 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "~"):
                output.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "_"):
                let before = index > 0 ? bytes[index - 1] : output.last
                let after = index + 1 < count ? bytes[index + 1] : nil
                if !(before.map(ByteClasses.isASCIIAlphanumeric) ?? false) || !(after.map(ByteClasses.isASCIIAlphanumeric) ?? false) {
                    output.append(UInt8(ascii: "\\"))
                }
            case UInt8(ascii: "<"):
                if index + 1 < count, ByteClasses.isASCIILetter(bytes[index + 1]) || "/!?".utf8.contains(bytes[index + 1]) {
                    output.append(UInt8(ascii: "\\"))
                }
            case UInt8(ascii: "&"):
                if Self.looksLikeEntity(bytes, at: index) { output.append(UInt8(ascii: "\\")) }
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="),
                UInt8(ascii: "|"):
                if isAtLineStart() { output.append(UInt8(ascii: "\\")) }
            case UInt8(ascii: "@"):
                if !options.allowsChannelWideMentions, Self.isChannelWideMention(Array(bytes[index..<min(count, index + 9)]), at: 0) {
                    output.append(byte)
                    ByteClasses.appendUTF8(Self.mentionBreaker, to: &output)
                    index += 1
                    continue
                }
            default:
                if ByteClasses.isASCIIDigit(byte), isAtLineStart() {
                    var end = index
                    while end < count, ByteClasses.isASCIIDigit(bytes[end]) { end += 1 }
                    if end < count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") {
                        output.append(contentsOf: bytes[index..<end])
                        output.append(UInt8(ascii: "\\"))
                        index = end
                        continue
                    }
                }
            }
            if afterMentionSign, index == 0, !options.allowsChannelWideMentions,
                Self.isChannelWideMention([UInt8(ascii: "@")] + Array(bytes), at: 0)
            {
                ByteClasses.appendUTF8(Self.mentionBreaker, to: &output)
            }
            output.append(byte)
            index += 1
        }
    }

    /// Bytes the escaping has to look at; every other byte is copied as it is.
    private static let mayNeedEscape: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        return "\\*`[]~_<&#>-+=|@".utf8.contains(byte) || ByteClasses.isASCIIDigit(byte)
    }

    /// Whether the output is at the start of a line, after at most three spaces.
    private func isAtLineStart() -> Bool {
        var index = output.count - 1
        var spaces = 0
        while index >= 0, output[index] == UInt8(ascii: " "), spaces < 4 {
            spaces += 1
            index -= 1
        }
        guard spaces < 4 else { return false }
        return index < 0 || output[index] == UInt8(ascii: "\n")
    }

    private static func looksLikeEntity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var cursor = index + 1
        while cursor < bytes.count, cursor - index < 12,
            ByteClasses.isASCIIAlphanumeric(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "#")
        {
            cursor += 1
        }
        return cursor > index + 1 && cursor < bytes.count && bytes[cursor] == UInt8(ascii: ";")
    }

    static func isChannelWideMention(_ bytes: [UInt8], at index: Int) -> Bool {
        for name in channelWideNames {
            let end = index + 1 + name.count
            guard end <= bytes.count else { continue }
            var matches = true
            for (offset, expected) in name.enumerated() where bytes[index + 1 + offset] | 0x20 != expected {
                matches = false
                break
            }
            if matches, end == bytes.count || !MattermostMarkdownParser.isUsernameByte(bytes[end]) || bytes[end] == UInt8(ascii: ".") {
                return true
            }
        }
        return false
    }
}
