/// What the server knows about an uploaded file.
public struct MattermostFileInfo: Sendable, Hashable {
    /// The file id, to list in a post's `file_ids` or download.
    public var id: MattermostFileID
    /// The file name as uploaded.
    public var name: String
    /// The size in bytes.
    public var size: Int64
    /// The MIME type the server assigned (`application/octet-stream` when unknown).
    public var mimeType: String

    /// Creates file info.
    public init(id: MattermostFileID, name: String, size: Int64, mimeType: String) {
        self.id = id
        self.name = name
        self.size = size
        self.mimeType = mimeType
    }
}
