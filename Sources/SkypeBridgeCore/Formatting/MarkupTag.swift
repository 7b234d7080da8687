/// One tag of HTML-like Skype markup, read leniently.
struct MarkupTag {
    /// What kind of tag was read.
    enum Kind {
        case start
        case end
        case selfClosing
        /// A comment, `<!…>` or `<?…?>`: carries nothing.
        case ignorable
    }

    var kind: Kind
    /// The lower-case tag name (empty for ignorable tags).
    var name: String
    /// Where each attribute's name and value lie in `source`; values are decoded only when asked for.
    var attributes: [(name: Range<Int>, value: Range<Int>)]
    /// The markup the tag was read from.
    var source: [UInt8]
    /// The index just after the closing `>`.
    var end: Int

    /// The value of the attribute `name` (lower case) with entities decoded, if present.
    func attribute(_ name: String) -> String? {
        let wanted = name.utf8
        guard let found = attributes.first(where: { range in
            range.name.count == wanted.count && zip(source[range.name], wanted).allSatisfy { Self.lowercased($0) == $1 }
        }) else { return nil }
        var value: [UInt8] = []
        Self.decodeAttribute(source, found.value, into: &value)
        return String(decoding: value, as: UTF8.self)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Reads the tag that starts with `<` at `index`, or returns nil when the `<` starts no tag
    /// (a stray `<`, or a tag never closed by `>`), in which case it is text.
    static func read(in bytes: [UInt8], at index: Int) -> MarkupTag? {
        let count = bytes.count
        guard index + 1 < count else { return nil }
        let next = bytes[index + 1]
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            if next == UInt8(ascii: "!"), index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"),
                bytes[index + 3] == UInt8(ascii: "-")
            {
                var cursor = index + 4
                while cursor + 2 < count {
                    if bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: "-"),
                        bytes[cursor + 2] == UInt8(ascii: ">")
                    {
                        return MarkupTag(kind: .ignorable, name: "", attributes: [], source: bytes, end: cursor + 3)
                    }
                    cursor += 1
                }
                return nil
            }
            guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            return MarkupTag(kind: .ignorable, name: "", attributes: [], source: bytes, end: close + 1)
        }
        var cursor = index + 1
        var kind = Kind.start
        if next == UInt8(ascii: "/") {
            kind = .end
            cursor += 1
        }
        guard cursor < count, ByteClasses.isASCIILetter(bytes[cursor]) else { return nil }
        let nameStart = cursor
        while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
        let name = ByteClasses.asciiLowercasedString(bytes[nameStart..<cursor])
        var attributes: [(name: Range<Int>, value: Range<Int>)] = []
        while cursor < count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") {
                return MarkupTag(kind: kind, name: name, attributes: attributes, source: bytes, end: cursor + 1)
            }
            if byte == UInt8(ascii: "/"), cursor + 1 < count, bytes[cursor + 1] == UInt8(ascii: ">") {
                return MarkupTag(
                    kind: kind == .start ? .selfClosing : kind, name: name, attributes: attributes, source: bytes, end: cursor + 2)
            }
            if isSpace(byte) || byte == UInt8(ascii: "/") {
                cursor += 1
                continue
            }
            let attributeStart = cursor
            while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "="),
                bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/")
            {
                cursor += 1
            }
            let attributeName = attributeStart..<cursor
            while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < count, bytes[cursor] == UInt8(ascii: "=") else {
                attributes.append((attributeName, cursor..<cursor))
                continue
            }
            cursor += 1
            while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < count else { return nil }
            let quote = bytes[cursor]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                cursor += 1
                guard let close = bytes[cursor...].firstIndex(of: quote) else { return nil }
                attributes.append((attributeName, cursor..<close))
                cursor = close + 1
            } else {
                let valueStart = cursor
                while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                attributes.append((attributeName, valueStart..<cursor))
            }
        }
        return nil
    }

    private static func decodeAttribute(_ bytes: [UInt8], _ range: Range<Int>, into output: inout [UInt8]) {
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            if bytes[cursor] == UInt8(ascii: "&"), let next = HTMLEntities.decode(in: bytes, at: cursor, into: &output) {
                cursor = next
            } else {
                output.append(bytes[cursor])
                cursor += 1
            }
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        ByteClasses.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
