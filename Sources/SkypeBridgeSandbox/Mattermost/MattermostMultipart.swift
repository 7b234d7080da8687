import Foundation

/// A minimal `multipart/form-data` reader for `POST /files`.
struct MattermostMultipart: Sendable {
    /// One part: its form name, optional filename and content type, and bytes.
    struct Part: Sendable {
        var name: String
        var filename: String?
        var contentType: String?
        var body: [UInt8]
    }

    var parts: [Part]

    /// Parses `body` using the boundary from `contentType`; nil when it is not multipart.
    init?(body: [UInt8], contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let range = contentType.range(of: "boundary=")
        else { return nil }
        var boundary = String(contentType[range.upperBound...].split(separator: ";").first ?? "")
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        var sections = Self.split(body, on: delimiter).dropFirst()
        if sections.last.map({ $0.starts(with: Array("--".utf8)) }) == true { sections = sections.dropLast() }
        for section in sections {
            var bytes = ArraySlice(section)
            if bytes.starts(with: [13, 10]) { bytes = bytes.dropFirst(2) }
            guard let headerEnd = Self.firstIndex(of: [13, 10, 13, 10], in: bytes) else { continue }
            let headerText = String(decoding: bytes[bytes.startIndex..<headerEnd], as: UTF8.self)
            var content = Array(bytes[(headerEnd + 4)...])
            if content.suffix(2) == [13, 10] { content.removeLast(2) }
            var part = Part(name: "", body: content)
            for line in headerText.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    part.name = Self.attribute("name", in: line) ?? ""
                    part.filename = Self.attribute("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(part)
        }
        self.parts = parts
    }

    private static func attribute(_ name: String, in line: String) -> String? {
        for item in line.split(separator: ";") {
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard pair.hasPrefix("\(name)=") else { continue }
            return pair.dropFirst(name.count + 1).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    private static func split(_ bytes: [UInt8], on delimiter: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var rest = bytes[...]
        while let index = firstIndex(of: delimiter, in: rest) {
            result.append(Array(rest[rest.startIndex..<index]))
            rest = rest[(index + delimiter.count)...]
        }
        result.append(Array(rest))
        return result
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
