/// Just enough XML reading for the SOAP sign-in: element texts by local name, ignoring
/// namespaces prefixes, and entity unescaping. Not a general parser.
enum XMLText {
    /// The inner text of every element whose local name is `localName`, in document order.
    static func elements(localName: String, in xml: String) -> [String] {
        var results: [String] = []
        var searchStart = xml.startIndex
        while let open = xml.range(of: "<", range: searchStart..<xml.endIndex) {
            guard let close = xml.range(of: ">", range: open.upperBound..<xml.endIndex) else { break }
            let tag = xml[open.upperBound..<close.lowerBound]
            searchStart = close.upperBound
            guard !tag.hasPrefix("/"), !tag.hasPrefix("?"), !tag.hasPrefix("!") else { continue }
            let name = tag.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "/" }).first.map(String.init) ?? ""
            guard name.split(separator: ":").last.map(String.init) == localName else { continue }
            if tag.hasSuffix("/") {
                results.append("")
                continue
            }
            let closing = "</\(name)>"
            guard let end = xml.range(of: closing, range: close.upperBound..<xml.endIndex) else { continue }
            results.append(String(xml[close.upperBound..<end.lowerBound]))
        }
        return results
    }

    /// Replaces the five predefined entities.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
