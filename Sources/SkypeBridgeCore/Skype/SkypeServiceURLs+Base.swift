import Foundation

extension SkypeServiceURLs {
    /// A URL as a base for appending paths: its text without a trailing slash.
    static func base(_ url: URL) -> String {
        let text = url.absoluteString
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}
