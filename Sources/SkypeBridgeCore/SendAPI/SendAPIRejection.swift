/// Why the send API refused a request: the HTTP status and the one-line reason in the body.
public struct SendAPIRejection: Error, Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The reason, as the body's `msg` (seed 001's wording where seed 001 defines it).
    public var message: String
    /// Seconds to wait before retrying (429 only).
    public var retryAfter: Int?

    /// Creates a rejection.
    public init(status: Int, message: String, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    /// 400: a required field is absent (seed 001's body).
    public static let missingParameters = SendAPIRejection(status: 400, message: "missing request parameters")
    /// 401: no key, or a key that matches none configured (seed 001's body).
    public static let incorrectKey = SendAPIRejection(status: 401, message: "incorrect API key")
    /// 400: the request carried a Skype username or password.
    public static let credentialsInRequest = SendAPIRejection(
        status: 400,
        message: "credentials in requests are refused: the bridge sends with its own Skype login; send an API key (API_KEY or Authorization: Bearer) instead"
    )
    /// 413: the body is larger than `[http] max_body_size`.
    public static func bodyTooLarge(limit: Int) -> SendAPIRejection {
        SendAPIRejection(status: 413, message: "request body larger than \(limit) bytes")
    }
    /// 400: the body could not be read as the content type says.
    public static func malformedBody(_ detail: String) -> SendAPIRejection {
        SendAPIRejection(status: 400, message: "malformed request body: \(detail)")
    }
    /// 400: the recipient cannot be a Skype chat or contact.
    public static let invalidRecipient = SendAPIRejection(
        status: 400, message: "invalid recipient: use a chat id (8:name, 19:…@thread.skype), a live: id or a Skype name")
    /// 400: an unknown `format`.
    public static let invalidFormat = SendAPIRejection(status: 400, message: "invalid format: use text, markdown or html")
    /// 429: the key's rate limit is used up.
    public static func rateLimited(retryAfter: Int) -> SendAPIRejection {
        SendAPIRejection(status: 429, message: "rate limit exceeded; retry in \(retryAfter) s", retryAfter: retryAfter)
    }
    /// 404: no such endpoint.
    public static let notFound = SendAPIRejection(status: 404, message: "not found: the send API serves /send-message, /send and /openapi.json")
    /// 405: the endpoint exists but not for this method.
    public static let methodNotAllowed = SendAPIRejection(status: 405, message: "method not allowed")
    /// 503: the request could not be stored for delivery.
    public static func unavailable(_ detail: String) -> SendAPIRejection {
        SendAPIRejection(status: 503, message: "not accepted, retry later: \(detail)", retryAfter: 1)
    }
}
