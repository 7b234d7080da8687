extension MattermostClient {
    /// Uploads the file at `path` to `channel` as `name` (multipart, streamed from disk), ready to
    /// be listed in a post's `fileIDs`.
    /// - Throws: ``MattermostError/fileAccess(path:reason:)`` when the file cannot be read;
    ///   ``MattermostError/server(status:id:message:)`` with status 413 when it is over the server's limit.
    public func uploadFile(channel: MattermostChannelID, path: String, name: String) async throws -> MattermostFileInfo {
        let form: [MultipartPart] = [
            .field("channel_id", channel.rawValue),
            .file("files", path: path, filename: name, contentType: MattermostMediaType.forFileName(name)),
        ]
        let answer = try await object(.post, "/files", body: .multipart(form), retryable: false, timeout: fileTransferTimeout)
        guard let info = answer["file_infos"]?.array?.first?.object.flatMap(MattermostFileInfo.init(wire:)) else {
            throw MattermostError.unexpectedResponse("upload answered no file info")
        }
        return info
    }

    /// What the server knows about a file (`GET /files/{id}/info`).
    public func fileInfo(id: MattermostFileID) async throws -> MattermostFileInfo {
        try decode(try await object(.get, "/files/\(segment(id))/info"), as: "file info", MattermostFileInfo.init(wire:))
    }

    /// Downloads a file's bytes into the file at `path` (created or truncated, mode 0600), streamed
    /// so memory use stays flat. Nothing is written when the server answers an error.
    public func downloadFile(id: MattermostFileID, to path: String) async throws {
        _ = try await send(.get, "/files/\(segment(id))", destination: .file(path: path), timeout: fileTransferTimeout)
    }

    /// File transfers may take far longer than API calls: at least 10 minutes.
    var fileTransferTimeout: Duration {
        max(requestTimeout, .seconds(600))
    }
}
