import Foundation
import Hummingbird

extension SkypeWebResponder {
    /// `api.asm.skype.com` stand-in under `/asm` (protocol doc §7): create, upload, download, status.
    func asm(_ incoming: SkypeWebRequest, _ path: [String]) async throws -> Response {
        let user = try await store.user(forSkypeToken: incoming.skypeToken)
        guard path.count >= 2, path[0] == "v1", path[1] == "objects" else { throw SkypeWebError.unknown("resource") }
        let route = SkypeWebPath(method: incoming.method, segments: Array(path.dropFirst(2)))
        if route.match(.post, "") != nil {
            let body = try incoming.json()
            guard let type = body["type"] as? String else { throw SkypeWebError.badRequest("type is required.") }
            let id = await store.createFile(owner: user.username, type: type, filename: body["filename"] as? String,
                                            permissions: body["permissions"] as? [String: Any] ?? [:])
            return SkypeWebReply.json(.created, ["id": id])
        }
        if let ids = route.match(.put, "*/content/*") {
            try await store.upload(ids[0], kind: ids[1], bytes: incoming.body, by: user.username)
            return SkypeWebReply.json(.created, [String: Any]())
        }
        if let id = route.match(.get, "*")?.first {
            let file = try await store.readableFile(id, by: user.username)
            return SkypeWebReply.json(.ok, ["id": file.id, "type": file.type, "filename": file.filename ?? ""])
        }
        if let id = route.match(.get, "*/views/*/status")?.first {
            let file = try await store.readableFile(id, by: user.username)
            let length = file.contents.values.first?.count ?? 0
            let state = file.contents.isEmpty ? "no content" : "ready"
            return SkypeWebReply.json(.ok, [
                "content_length": length, "content_full_length": length, "view_length": length, "content_state": state,
                "view_state": state, "view_location": "\(await store.origin)/asm/v1/objects/\(id)/views/original",
                "status_location": "\(await store.origin)/asm/v1/objects/\(id)/views/original/status",
                "scan": ["status": "passed"], "original_filename": file.filename ?? "",
            ])
        }
        if let ids = route.match(.get, "*/views/*") {
            let (id, view) = (ids[0], ids[1])
            let file = try await store.readableFile(id, by: user.username)
            let preferred = view == "original" || view == "thumbnail" ? ["original", "imgpsh"] : ["imgpsh", "original"]
            guard let bytes = preferred.lazy.compactMap({ file.contents[$0] }).first ?? file.contents.values.first else {
                throw SkypeWebError.unknown("content")
            }
            let type = file.type == "pish/image" ? "image/png" : "application/octet-stream"
            return SkypeWebReply.bytes(bytes, contentType: type)
        }
        throw SkypeWebError.unknown("resource")
    }
}
