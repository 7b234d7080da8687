import Foundation

/// Why an HTTP exchange failed.
public enum HTTPError: CategorizedError, Equatable, LocalizedError, CustomStringConvertible {
    /// The URL is malformed or not `http`/`https`.
    case invalidURL(String)
    /// The client configuration is unusable (for example an unsupported proxy scheme).
    case invalidConfiguration(String)
    /// The server answered with a non-2xx status; `body` is the start of its body.
    case status(code: Int, body: String)
    /// The transfer did not finish within its timeout.
    case timeout
    /// No connection could be made or it broke (DNS, refused, reset, TLS); carries curl's message.
    case connectionFailed(String)
    /// The in-memory response body exceeded `limit` bytes.
    case tooLarge(limit: Int)
    /// The calling task was cancelled.
    case cancelled
    /// A body file could not be read or the destination file written.
    case fileAccess(path: String, reason: String)
    /// Any other transfer failure; carries curl's message.
    case transferFailed(String)

    /// The most characters of a response body kept in ``status(code:body:)``.
    public static let maxBodyExcerpt = 512

    /// `body` without surrounding whitespace, cut to ``maxBodyExcerpt`` characters.
    public static func trimmed(_ body: String) -> String {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > maxBodyExcerpt ? String(text.prefix(maxBodyExcerpt)) + "…" : text
    }

    /// 401/403 are auth, 404 not found, timeouts time out, connection failures and 5xx/429 are
    /// unavailable, 413 is bad data, cancellation is an interruption.
    public var category: ErrorCategory {
        switch self {
        case .invalidURL, .invalidConfiguration: .config
        case .status(let code, _):
            switch code {
            case 401, 403: .auth
            case 404, 410: .notFound
            case 408: .timeout
            case 413: .dataError
            case 429, 500...599: .unavailable
            default: .failure
            }
        case .timeout: .timeout
        case .connectionFailed: .unavailable
        case .tooLarge: .dataError
        case .cancelled: .interrupted
        case .fileAccess: .dataError
        case .transferFailed: .failure
        }
    }

    /// A short lowercase sentence saying what went wrong and what to do.
    public var description: String {
        switch self {
        case .invalidURL(let url): "invalid url \(Redaction.redactedURL(url)); use an absolute http or https url"
        case .invalidConfiguration(let reason): "invalid http configuration: \(reason)"
        case .status(let code, let body):
            body.isEmpty ? "server answered http \(code)" : "server answered http \(code): \(body)"
        case .timeout: "request timed out; check the server or raise the timeout"
        case .connectionFailed(let message): "connection failed: \(message); check the url, proxy and network"
        case .tooLarge(let limit): "response larger than \(limit) bytes; download it to a file instead"
        case .cancelled: "request cancelled"
        case .fileAccess(let path, let reason): "cannot use file \(path): \(reason)"
        case .transferFailed(let message): "http transfer failed: \(message)"
        }
    }

    /// The current `errno` as a lowercase phrase, for ``fileAccess(path:reason:)``.
    static func errnoReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}
