import Foundation

/// A picture or file shared in a Skype chat: the ASM object a `URIObject` message points at
/// (skype-web.md §7.3). Read from any client's body: tag and attribute names in any case, the
/// name from `OriginalName@v`, else `meta@originalName`, else the `Title`.
public struct SkypeAttachment: Sendable, Hashable {
    /// What kind of object it is.
    public enum Kind: String, Sendable, Hashable {
        /// A picture (`Picture.1`, `RichText/UriObject`): full size at `/views/imgpsh_fullsize`.
        case picture
        /// Any other file (`File.1`, `RichText/Media_GenericFile`): content at `/views/original`.
        case file
        /// A video (`Video.1`, `RichText/Media_Video`): content at `/views/video`.
        case video
    }

    /// The kind.
    public var kind: Kind
    /// The ASM object id (`0-weu-d1-…`).
    public var objectID: String
    /// The object URL as written in the message.
    public var objectURL: String
    /// The file name, sanitised (no directories, no control characters, never empty).
    public var name: String
    /// The size the sender declared, if any.
    public var declaredSize: Int64?

    /// Creates an attachment.
    public init(kind: Kind, objectID: String, objectURL: String, name: String, declaredSize: Int64? = nil) {
        self.kind = kind
        self.objectID = objectID
        self.objectURL = objectURL
        self.name = SkypeFileName.sanitized(name)
        self.declaredSize = declaredSize
    }

    /// The view that holds the full content.
    public var contentView: String {
        switch kind {
        case .picture: "imgpsh_fullsize"
        case .file: "original"
        case .video: "video"
        }
    }

    /// Reads the attachment of a message, or nil when the message shares no ASM object.
    public static func parse(content: String, messageType: String) -> SkypeAttachment? {
        let lowered = messageType.lowercased()
        guard lowered.hasPrefix("richtext/") || content.range(of: "<urIObject", options: .caseInsensitive) != nil else { return nil }
        guard let object = MarkupTags.first("URIObject", in: content), let uri = object["uri"], !uri.isEmpty else { return nil }
        let objectID = uri.split(separator: "/").last.map(String.init) ?? ""
        guard !objectID.isEmpty else { return nil }
        let type = (object["type"] ?? "").lowercased()
        let kind: Kind =
            if type.hasPrefix("picture") || lowered == "richtext/uriobject" { .picture }
            else if type.hasPrefix("video") || lowered == "richtext/media_video" { .video }
            else { .file }
        let name = MarkupTags.first("OriginalName", in: content)?["v"]
            ?? MarkupTags.first("meta", in: content)?["originalname"]
            ?? MarkupTags.text(of: "Title", in: content).map { $0.hasPrefix("Title: ") ? String($0.dropFirst(7)) : $0 }
            ?? objectID
        let size = MarkupTags.first("FileSize", in: content)?["v"].flatMap { Int64($0) }
        return SkypeAttachment(kind: kind, objectID: objectID, objectURL: uri, name: name, declaredSize: size)
    }
}

/// Just enough tag reading for `URIObject` bodies: the attributes of the first tag with a name
/// (case-insensitive), values entity-decoded, attribute names lowercased.
enum MarkupTags {
    static func first(_ name: String, in markup: String) -> [String: String]? {
        var search = markup.startIndex
        while let open = markup.range(of: "<" + name, options: .caseInsensitive, range: search..<markup.endIndex) {
            search = open.upperBound
            guard let next = markup[open.upperBound...].first, next == " " || next == ">" || next == "/" || next == "\t" || next == "\n" else { continue }
            guard let close = markup.range(of: ">", range: open.upperBound..<markup.endIndex) else { return nil }
            return attributes(markup[open.upperBound..<close.lowerBound])
        }
        return nil
    }

    static func text(of name: String, in markup: String) -> String? {
        guard let open = markup.range(of: "<" + name + ">", options: .caseInsensitive),
            let close = markup.range(of: "</" + name + ">", options: .caseInsensitive, range: open.upperBound..<markup.endIndex)
        else { return nil }
        let text = XMLText.unescape(String(markup[open.upperBound..<close.lowerBound])).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    private static func attributes(_ tag: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = tag[...]
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            rest = rest[rest.index(after: equals)...].drop { $0 == " " }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
            rest = rest.dropFirst()
            guard let end = rest.firstIndex(of: quote) else { break }
            if let key = name.split(separator: " ").last {
                result[String(key)] = XMLText.unescape(String(rest[..<end]))
            }
            rest = rest[rest.index(after: end)...]
        }
        return result
    }
}
