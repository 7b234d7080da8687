import Foundation

/// skpy's six-line token file (skype-web.md §2.7), so existing skpy deployments can move over:
/// user id, skypetoken, its expiry (epoch s), `registrationToken=…`, its expiry, messaging host.
public enum SkypeTokenFile {
    /// Parses a token file's text.
    /// - Throws: ``SkypeError/malformedTokenFile(_:)`` unless there are exactly six usable lines.
    public static func parse(_ text: String) throws -> SkypeCredentials {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        guard lines.count == 6 else {
            throw SkypeError.malformedTokenFile("expected 6 lines, found \(lines.count)")
        }
        let fields = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let tokenExpiry = TimeInterval(fields[2]), let registrationExpiry = TimeInterval(fields[4]) else {
            throw SkypeError.malformedTokenFile("lines 3 and 5 must be epoch seconds")
        }
        guard !fields[0].isEmpty, !fields[1].isEmpty, !fields[5].isEmpty else {
            throw SkypeError.malformedTokenFile("user id, skypetoken and messaging host must not be empty")
        }
        let registration = RegistrationTokenHeader.parse(fields[3])
        return SkypeCredentials(
            userID: SkypeUserID(fields[0]),
            skypeToken: fields[1],
            skypeTokenExpiry: Date(timeIntervalSince1970: tokenExpiry),
            registrationToken: registration?.token,
            registrationExpiry: Date(timeIntervalSince1970: registrationExpiry),
            endpointID: registration?.endpointID,
            messagingHost: fields[5]
        )
    }

    /// Renders credentials as a token file's text. Requires a registration.
    public static func render(_ credentials: SkypeCredentials) throws -> String {
        guard let token = credentials.registrationToken, let expiry = credentials.registrationExpiry else {
            throw SkypeError.malformedTokenFile("no registration token to export; run `skypebridge login` first")
        }
        return [
            credentials.userID.rawValue,
            credentials.skypeToken,
            String(Int(credentials.skypeTokenExpiry.timeIntervalSince1970)),
            "registrationToken=\(token)",
            String(Int(expiry.timeIntervalSince1970)),
            credentials.messagingHost,
        ].joined(separator: "\n") + "\n"
    }
}
