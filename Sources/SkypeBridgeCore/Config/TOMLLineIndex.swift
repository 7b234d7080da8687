/// The line on which each table and key of a TOML document is first written.
///
/// TOMLKit's tables carry no source positions, so this scans the text itself: table headers
/// (`[a.b]`, `[[a]]`), `key = value` lines with dotted and quoted keys, and inline tables, while
/// skipping strings (all four kinds, multi-line included), arrays and comments. It is meant for text
/// the TOML parser has already accepted; on anything else it records what it can and never fails.
struct TOMLLineIndex {
    /// The first line of each path, where a path is the list of keys from the document root.
    private var firstLines: [[String]: Int] = [:]
    /// Every recorded path, in the order it first appears in the text.
    private var paths: [[String]] = []

    /// Scans `text` and records where every table and key first appears.
    init(text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.scanDocument()
        for (path, line) in scanner.entries where firstLines[path] == nil {
            firstLines[path] = line
            paths.append(path)
        }
    }

    /// The line where `path` is first written, or nil if it is not in the text.
    func line(of path: [String]) -> Int? {
        firstLines[path]
    }

    /// The line of `path`, or else of its nearest ancestor that is written in the text.
    func nearestLine(of path: [String]) -> Int? {
        var candidate = path
        while !candidate.isEmpty {
            if let line = firstLines[candidate] { return line }
            candidate.removeLast()
        }
        return nil
    }

    /// The keys directly under `path`, in the order they first appear in the text.
    func childKeys(of path: [String]) -> [String] {
        paths.filter { $0.count == path.count + 1 && Array($0.prefix(path.count)) == path }.map { $0[path.count] }
    }
}

extension TOMLLineIndex {
    /// A forgiving single-pass reader of TOML structure over UTF-8 bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var line = 1
        var entries: [([String], Int)] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        private func peek(_ offset: Int) -> UInt8? {
            position + offset < bytes.count ? bytes[position + offset] : nil
        }

        mutating func scanDocument() {
            var table: [String] = []
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            while true {
                skipWhitespaceAndComments(acrossLines: true)
                guard let byte = current else { return }
                let start = position
                if byte == UInt8(ascii: "[") {
                    table = scanHeader()
                } else {
                    scanKeyValue(in: table)
                }
                skipRestOfLine()
                if position == start { position += 1 }
            }
        }

        /// Reads `[a.b]` or `[[a.b]]`, records it and returns its path.
        private mutating func scanHeader() -> [String] {
            let headerLine = line
            let isArray = peek(1) == UInt8(ascii: "[")
            position += isArray ? 2 : 1
            let path = scanKeyPath()
            if current == UInt8(ascii: "]") { position += isArray ? 2 : 1 }
            record(path, at: headerLine)
            return path
        }

        /// Reads `key = value` (with a dotted or quoted key) and records the key under `table`.
        private mutating func scanKeyValue(in table: [String]) {
            let keyLine = line
            let key = scanKeyPath()
            guard !key.isEmpty, current == UInt8(ascii: "=") else { return }
            position += 1
            record(table + key, at: keyLine)
            skipWhitespaceAndComments(acrossLines: false)
            skipValue(at: table + key)
        }

        /// Records `path` and each of its ancestors (which a header or dotted key defines implicitly).
        private mutating func record(_ path: [String], at line: Int) {
            guard !path.isEmpty else { return }
            for length in 1...path.count {
                entries.append((Array(path.prefix(length)), line))
            }
        }

