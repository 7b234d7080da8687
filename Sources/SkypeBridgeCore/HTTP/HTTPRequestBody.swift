import Foundation

/// The body of an ``HTTPRequest``.
public enum HTTPRequestBody: Sendable {
    /// No body.
    case none
    /// These bytes, sent with a `Content-Length`. Set a `Content-Type` header: without one curl
    /// sends `application/x-www-form-urlencoded`.
    case bytes(Data)
    /// The contents of the file at this path, streamed from disk (never loaded whole), with a
    /// `Content-Length` of the file's size at the time of sending. No `Content-Type` is implied.
    case file(path: String)
    /// A `multipart/form-data` body built from these parts; files are streamed from disk.
    case multipart([MultipartPart])

    /// A UTF-8 text body.
    public static func text(_ string: String) -> HTTPRequestBody {
        .bytes(Data(string.utf8))
    }
}
