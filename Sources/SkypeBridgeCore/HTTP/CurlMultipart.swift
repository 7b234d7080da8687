import CCurl
import Foundation

/// Builds a curl MIME tree (`multipart/form-data`) from ``MultipartPart`` values; file parts are
/// read from disk by curl while sending.
enum CurlMultipart {
    /// A new `curl_mime` for `easy` holding `parts`; the caller frees it with `curl_mime_free`.
    static func build(_ parts: [MultipartPart], for easy: UnsafeMutableRawPointer) throws(HTTPError) -> OpaquePointer {
        guard let mime = curl_mime_init(easy) else { throw .transferFailed("curl_mime_init failed") }
        do {
            for part in parts { try add(part, to: mime) }
        } catch {
            curl_mime_free(mime)
            throw error
        }
        return mime
    }

    private static func add(_ part: MultipartPart, to mime: OpaquePointer) throws(HTTPError) {
        guard let handle = curl_mime_addpart(mime) else { throw .transferFailed("curl_mime_addpart failed") }
        try check(curl_mime_name(handle, part.name))
        switch part.content {
        case .bytes(let data):
            let code = data.isEmpty
                ? curl_mime_data(handle, "", 0)
                : data.withUnsafeBytes { curl_mime_data(handle, $0.baseAddress?.assumingMemoryBound(to: CChar.self), $0.count) }
            try check(code)
        case .file(let path):
            guard access(path, R_OK) == 0 else {
                throw .fileAccess(path: path, reason: HTTPError.errnoReason())
            }
            try check(curl_mime_filedata(handle, path))
        }
        if let filename = part.filename { try check(curl_mime_filename(handle, filename)) }
        if let contentType = part.contentType { try check(curl_mime_type(handle, contentType)) }
    }

    private static func check(_ code: CURLcode) throws(HTTPError) {
        guard code == CURLE_OK else { throw .transferFailed(String(cString: curl_easy_strerror(code))) }
    }
}