        /// Reads dot-separated bare or quoted keys, stopping before `=`, `]` or anything unexpected.
        private mutating func scanKeyPath() -> [String] {
            var parts: [String] = []
            while true {
                skipWhitespaceAndComments(acrossLines: false)
                guard let byte = current else { return parts }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    parts.append(scanQuotedKey(quote: byte))
                } else if Self.isBareKeyByte(byte) {
                    let start = position
                    while let next = current, Self.isBareKeyByte(next) { position += 1 }
                    parts.append(String(decoding: bytes[start..<position], as: UTF8.self))
                } else {
                    return parts
                }
                skipWhitespaceAndComments(acrossLines: false)
                guard current == UInt8(ascii: ".") else { return parts }
                position += 1
            }
        }

        /// Reads a one-line quoted key, resolving the common escapes of basic strings.
        private mutating func scanQuotedKey(quote: UInt8) -> String {
            position += 1
            var content: [UInt8] = []
            while let byte = current, byte != quote, byte != UInt8(ascii: "\n") {
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), let escaped = peek(1) {
                    content.append(Self.unescaped(escaped))
                    position += 2
                } else {
                    content.append(byte)
                    position += 1
                }
            }
            if current == quote { position += 1 }
            return String(decoding: content, as: UTF8.self)
        }

        /// Skips one value; inline tables record their keys under `path`.
        private mutating func skipValue(at path: [String]?) {
            guard let byte = current else { return }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                skipString(quote: byte)
            case UInt8(ascii: "["):
                skipArray()
            case UInt8(ascii: "{"):
                skipInlineTable(at: path)
            default:
                let stops: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"),
                                         UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
                while let next = current, !stops.contains(next) { position += 1 }
            }
        }

        private mutating func skipString(quote: UInt8) {
            let isMultiline = peek(1) == quote && peek(2) == quote
            let isBasic = quote == UInt8(ascii: "\"")
            position += isMultiline ? 3 : 1
            while let byte = current {
                if isBasic, byte == UInt8(ascii: "\\") {
                    if peek(1) == UInt8(ascii: "\n") { line += 1 }
                    position += 2
                    continue
                }
                if byte == UInt8(ascii: "\n") {
                    guard isMultiline else { return }
                    line += 1
                }
                if byte == quote, !isMultiline || (peek(1) == quote && peek(2) == quote) {
                    position += isMultiline ? 3 : 1
                    while isMultiline, current == quote { position += 1 }
                    return
                }
                position += 1
            }
        }

        private mutating func skipArray() {
            position += 1
            while true {
                skipWhitespaceAndComments(acrossLines: true)
                guard let byte = current else { return }
                if byte == UInt8(ascii: "]") {
                    position += 1
                    return
                }
                if byte == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                let start = position
                skipValue(at: nil)
                if position == start { position += 1 }
            }
        }

        private mutating func skipInlineTable(at path: [String]?) {
            position += 1
            while true {
                skipWhitespaceAndComments(acrossLines: true)
                guard let byte = current else { return }
                if byte == UInt8(ascii: "}") {
                    position += 1
                    return
                }
                if byte == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                let start = position
                let keyLine = line
                let key = scanKeyPath()
                if current == UInt8(ascii: "=") {
                    position += 1
                    if let path { record(path + key, at: keyLine) }
                    skipWhitespaceAndComments(acrossLines: false)
                    skipValue(at: path.map { $0 + key })
                }
                if position == start { position += 1 }
            }
        }

        private mutating func skipWhitespaceAndComments(acrossLines: Bool) {
            while let byte = current {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                    position += 1
                } else if byte == UInt8(ascii: "#") {
                    while let next = current, next != UInt8(ascii: "\n") { position += 1 }
                } else if byte == UInt8(ascii: "\n"), acrossLines {
                    line += 1
                    position += 1
                } else {
                    return
                }
            }
        }

        /// Skips to the end of the current line (a trailing comment or leftover text).
        private mutating func skipRestOfLine() {
            while let byte = current, byte != UInt8(ascii: "\n") { position += 1 }
        }

        private static func isBareKeyByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }

        private static func unescaped(_ byte: UInt8) -> UInt8 {
            switch byte {
            case UInt8(ascii: "n"): return UInt8(ascii: "\n")
            case UInt8(ascii: "t"): return UInt8(ascii: "\t")
            case UInt8(ascii: "r"): return UInt8(ascii: "\r")
            default: return byte
            }
        }
    }
}
