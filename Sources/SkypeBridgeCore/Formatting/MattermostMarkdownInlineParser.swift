/// Reads the inline Markdown of one paragraph: emphasis by CommonMark's delimiter rules, code spans, links,
/// autolinks, bare URLs, `@mentions`, `:emoji:` shortcodes, backslash escapes and line breaks.
struct MattermostMarkdownInlineParser {
    private struct Delimiter {
        var byte: UInt8
        var count: Int
        var originalCount: Int
        var canOpen: Bool
        var canClose: Bool
    }

    private enum Piece {
        case span(FormattedText.Span, depth: Int)
        case text([UInt8])
        case delimiter(Delimiter)
        case linkOpener
    }

    private let bytes: [UInt8]
    private let mentions: MentionResolver
    private var pieces: [Piece] = []
    private var pending: [UInt8] = []
    /// Indices in `pieces` of the `[` that may still open a link, innermost last.
    private var openers: [Int] = []

    init(_ bytes: [UInt8], mentions: MentionResolver) {
        self.bytes = bytes
        self.mentions = mentions
    }

    mutating func parse() -> [FormattedText.Span] {
        var index = 0
        let count = bytes.count
        let isSpecial = Self.isSpecial
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < count, bytes[index + 1] == UInt8(ascii: "\n") {
                    push(.span(.lineBreak, depth: 0))
                    index += 2
                } else if index + 1 < count, ByteClasses.isASCIIPunctuation(bytes[index + 1]) {
                    appendLiteral(bytes[index + 1])
                    index += 2
                } else {
                    appendLiteral(byte)
                    index += 1
                }
            case UInt8(ascii: "\n"):
                push(.span(.lineBreak, depth: 0))
                index += 1
            case UInt8(ascii: "`"):
                index = codeSpan(at: index)
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                index = delimiterRun(at: index)
            case UInt8(ascii: "["):
                push(.linkOpener)
                openers.append(pieces.count - 1)
                index += 1
            case UInt8(ascii: "]"):
                index = closeBracket(at: index)
            case UInt8(ascii: "<"):
                index = autolink(at: index) ?? literal(at: index)
            case UInt8(ascii: "h"), UInt8(ascii: "H"):
                index = bareURL(at: index) ?? literal(at: index)
            case UInt8(ascii: "@"):
                index = mention(at: index) ?? literal(at: index)
            case UInt8(ascii: ":"):
                index = emoji(at: index) ?? literal(at: index)
            default:
                var end = index + 1
                while end < count, !isSpecial[Int(bytes[end])] { end += 1 }
                pending.append(contentsOf: bytes[index..<end])
                index = end
            }
        }
        flushPending()
        processEmphasis(above: -1)
        return Self.spans(pieces[...])
    }

    /// Bytes that may start inline syntax; runs of other bytes are copied at once.
    private static let isSpecial: [Bool] = (0...255).map { value in
        "\\\n`*_~[]<hH@:".utf8.contains(UInt8(value))
    }

    // MARK: Pieces

    private mutating func appendLiteral(_ byte: UInt8) {
        pending.append(byte)
    }

    private mutating func flushPending() {
        guard !pending.isEmpty else { return }
        pieces.append(.text(pending))
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func push(_ piece: Piece) {
        flushPending()
        pieces.append(piece)
    }

    private mutating func literal(at index: Int) -> Int {
        appendLiteral(bytes[index])
        return index + 1
    }

    private static func spans(_ pieces: ArraySlice<Piece>) -> [FormattedText.Span] {
        var result: [FormattedText.Span] = []
        var text: [UInt8] = []
        func flush() {
            guard !text.isEmpty else { return }
            result.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll()
        }
        for piece in pieces {
            switch piece {
            case .text(let bytes): text += bytes
            case .delimiter(let delimiter): text += [UInt8](repeating: delimiter.byte, count: delimiter.count)
            case .linkOpener: text.append(UInt8(ascii: "["))
            case .span(let span, _):
                if case .text(let string) = span {
                    text += Array(string.utf8)
                } else {
                    flush()
                    result.append(span)
                }
            }
        }
        flush()
        return result
    }

    /// The spans and nesting depth of the pieces in `range`, read without keeping a slice of `pieces` alive
    /// (a live slice would make the next change of `pieces` copy the whole array).
    private func contents(of range: Range<Int>) -> ([FormattedText.Span], Int) {
        (Self.spans(pieces[range]), Self.depth(pieces[range]))
    }

    private static func depth(_ pieces: ArraySlice<Piece>) -> Int {
        pieces.reduce(0) { deepest, piece in
            if case .span(_, let depth) = piece { max(deepest, depth) } else { deepest }
        }
    }

    // MARK: Code spans

    private mutating func codeSpan(at index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
        let length = end - index
        var cursor = end
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "`") {
                var runEnd = cursor
                while runEnd < bytes.count, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
                if runEnd - cursor == length {
                    var content = bytes[end..<cursor].map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }
                    if content.count >= 2, content.first == UInt8(ascii: " "), content.last == UInt8(ascii: " "),
                        content.contains(where: { $0 != UInt8(ascii: " ") })
                    {
                        content = Array(content.dropFirst().dropLast())
                    }
                    push(.span(.code(String(decoding: content, as: UTF8.self)), depth: 1))
                    return runEnd
                }
                cursor = runEnd
            } else {
                cursor += 1
            }
        }
        for _ in 0..<length { appendLiteral(UInt8(ascii: "`")) }
        return end
    }

    // MARK: Emphasis

    private mutating func delimiterRun(at index: Int) -> Int {
        let byte = bytes[index]
        var end = index
        while end < bytes.count, bytes[end] == byte { end += 1 }
        let length = end - index
        if byte == UInt8(ascii: "~"), length != 2 {
            for _ in 0..<length { appendLiteral(byte) }
            return end
        }
        let before: Unicode.Scalar? = index > 0 ? ByteClasses.scalar(in: bytes, before: index) : nil
        let after: Unicode.Scalar? = end < bytes.count ? ByteClasses.scalar(in: bytes, at: end).0 : nil
        let whitespaceBefore = before.map(Self.isWhitespace) ?? true
        let whitespaceAfter = after.map(Self.isWhitespace) ?? true
        let punctuationBefore = before.map(Self.isPunctuation) ?? false
        let punctuationAfter = after.map(Self.isPunctuation) ?? false
        let leftFlanking = !whitespaceAfter && (!punctuationAfter || whitespaceBefore || punctuationBefore)
        let rightFlanking = !whitespaceBefore && (!punctuationBefore || whitespaceAfter || punctuationAfter)
        let canOpen: Bool
        let canClose: Bool
        if byte == UInt8(ascii: "_") {
            canOpen = leftFlanking && (!rightFlanking || punctuationBefore)
            canClose = rightFlanking && (!leftFlanking || punctuationAfter)
        } else {
            canOpen = leftFlanking
            canClose = rightFlanking
        }
        push(.delimiter(Delimiter(byte: byte, count: length, originalCount: length, canOpen: canOpen, canClose: canClose)))
        return end
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ByteClasses.isASCIIPunctuation(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// CommonMark's "process emphasis" over the pieces after index `bottom`.
    private mutating func processEmphasis(above bottom: Int) {
        var closerIndex = bottom + 1
        while closerIndex < pieces.count {
            guard case .delimiter(var closer) = pieces[closerIndex], closer.canClose, closer.count > 0 else {
                closerIndex += 1
                continue
            }
            var openerIndex = closerIndex - 1
            var found: Delimiter?
            while openerIndex > bottom {
                if case .delimiter(let opener) = pieces[openerIndex], opener.byte == closer.byte, opener.canOpen,
                    opener.count > 0
                {
                    if closer.byte == UInt8(ascii: "~") {
                        found = opener
                        break
                    }
                    let bothFlanking = opener.canClose || closer.canOpen
                    let sum = opener.originalCount + closer.originalCount
                    if !(bothFlanking && sum % 3 == 0 && !(opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0)) {
                        found = opener
                        break
                    }
                }
                openerIndex -= 1
            }
            guard var opener = found else {
                if !closer.canOpen {
                    closer.canClose = false
                    pieces[closerIndex] = .delimiter(closer)
                }
                closerIndex += 1
                continue
            }
            let used = closer.byte == UInt8(ascii: "~") ? 2 : (opener.count >= 2 && closer.count >= 2 ? 2 : 1)
            opener.count -= used
            closer.count -= used
            let (children, innerDepth) = contents(of: (openerIndex + 1)..<closerIndex)
            let depth = innerDepth + 1
            var replacement: [Piece]
            if depth > SkypeRichTextParser.maximumDepth {
                replacement = children.map { .span($0, depth: depth - 1) }
            } else if closer.byte == UInt8(ascii: "~") {
                replacement = [.span(.strike(children), depth: depth)]
            } else {
                replacement = [.span(used == 2 ? .bold(children) : .italic(children), depth: depth)]
            }
            pieces.replaceSubrange((openerIndex + 1)..<closerIndex, with: replacement)
            pieces[openerIndex] = .delimiter(opener)
            closerIndex = openerIndex + 1 + replacement.count
            pieces[closerIndex] = .delimiter(closer)
            if closer.count == 0 { closerIndex += 1 }
        }
    }

    // MARK: Links

    private mutating func closeBracket(at index: Int) -> Int {
        flushPending()
        guard let openerIndex = openers.popLast() else { return literal(at: index) }
        guard let (destination, end) = linkDestination(after: index) else {
            pieces[openerIndex] = .text([UInt8(ascii: "[")])
            return literal(at: index)
        }
        processEmphasis(above: openerIndex)
        let (children, innerDepth) = contents(of: (openerIndex + 1)..<pieces.count)
        let depth = innerDepth + 1
        let replacement: [Piece]
        if let url = LinkPolicy.sanitized(destination), depth <= SkypeRichTextParser.maximumDepth {
            replacement = [.span(.link(url: url, children: children), depth: depth)]
        } else {
            replacement = children.map { .span($0, depth: depth - 1) }
        }
        pieces.replaceSubrange(openerIndex..., with: replacement)
        // Links do not nest: every `[` before this link now stays text.
        openers.removeAll()
        return end
    }

    /// Reads `(destination "title")` right after the `]` at `index`.
    private func linkDestination(after index: Int) -> (String, Int)? {
        var cursor = index + 1
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "(") else { return nil }
        cursor += 1
        while cursor < bytes.count, ByteClasses.isSpaceOrTab(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "\n") { cursor += 1 }
        var destination: [UInt8] = []
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "<") {
            cursor += 1
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") {
                if bytes[cursor] == UInt8(ascii: "<") || bytes[cursor] == UInt8(ascii: "\n") { return nil }
                destination.append(bytes[cursor])
                cursor += 1
            }
            guard cursor < bytes.count else { return nil }
            cursor += 1
        } else {
            var depth = 0
            while cursor < bytes.count, bytes[cursor] > 0x20 {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: "\\"), cursor + 1 < bytes.count, ByteClasses.isASCIIPunctuation(bytes[cursor + 1]) {
                    destination.append(bytes[cursor + 1])
                    cursor += 2
                    continue
                }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                destination.append(byte)
                cursor += 1
            }
        }
        while cursor < bytes.count, ByteClasses.isSpaceOrTab(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "\n") { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
            let quote = bytes[cursor]
            cursor += 1
            while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
            guard cursor < bytes.count else { return nil }
            cursor += 1
            while cursor < bytes.count, ByteClasses.isSpaceOrTab(bytes[cursor]) { cursor += 1 }
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ")") else { return nil }
        return (String(decoding: destination, as: UTF8.self), cursor + 1)
    }

    private mutating func autolink(at index: Int) -> Int? {
        var cursor = index + 1
        guard cursor < bytes.count, ByteClasses.isASCIILetter(bytes[cursor]) else { return nil }
        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") {
            let byte = bytes[cursor]
            if byte <= 0x20 || byte == UInt8(ascii: "<") { return nil }
            cursor += 1
        }
        guard cursor < bytes.count else { return nil }
        let target = String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self)
        guard let url = LinkPolicy.sanitized(target) else { return nil }
        push(.span(.link(url: url, children: [.text(target)]), depth: 1))
        return cursor + 1
    }

    private mutating func bareURL(at index: Int) -> Int? {
        if index > 0 {
            let previous = bytes[index - 1]
            guard previous == 0x20 || previous == 0x09 || previous == 0x0A || "*_~(".utf8.contains(previous) else { return nil }
        }
        let prefixLength: Int
        if Self.hasPrefix("https://", in: bytes, at: index) {
            prefixLength = 8
        } else if Self.hasPrefix("http://", in: bytes, at: index) {
            prefixLength = 7
        } else {
            return nil
        }
        var end = index + prefixLength
        while end < bytes.count, bytes[end] > 0x20, bytes[end] != UInt8(ascii: "<") { end += 1 }
        while end > index + prefixLength {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let slice = bytes[index..<end]
                guard slice.filter({ $0 == UInt8(ascii: ")") }).count > slice.filter({ $0 == UInt8(ascii: "(") }).count else { break }
                end -= 1
            } else {
                break
            }
        }
        guard end > index + prefixLength else { return nil }
        let url = String(decoding: bytes[index..<end], as: UTF8.self)
        push(.span(.link(url: url, children: [.text(url)]), depth: 1))
        return end
    }

    private static func hasPrefix(_ prefix: String, in bytes: [UInt8], at index: Int) -> Bool {
        var cursor = index
        for expected in prefix.utf8 {
            guard cursor < bytes.count else { return false }
            let byte = ByteClasses.isASCIILetter(bytes[cursor]) ? bytes[cursor] | 0x20 : bytes[cursor]
            guard byte == expected else { return false }
            cursor += 1
        }
        return true
    }

    // MARK: Mentions and emoji

    private mutating func mention(at index: Int) -> Int? {
        if index > 0 {
            let previous = bytes[index - 1]
            guard !MattermostMarkdownParser.isUsernameByte(previous), previous < 0x80 else { return nil }
        }
        var end = index + 1
        guard end < bytes.count, ByteClasses.isASCIILetter(bytes[end]) else { return nil }
        while end < bytes.count, MattermostMarkdownParser.isUsernameByte(bytes[end]) { end += 1 }
        while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        let username = ByteClasses.asciiLowercasedString(bytes[(index + 1)..<end])
        guard let user = mentions.skypeUser(username) else { return nil }
        push(.span(.mention(id: user.id, name: user.name), depth: 1))
        return end
    }

    private mutating func emoji(at index: Int) -> Int? {
        var end = index + 1
        while end < bytes.count, end - index <= 64,
            ByteClasses.isASCIIAlphanumeric(bytes[end]) || "_+-".utf8.contains(bytes[end])
        {
            end += 1
        }
        guard end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: ":") else { return nil }
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        guard let entry = Emoticons.entry(forShortcode: name) else { return nil }
        push(.span(.emoticon(id: entry.id, text: entry.shortcuts.first ?? name), depth: 1))
        return end + 1
    }
}
