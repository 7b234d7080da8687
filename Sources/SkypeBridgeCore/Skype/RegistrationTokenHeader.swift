import Foundation

/// The `Set-RegistrationToken` header: `registrationToken=<t>; expires=<epoch s>; endpointId={<uuid>}`
/// (skype-web.md §3.3). Parsed liberally: any order, any case of the keys, optional parts.
public struct RegistrationTokenHeader: Sendable, Equatable {
    /// The token itself.
    public var token: String
    /// When it expires, if the header said.
    public var expires: Date?
    /// The endpoint id with braces, if the header said.
    public var endpointID: String?

    /// Parses a header value; nil when it has no `registrationToken=`.
    public static func parse(_ value: String) -> RegistrationTokenHeader? {
        var token: String?
        var expires: Date?
        var endpointID: String?
        for part in value.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2 else { continue }
            switch pieces[0].lowercased() {
            case "registrationtoken": token = pieces[1]
            case "expires": expires = TimeInterval(pieces[1]).map(Date.init(timeIntervalSince1970:))
            case "endpointid": endpointID = pieces[1]
            default: continue
            }
        }
        guard let token, !token.isEmpty else { return nil }
        return RegistrationTokenHeader(token: token, expires: expires, endpointID: endpointID)
    }
}
