import Foundation

/// Rules that keep secrets (tokens, cookies, passwords) out of logs and error messages.
///
/// Pure functions: they only rewrite strings for display and never change what is sent.
public enum Redaction {
    /// What replaces a secret.
    public static let placeholder = "<redacted>"

    /// Header names (lower case) whose values are always redacted.
    public static let sensitiveHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "authentication", "cookie", "set-cookie",
        "x-skypetoken", "registrationtoken", "set-registrationtoken", "token",
    ]

    /// Whether a header's value is a secret.
    public static func isSensitiveHeader(_ name: String) -> Bool {
        sensitiveHeaderNames.contains(name.lowercased())
    }

    /// `value`, or ``placeholder`` if the header `name` carries a secret.
    public static func redactedHeaderValue(name: String, value: String) -> String {
        isSensitiveHeader(name) ? placeholder : value
    }

    /// Headers as `Name: value` lines for a log, secrets redacted.
    public static func redactedHeaders(_ headers: HTTPHeaders) -> [String] {
        headers.map { "\($0.name): \(redactedHeaderValue(name: $0.name, value: $0.value))" }
    }

    /// Whether a query parameter's value is a secret: names containing `token`, `password`,
    /// `secret` or `api_key`/`apikey` (any case, percent-decoded), and `key`, `sig`, `signature`.
    public static func isSensitiveQueryParameter(_ name: String) -> Bool {
        let name = (name.removingPercentEncoding ?? name).lowercased()
        if ["key", "sig", "signature"].contains(name) { return true }
        return ["token", "password", "secret", "api_key", "apikey"].contains { name.contains($0) }
    }

    /// `url` with the values of sensitive query parameters and any password in the user-info part
    /// replaced by ``placeholder``; everything else (order, other parameters, fragment) is kept.
    public static func redactedURL(_ url: String) -> String {
        var rest = Substring(url)
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[hash...])
            rest = rest[..<hash]
        }
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var result = redactedUserInfo(String(rest))
        if let query {
            result += "?" + query.split(separator: "&", omittingEmptySubsequences: false)
                .map(redactedQueryItem).joined(separator: "&")
        }
        return result + fragment
    }

    private static func redactedQueryItem(_ item: Substring) -> String {
        guard let equals = item.firstIndex(of: "=") else { return String(item) }
        let name = item[..<equals]
        return isSensitiveQueryParameter(String(name)) ? "\(name)=\(placeholder)" : String(item)
    }

    private static func redactedUserInfo(_ base: String) -> String {
        guard let scheme = base.range(of: "://") else { return base }
        let authorityEnd = base[scheme.upperBound...].firstIndex(of: "/") ?? base.endIndex
        let authority = base[scheme.upperBound..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return base }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return base }
        return String(base[..<colon]) + ":" + placeholder + String(base[at...])
    }
}
