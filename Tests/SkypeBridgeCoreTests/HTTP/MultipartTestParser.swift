import Foundation

/// A minimal `multipart/form-data` parser for checking what the transport sent.
enum MultipartTestParser {
    /// One received part.
    struct Part {
        var headers: [String: String]
        var content: [UInt8]

        /// `name|filename|content-type|size|fnv`, the parts' fingerprint the tests compare.
        var summary: String {
            let disposition = headers["content-disposition"] ?? ""
            return [parameter("name", disposition), parameter("filename", disposition), headers["content-type"] ?? "-",
                    "\(content.count)", "\(TestPayload.fnv1a(content))"].joined(separator: "|")
        }

        private func parameter(_ key: String, _ header: String) -> String {
            guard let range = header.range(of: "\(key)=\"") else { return "-" }
            let rest = header[range.upperBound...]
            return String(rest.prefix { $0 != "\"" })
        }
    }

    /// The parts of `body` delimited by `boundary`.
    static func parse(_ body: [UInt8], boundary: String) -> [Part] {
        let delimiter = Array("\r\n--\(boundary)".utf8)
        let data = Array("\r\n".utf8) + body
        var parts: [Part] = []
        var cursor = find(delimiter, in: data, from: 0)
        while let start = cursor {
            let afterDelimiter = start + delimiter.count
            guard afterDelimiter + 2 <= data.count, data[afterDelimiter..<afterDelimiter + 2] != [45, 45] else { break }
            let next = find(delimiter, in: data, from: afterDelimiter)
            let chunk = Array(data[(afterDelimiter + 2)..<(next ?? data.count)])
            if let split = find(Array("\r\n\r\n".utf8), in: chunk, from: 0) {
                var headers: [String: String] = [:]
                for line in String(decoding: chunk[..<split], as: UTF8.self).components(separatedBy: "\r\n") {
                    let pair = line.split(separator: ":", maxSplits: 1)
                    if pair.count == 2 { headers[pair[0].lowercased()] = pair[1].trimmingCharacters(in: .whitespaces) }
                }
                parts.append(Part(headers: headers, content: Array(chunk[(split + 4)...])))
            }
            cursor = next
        }
        return parts
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
}
