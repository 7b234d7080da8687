import Foundation
import Hummingbird

/// One incoming request, decoded once for the route handlers.
struct SkypeWebRequest: Sendable {
    let request: Request
    /// Percent-decoded path segments.
    let segments: [String]
    let body: [UInt8]

    var method: HTTPRequest.Method { request.method }

    /// A query parameter, decoded.
    func query(_ name: String) -> String? {
        request.uri.queryParameters[Substring(name)].map { String($0).removingPercentEncoding ?? String($0) }
    }

    /// The body as a JSON object (400 when it is not one).
    func json() throws(SkypeWebError) -> [String: Any] {
        try SkypeWebJSON.object(body)
    }

    /// The body as an `application/x-www-form-urlencoded` form.
    func form() -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if let name = parts.first { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }

    /// The Skype token presented in any accepted form.
    var skypeToken: String? { SkypeWebCredentials.skypeToken(request) }
    /// The registration token presented, without prefix or trailing parts.
    var registrationToken: String? { SkypeWebCredentials.registrationToken(request) }
}
