import Foundation

extension SkypeClient {
    /// What is being shared: a picture (shown inline) or any other file.
    public enum Attachment: Sendable {
        case picture
        case file
    }

    /// Uploads a file to ASM and posts the message that shares it (skype-web.md §7): create the
    /// object readable by the chat's other members, stream the bytes from disk, then send the
    /// `URIObject` message. Never loads the file into memory.
    /// - Throws: ``SkypeError/notAPicture(_:)`` when `kind` is `.picture` and the bytes are not one.
    public func sendFile(_ chat: SkypeChatID, path: String, kind: Attachment, clientMessageID: SkypeClientMessageID = .random()) async throws -> SentMessage {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw SkypeError.unreadableFile(path)
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        if kind == .picture, ImageFormat(contentsOf: path) == nil { throw SkypeError.notAPicture(path) }
        let name = SkypeFileName.sanitized((path as NSString).lastPathComponent)
        let readers = try await otherMembers(of: chat)
        var object: [String: JSONValue] = [
            "type": .string(kind == .picture ? "pish/image" : "sharing/file"),
            "permissions": .object(Dictionary(uniqueKeysWithValues: readers.map { ($0.rawValue, JSONValue.array([.string("read")])) })),
        ]
        if kind == .file { object["filename"] = .string(name) }
        let created = try await session.send(.asm, .post, "", json: try JSONValue.object(object).jsonString(), headers: ["X-Client-Version": "0/0.0.0.0"])
        try Self.check(created, what: "file upload")
        guard let id = (try? JSONValue.parse(created.data))?["id"]?.string else {
            throw SkypeError.unexpectedResponse("ASM did not return an object id")
        }
        let objectURL = SkypeServiceURLs.base(session.services.asm) + "/" + id
        let upload = try await session.send(
            .asm, .put, objectURL + "/content/" + (kind == .picture ? "imgpsh" : "original"),
            body: .file(path: path), headers: ["Content-Type": "application/octet-stream"], timeout: .seconds(600), retryable: true
        )
        try Self.check(upload, what: "file upload")
        let content = kind == .picture
            ? SkypeURIObject.picture(objectURL: objectURL, id: id, name: name)
            : SkypeURIObject.file(objectURL: objectURL, id: id, name: name, size: size)
        return try await send(chat, content: content, messageType: kind == .picture ? "RichText/UriObject" : "RichText/Media_GenericFile", clientMessageID: clientMessageID)
    }

    /// Streams the full content of `attachment` to the file at `path` (created 0600), failing with
    /// ``HTTPError/tooLarge(limit:)`` — and leaving no file — beyond `maxBytes`.
    ///
    /// The object is fetched from the configured ASM base whatever host its URL names (clients
    /// write the public `api.asm.skype.com` host), with `Authorization: skype_token`.
    public func download(_ attachment: SkypeAttachment, to file: String, maxBytes: Int64 = .max) async throws {
        if let declared = attachment.declaredSize, declared > maxBytes {
            throw HTTPError.tooLarge(limit: Int(clamping: maxBytes))
        }
        let path = "/" + SkypePath.segment(attachment.objectID) + "/views/" + attachment.contentView
        let response = try await session.send(.asm, .get, path, destination: .file(path: file, maxBytes: maxBytes), timeout: .seconds(600), retryable: true)
        try Self.check(response, what: "file \(attachment.name)")
    }

    /// The members of `chat` other than the account (for a 1:1 chat, the other party).
    func otherMembers(of chat: SkypeChatID) async throws -> [SkypeChatID] {
        guard chat.isGroup else { return [chat] }
        let me = try await session.credentials().userID.mri
        let response = try await session.send(.messaging, .get, "/threads/\(SkypePath.segment(chat.rawValue))?view=msnp24Equivalent")
        try Self.check(response, what: "chat \(chat)")
        let members = (try JSONValue.parse(response.data)["members"]?.array ?? []).compactMap { $0["id"]?.string }.map { SkypeChatID($0) }
        return members.filter { $0 != me }
    }
}

/// The `URIObject` bodies of shared pictures and files (skype-web.md §7.3).
enum SkypeURIObject {
    static func picture(objectURL: String, id: String, name: String) -> String {
        let view = XMLEscape.attribute(objectURL + "/views/imgpsh_fullsize")
        return #"<URIObject type="Picture.1" uri="\#(XMLEscape.attribute(objectURL))" url_thumbnail="\#(XMLEscape.attribute(objectURL + "/views/imgt1"))">"#
            + #"<Title/><Description/><OriginalName v="\#(XMLEscape.attribute(name))"/>"#
            + #"<a href="\#(view)">\#(view)</a><meta type="photo" originalName="\#(XMLEscape.attribute(name))"/></URIObject>"#
    }

    static func file(objectURL: String, id: String, name: String, size: Int64) -> String {
        let view = XMLEscape.attribute(objectURL + "/views/original")
        return #"<URIObject type="File.1" uri="\#(XMLEscape.attribute(objectURL))" url_thumbnail="\#(XMLEscape.attribute(objectURL + "/views/thumbnail"))">"#
            + "<Title>Title: \(XMLEscape.text(name))</Title><Description>Description: \(XMLEscape.text(name))</Description>"
            + #"<OriginalName v="\#(XMLEscape.attribute(name))"/><FileSize v="\#(size)"/><a href="\#(view)">\#(view)</a></URIObject>"#
    }
}

/// Escaping for the XML-ish bodies Skype carries.
enum XMLEscape {
    static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func attribute(_ value: String) -> String {
        text(value).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
    }
}

/// File names as shared: no directories, no control characters, never empty.
public enum SkypeFileName {
    /// `name` without path separators and control characters, trimmed; `file` when nothing is left.
    public static func sanitized(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "/" && $0 != "\\" }))
            .trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "file" : cleaned
    }
}
