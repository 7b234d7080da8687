import Foundation
import HTTPTypes
import Hummingbird

extension MattermostAPI {
    static let fileRoutes: [MattermostRoute] = [
        MattermostRoute(.post, "files") { request, state in
            let caller = try request.requireUser()
            var channelId = request.query["channel_id"] ?? ""
            var uploads: [(name: String, type: String, body: [UInt8])] = []
            var clientIds: [String] = []
            if let form = MattermostMultipart(body: request.body, contentType: request.headers[.contentType] ?? "") {
                for part in form.parts {
                    switch (part.name, part.filename) {
                    case ("channel_id", nil): channelId = String(decoding: part.body, as: UTF8.self)
                    case ("client_ids", nil): clientIds.append(String(decoding: part.body, as: UTF8.self))
                    case (_, let filename?): uploads.append((filename, part.contentType ?? "", part.body))
                    default: continue
                    }
                }
            } else if let filename = request.query["filename"] {
                uploads.append((filename, request.headers[.contentType] ?? "", request.body))
            }
            if channelId.isEmpty { throw MattermostAPIError.invalidBody("channel_id") }
            if uploads.isEmpty { throw MattermostAPIError.invalid("api.file.upload_file.incorrect_number_of_files.app_error", "Unable to upload files. Incorrect number of files specified.") }
            var infos: [MattermostFileInfo] = []
            for upload in uploads {
                infos.append(try await state.uploadFile(by: caller, channelId: MattermostChannelID(channelId), name: upload.name, mimeType: upload.type, bytes: upload.body))
            }
            return MattermostResponse.json(FileUploadResponse(fileInfos: infos, clientIds: clientIds), status: .created)
        },
        MattermostRoute(.get, "files/:file_id") { request, state in
            let caller = try request.requireUser()
            let (info, bytes) = try await state.file(request.id("file_id"), for: caller)
            var response = MattermostResponse.bytes(bytes, contentType: info.mimeType)
            let download = ["1", "true"].contains(request.query["download"] ?? "")
            let inline = !download && (info.isImage || info.mimeType.hasPrefix("video/") || info.mimeType.hasPrefix("audio/"))
            response.headers[.contentDisposition] = "\(inline ? "inline" : "attachment"); filename=\"\(info.name)\""
            response.headers[.cacheControl] = "private, no-cache"
            response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
            return response
        },
        MattermostRoute(.get, "files/:file_id/info") { request, state in
            let caller = try request.requireUser()
            return MattermostResponse.json(try await state.fileInfo(request.id("file_id"), for: caller))
        },
        MattermostRoute(.get, "files/:file_id/thumbnail") { request, state in
            try await preview(request, state, kind: "thumbnail")
        },
        MattermostRoute(.get, "files/:file_id/preview") { request, state in
            try await preview(request, state, kind: "preview")
        },
        MattermostRoute(.get, "files/:file_id/link") { request, state in
            let caller = try request.requireUser()
            _ = try await state.fileInfo(request.id("file_id"), for: caller)
            throw MattermostAPIError(status: .forbidden, id: "api.file.get_public_link.disabled.app_error", message: "Public links have been disabled.")
        },
    ]

    /// Thumbnails and previews: the original image bytes (no resizing); 400 for non-images.
    private static func preview(_ request: MattermostHTTPRequest, _ state: MattermostServerState, kind: String) async throws -> Response {
        let caller = try request.requireUser()
        let (info, bytes) = try await state.file(request.id("file_id"), for: caller)
        guard info.isImage else {
            throw MattermostAPIError.invalid("api.file.get_file_\(kind).no_\(kind).app_error", "File doesn't have a \(kind) image.")
        }
        return MattermostResponse.bytes(bytes, contentType: info.mimeType)
    }

    private struct FileUploadResponse: Encodable {
        var fileInfos: [MattermostFileInfo]
        var clientIds: [String]

        enum CodingKeys: String, CodingKey {
            case fileInfos = "file_infos", clientIds = "client_ids"
        }
    }
}
