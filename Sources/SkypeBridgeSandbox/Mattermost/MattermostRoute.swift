import HTTPTypes
import Hummingbird

/// One REST route: a method, a path pattern (`:name` components bind) and its handler.
struct MattermostRoute: Sendable {
    typealias Handler = @Sendable (MattermostHTTPRequest, MattermostServerState) async throws -> Response

    let method: HTTPRequest.Method
    let pattern: [Substring]
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ pattern: String, _ handler: @escaping Handler) {
        self.method = method
        self.pattern = pattern.split(separator: "/")
        self.handler = handler
    }

    /// The bound parameters when `parts` matches the pattern (method not considered).
    func match(_ parts: [Substring]) -> [String: String]? {
        guard parts.count == pattern.count else { return nil }
        var bound: [String: String] = [:]
        for (expected, actual) in zip(pattern, parts) {
            if expected.hasPrefix(":") {
                bound[String(expected.dropFirst())] = String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return bound
    }
}
