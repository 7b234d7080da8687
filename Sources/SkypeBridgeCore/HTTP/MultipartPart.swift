import Foundation

/// One part of a `multipart/form-data` request body.
public struct MultipartPart: Sendable, Equatable {
    /// Where a part's content comes from.
    public enum Content: Sendable, Equatable {
        /// These bytes.
        case bytes(Data)
        /// The file at this path, streamed from disk.
        case file(path: String)
    }

    /// The form field name.
    public var name: String
    /// The part's content.
    public var content: Content
    /// The `filename` parameter; for file content `nil` means the file's own name.
    public var filename: String?
    /// The part's `Content-Type`; `nil` lets the server assume text (fields) or
    /// `application/octet-stream` (files).
    public var contentType: String?

    /// Creates a part.
    public init(name: String, content: Content, filename: String? = nil, contentType: String? = nil) {
        self.name = name
        self.content = content
        self.filename = filename
        self.contentType = contentType
    }

    /// A plain form field.
    public static func field(_ name: String, _ value: String) -> MultipartPart {
        MultipartPart(name: name, content: .bytes(Data(value.utf8)))
    }

    /// A file streamed from `path`, sent as `filename` (default: the file's own name).
    public static func file(
        _ name: String, path: String, filename: String? = nil, contentType: String? = "application/octet-stream"
    ) -> MultipartPart {
        MultipartPart(name: name, content: .file(path: path), filename: filename, contentType: contentType)
    }
}
