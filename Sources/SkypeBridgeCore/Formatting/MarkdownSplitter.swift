/// Splits Markdown at line ends, closing and reopening a code fence when a part ends inside one.
struct MarkdownSplitter {
    let limit: Int

    private struct Line {
        var text: String
        var size: Int
        /// Whether the line continues the previous one (a long line that was cut), so no line end joins them.
        var continues: Bool
        /// The fence open after this line, as its opening line and its closing line.
        var openFence: (opening: String, closing: String)?
    }

    func split(_ message: String) -> [String] {
        let lines = annotatedLines(message)
        var parts: [String] = []
        var current = ""
        var size = 0
        var fenceBefore: (opening: String, closing: String)?
        var partHasContent = false
        for line in lines {
            let separator = partHasContent && !line.continues ? 1 : 0
            let closing = line.openFence.map { $0.closing.unicodeScalars.count + 1 } ?? 0
            if partHasContent, size + separator + line.size + closing > limit {
                if let fence = fenceBefore {
                    current += "\n" + fence.closing
                }
                parts.append(current)
                current = ""
                size = 0
                partHasContent = false
                if let fence = fenceBefore {
                    current = fence.opening
                    size = fence.opening.unicodeScalars.count
                    current += "\n"
                    size += 1
                }
            }
            if partHasContent, !line.continues {
                current += "\n"
                size += 1
            }
            current += line.text
            size += line.size
            partHasContent = true
            fenceBefore = line.openFence
        }
        if partHasContent { parts.append(current) }
        return parts
    }

    /// The lines of the message, long ones cut into pieces, each with the fence open after it.
    private func annotatedLines(_ message: String) -> [Line] {
        var result: [Line] = []
        var fence: (opening: String, closing: String, byte: Character, length: Int)?
        let pieceLimit = max(limit - 2 * 40, limit / 2)
        for rawLine in message.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if let open = fence {
                let trimmed = line.drop { $0 == " " }
                let run = trimmed.prefix { $0 == open.byte }
                if run.count >= open.length, trimmed.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fence = nil
                }
            } else {
                let trimmed = line.drop { $0 == " " }
                if let first = trimmed.first, first == "`" || first == "~" {
                    let run = trimmed.prefix { $0 == first }
                    if run.count >= 3, !(first == "`" && trimmed.dropFirst(run.count).contains("`")) {
                        let language = trimmed.dropFirst(run.count).drop { $0 == " " }.prefix { $0 != " " }.prefix(20)
                        let marker = String(run.prefix(20))
                        fence = (marker + language, marker, first, run.count)
                    }
                }
            }
            let pieces = Self.cut(line, limit: pieceLimit)
            for (index, piece) in pieces.enumerated() {
                let open = fence.map { (opening: $0.opening, closing: $0.closing) }
                result.append(Line(text: piece, size: piece.unicodeScalars.count, continues: index > 0, openFence: open))
            }
        }
        return result
    }

    /// Cuts a line longer than `limit` scalars at the last space that fits, else at a grapheme boundary.
    static func cut(_ line: String, limit: Int) -> [String] {
        var remaining = line.unicodeScalars.count
        guard remaining > limit else { return [line] }
        var pieces: [String] = []
        var rest = Substring(line)
        while remaining > limit {
            var size = 0
            var end = rest.startIndex
            var lastSpace: (index: String.Index, size: Int)?
            var index = rest.startIndex
            while index < rest.endIndex {
                let character = rest[index]
                let count = character.unicodeScalars.count
                if size + count > limit { break }
                size += count
                index = rest.index(after: index)
                end = index
                if character == " " { lastSpace = (index, size) }
            }
            var cutAt = end
            var cutSize = size
            if let lastSpace, lastSpace.index > rest.startIndex {
                cutAt = lastSpace.index
                cutSize = lastSpace.size
            } else if end == rest.startIndex {
                cutAt = rest.index(after: rest.startIndex)
                cutSize = rest[rest.startIndex].unicodeScalars.count
            }
            pieces.append(String(rest[..<cutAt]))
            rest = rest[cutAt...]
            remaining -= cutSize
        }
        if !rest.isEmpty { pieces.append(String(rest)) }
        return pieces
    }
}
