import Foundation
import Hummingbird

/// Reads the tokens a request presents, in every header form of protocol doc §1.5.
enum SkypeWebCredentials {
    /// The Skype token from `X-SkypeToken`, `Authentication: skypetoken=…`,
    /// `Authorization: skype_token …` / `skypetoken=…`, or the `skypetoken_asm` cookie.
    static func skypeToken(_ request: Request) -> String? {
        if let value = request.headers[SkypeWebReply.field("X-SkypeToken")], !value.isEmpty {
            return value.trimmingCharacters(in: .whitespaces)
        }
        for name in ["Authentication", "Authorization"] {
            guard let value = request.headers[SkypeWebReply.field(name)] else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            for prefix in ["skypetoken=", "skype_token ", "skypetoken "] where trimmed.lowercased().hasPrefix(prefix) {
                return String(trimmed.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            }
        }
        return request.cookies["skypetoken_asm"].map { String($0.value) }
    }

    /// The registration token from `RegistrationToken`, with or without the `registrationToken=`
    /// prefix and trailing `; expires=…; endpointId=…` parts.
    static func registrationToken(_ request: Request) -> String? {
        guard let value = request.headers[SkypeWebReply.field("RegistrationToken")] else { return nil }
        let first = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        var token = first.trimmingCharacters(in: .whitespaces)
        if token.lowercased().hasPrefix("registrationtoken=") {
            token = String(token.dropFirst("registrationToken=".count))
        }
        return token.isEmpty ? nil : token
    }
}
