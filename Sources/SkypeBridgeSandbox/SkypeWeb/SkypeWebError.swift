import Hummingbird

/// A refusal the emulator answers with, in the shape the real service used
/// (`{"errorCode": n, "message": "..."}` on the messaging host, §9 of the protocol doc).
enum SkypeWebError: Error, Equatable {
    /// 400: the body or a parameter is malformed.
    case badRequest(String)
    /// 401: authentication missing, unknown or expired.
    case unauthorized(String)
    /// 403: authenticated but not allowed.
    case forbidden(String)
    /// 404 with a service error code (729 endpoint gone, 450 subscription gone, 0 otherwise).
    case notFound(code: Int, message: String)
    /// 405: the path exists but not for this method.
    case methodNotAllowed
    /// 413: the body is larger than the emulator accepts.
    case tooLarge

    var status: HTTPResponse.Status {
        switch self {
        case .badRequest: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .tooLarge: .contentTooLarge
        }
    }

    var code: Int {
        switch self {
        case .badRequest: 201
        case .unauthorized: 911
        case .forbidden: 403
        case .notFound(let code, _): code
        case .methodNotAllowed: 405
        case .tooLarge: 413
        }
    }

    var message: String {
        switch self {
        case .badRequest(let text), .unauthorized(let text), .forbidden(let text): text
        case .notFound(_, let text): text
        case .methodNotAllowed: "method not allowed on this resource"
        case .tooLarge: "request body too large"
        }
    }

    /// A generic 404 for an unknown path or id.
    static func unknown(_ what: String) -> SkypeWebError { .notFound(code: 0, message: "\(what) not found") }

    /// The response sent to the client.
    var response: Response {
        SkypeWebReply.json(status, ["errorCode": code, "message": message])
    }
}
