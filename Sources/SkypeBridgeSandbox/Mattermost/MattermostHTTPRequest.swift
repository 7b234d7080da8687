import HTTPTypes
import Hummingbird

/// One API request as the route handlers see it: the matched path parameters, query, body and caller.
struct MattermostHTTPRequest: Sendable {
    var method: HTTPRequest.Method
    var headers: HTTPFields
    /// Values bound by `:name` components of the route pattern.
    var parameters: [String: String] = [:]
    var query: [String: String]
    var body: [UInt8]
    /// The token the request carried (header or cookie), valid or not.
    var token: String?
    /// The user the token belongs to, when it is valid.
    var userId: MattermostUserID?

    /// The caller's user id, or 401 `api.context.session_expired.app_error`.
    func requireUser() throws(MattermostAPIError) -> MattermostUserID {
        guard let userId else { throw .sessionExpired }
        return userId
    }

    /// A path parameter.
    func parameter(_ name: String) -> String {
        parameters[name] ?? ""
    }

    /// A path parameter holding an id; `me` in a `user_id` position is the caller.
    func id<Kind>(_ name: String) -> MattermostTypedID<Kind> {
        let value = parameters[name] ?? ""
        if name == "user_id", value == "me", let userId { return MattermostTypedID(userId.rawValue) }
        return MattermostTypedID(value)
    }

    /// The body as JSON (`{}` when empty); 400 `invalid_body_param` when it is not JSON.
    func json() throws(MattermostAPIError) -> MattermostJSON {
        do {
            return try MattermostJSON.parse(body)
        } catch {
            throw .invalidBody("body")
        }
    }

    /// The body as a JSON object; 400 when it is something else.
    func object() throws(MattermostAPIError) -> [String: MattermostJSON] {
        guard let object = try json().objectValue else { throw .invalidBody("body") }
        return object
    }

    /// A paging parameter: `page` defaults to 0, `per_page` to 60 and is capped at 200.
    func paging() -> (page: Int, perPage: Int) {
        let page = max(0, query["page"].flatMap { Int($0) } ?? 0)
        let perPage = min(200, max(1, query["per_page"].flatMap { Int($0) } ?? 60))
        return (page, perPage)
    }

    /// Finds the token as the server does: `MMAUTHTOKEN` cookie (non-GET needs a CSRF header),
    /// then `Authorization: Bearer …` or `Authorization: Token …`, any case.
    static func token(in headers: HTTPFields, method: HTTPRequest.Method) -> String? {
        if let authorization = headers[.authorization] {
            if let token = plainToken(authorization) { return token }
            let lower = authorization.lowercased()
            for prefix in ["bearer ", "token "] where lower.hasPrefix(prefix) {
                return String(authorization.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            }
        }
        for cookieHeader in headers[values: .cookie] {
            for pair in cookieHeader.split(separator: ";") {
                let item = pair.trimmingCharacters(in: .whitespaces)
                guard item.hasPrefix("MMAUTHTOKEN=") else { continue }
                let csrfOK = method == .get || headers[HTTPField.Name("X-Requested-With")!] == "XMLHttpRequest"
                    || headers[HTTPField.Name("X-CSRF-Token")!] != nil
                return csrfOK ? String(item.dropFirst("MMAUTHTOKEN=".count)) : nil
            }
        }
        return nil
    }

    /// The common case of `Authorization` without Unicode case mapping or trimming: an ASCII
    /// scheme in any case, one space, and an alphanumeric token. Nil sends the caller the slow way.
    private static func plainToken(_ authorization: String) -> String? {
        let bytes = authorization.utf8
        for scheme in ["bearer ", "token "] {
            let schemeBytes = scheme.utf8
            guard bytes.count > schemeBytes.count, zip(bytes, schemeBytes).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
            let token = bytes.dropFirst(schemeBytes.count)
            let alphanumeric = token.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
            return alphanumeric ? String(decoding: token, as: UTF8.self) : nil
        }
        return nil
    }
}
