/// Splits Skype RichText between tokens, closing the elements open at a cut and reopening them after it.
struct RichTextSplitter {
    /// Elements never cut inside: their content is a unit. A cut prefers a line end, then a space, each
    /// only when the part is at least half full there.
    private static let atomic: Set<String> = ["at", "ss", "legacyquote", "e_m", "a"]
    private static let void: Set<String> = ["br", "img", "hr"]

    let limit: Int

    private enum Kind {
        case start(name: String)
        case end(name: String)
        case newline
        case space
        case other
    }

    private struct Token {
        var text: Substring
        var size: Int
        var kind: Kind
    }

    /// A place a part may end, with the part's size and the elements open there.
    private struct Candidate {
        var end: Int
        var size: Int
        var open: [OpenElement]
    }

    private struct OpenElement {
        var name: String
        var tag: Substring
    }

    func split(_ markup: String) -> [String] {
        let tokens = tokenize(markup)
        var parts: [String] = []
        var index = 0
        var reopened: [OpenElement] = []
        while index < tokens.count {
            var stack = reopened
            var size = reopened.reduce(0) { $0 + $1.tag.unicodeScalars.count }
            var newline: Candidate?
            var space: Candidate?
            var any: Candidate?
            var cursor = index
            var overflow = false
            while cursor < tokens.count {
                let token = tokens[cursor]
                var next = stack
                apply(token, to: &next)
                let closing = next.reduce(0) { $0 + $1.name.unicodeScalars.count + 3 }
                if size + token.size + closing > limit, cursor > index {
                    overflow = true
                    break
                }
                size += token.size
                stack = next
                cursor += 1
                if !stack.contains(where: { Self.atomic.contains($0.name) }) {
                    let candidate = Candidate(end: cursor, size: size, open: stack)
                    any = candidate
                    if case .newline = token.kind { newline = candidate }
                    if case .space = token.kind { space = candidate }
                }
            }
            guard overflow else {
                parts.append(render(reopened, tokens[index..<tokens.count], closing: stack))
                break
            }
            let enough = { (candidate: Candidate?) -> Candidate? in candidate.flatMap { $0.size * 2 >= size ? $0 : nil } }
            let chosen = enough(newline) ?? enough(space) ?? any ?? Candidate(end: cursor, size: size, open: stack)
            let end = chosen.end
            let openAtEnd = chosen.open
            var partTokens = tokens[index..<end]
            if case .newline? = partTokens.last?.kind { partTokens = partTokens.dropLast() }
            parts.append(render(reopened, partTokens, closing: openAtEnd))
            reopened = openAtEnd
            index = end
        }
        return parts
    }

    private func render(_ reopened: [OpenElement], _ tokens: ArraySlice<Token>, closing: [OpenElement]) -> String {
        var output = ""
        for element in reopened { output += element.tag }
        for token in tokens { output += token.text }
        for element in closing.reversed() { output += "</" + element.name + ">" }
        return output
    }

    private func apply(_ token: Token, to stack: inout [OpenElement]) {
        switch token.kind {
        case .start(let name):
            if !Self.void.contains(name) { stack.append(OpenElement(name: name, tag: token.text)) }
        case .end(let name):
            if let position = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(position...) }
        default:
            break
        }
    }

    private func tokenize(_ markup: String) -> [Token] {
        let bytes = Array(markup.utf8)
        var tokens: [Token] = []
        var index = 0
        var scratch: [UInt8] = []
        let utf8 = markup.utf8
        func substring(_ start: Int, _ end: Int) -> Substring {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(lower, offsetBy: end - start)
            return Substring(markup[lower..<upper])
        }
        var textStart = 0
        func flushText(upTo end: Int) {
            guard textStart < end else { return }
            for character in substring(textStart, end) {
                let kind: Kind = character == "\n" || character == "\r\n" ? .newline : character == " " ? .space : .other
                tokens.append(Token(text: Substring(String(character)), size: character.unicodeScalars.count, kind: kind))
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let tag = MarkupTag.read(in: bytes, at: index) {
                flushText(upTo: index)
                let text = substring(index, tag.end)
                let kind: Kind =
                    switch tag.kind {
                    case .start: .start(name: tag.name)
                    case .end: .end(name: tag.name)
                    case .selfClosing, .ignorable: .other
                    }
                tokens.append(Token(text: text, size: text.unicodeScalars.count, kind: kind))
                index = tag.end
                textStart = index
            } else if bytes[index] == UInt8(ascii: "&"), let next = HTMLEntities.decode(in: bytes, at: index, into: &scratch) {
                flushText(upTo: index)
                let text = substring(index, next)
                tokens.append(Token(text: text, size: text.unicodeScalars.count, kind: .other))
                index = next
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(upTo: bytes.count)
        return tokens
    }
}
