/// Reads the few values the Live sign-in pages carry (skype-web.md §2.3): `<input>` values by
/// name or id, and a JavaScript string such as `sErrTxt:'…'`.
enum HTMLScraper {
    /// The `value` of the first `<input>` with `name="…"`.
    static func inputValue(named name: String, in html: String) -> String? {
        inputs(in: html).first { attribute("name", in: $0) == name }.flatMap { attribute("value", in: $0) }
    }

    /// The `value` of the first `<input>` with `id="…"`.
    static func inputValue(id: String, in html: String) -> String? {
        inputs(in: html).first { attribute("id", in: $0) == id }.flatMap { attribute("value", in: $0) }
    }

    /// The text of `name:'…'` (single or double quotes), with backslash escapes removed.
    static func jsString(named name: String, in html: String) -> String? {
        for quote in ["'", "\""] {
            guard let start = html.range(of: name + ":" + quote) else { continue }
            var text = ""
            var escaped = false
            for character in html[start.upperBound...] {
                if escaped {
                    text.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if String(character) == quote {
                    return text
                } else {
                    text.append(character)
                }
            }
        }
        return nil
    }

    private static func inputs(in html: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = html[...]
        while let open = rest.range(of: "<input", options: .caseInsensitive) {
            guard let close = rest.range(of: ">", range: open.upperBound..<rest.endIndex) else { break }
            tags.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return tags
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        var searchRange = tag.startIndex..<tag.endIndex
        while let found = tag.range(of: name + "=", options: .caseInsensitive, range: searchRange) {
            let before = found.lowerBound == tag.startIndex ? " " : tag[tag.index(before: found.lowerBound)]
            searchRange = found.upperBound..<tag.endIndex
            guard before == " " || before == "\t" || before == "\n" else { continue }
            let valueStart = found.upperBound
            guard valueStart < tag.endIndex else { return "" }
            let quote = tag[valueStart]
            if quote == "\"" || quote == "'" {
                let inner = tag.index(after: valueStart)
                let end = tag[inner...].firstIndex(of: quote) ?? tag.endIndex
                return XMLText.unescape(String(tag[inner..<end]))
            }
            let end = tag[valueStart...].firstIndex(where: { $0 == " " || $0 == "/" }) ?? tag.endIndex
            return String(tag[valueStart..<end])
        }
        return nil
    }
}
