import Hummingbird

/// Matches request paths against patterns such as `users/ME/conversations/*/messages`,
/// where `*` captures one segment and a final `**` accepts any remaining segments.
struct SkypeWebPath: Sendable {
    let method: HTTPRequest.Method
    let segments: [String]

    /// The captured segments when `method` (nil = any) and `pattern` match, otherwise nil.
    func match(_ method: HTTPRequest.Method?, _ pattern: String) -> [String]? {
        if let method, method != self.method { return nil }
        let parts = pattern.isEmpty ? [] : pattern.split(separator: "/").map(String.init)
        var captures: [String] = []
        for (index, part) in parts.enumerated() {
            if part == "**" { return captures + segments.dropFirst(index) }
            guard index < segments.count else { return nil }
            if part == "*" {
                captures.append(segments[index])
            } else if part != segments[index] {
                return nil
            }
        }
        return parts.count == segments.count ? captures : nil
    }
}
