import Foundation

/// The cookies the Live sign-in carries from one page to the next.
enum Cookies {
    /// Name → value from `Set-Cookie` header values (attributes dropped).
    static func parse(_ setCookies: [String]) -> [String: String] {
        var cookies: [String: String] = [:]
        for header in setCookies {
            let pair = header.split(separator: ";", maxSplits: 1).first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            cookies[parts[0].trimmingCharacters(in: .whitespaces)] = String(parts[1])
        }
        return cookies
    }

    /// A `Cookie` request header, names sorted for stable output.
    static func header(_ cookies: [String: String]) -> String {
        cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }
}
