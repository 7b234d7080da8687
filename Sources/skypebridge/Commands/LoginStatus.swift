import Foundation
import SkypeBridgeCore

/// What `login` prints: the account, its token expiries and messaging host. Never a token.
struct LoginStatus: Encodable {
    var account: String
    var userID: String
    var skypetokenExpiresAt: Date
    var registrationExpiresAt: Date?
    var messagingHost: String

    enum CodingKeys: String, CodingKey {
        case account, userID = "user_id", skypetokenExpiresAt = "skypetoken_expires_at"
        case registrationExpiresAt = "registration_expires_at", messagingHost = "messaging_host"
    }

    init(account: String, credentials: SkypeCredentials) {
        self.account = account
        userID = credentials.userID.rawValue
        skypetokenExpiresAt = credentials.skypeTokenExpiry
        registrationExpiresAt = credentials.registrationExpiry
        messagingHost = credentials.messagingHost
    }

    func print(to options: OutputOptions) throws {
        if options.json { return try options.output.jsonLine(self) }
        try options.output.line("""
            account       \(account) (user \(userID))
            skypetoken    \(Self.validity(skypetokenExpiresAt))
            registration  \(registrationExpiresAt.map(Self.validity) ?? "none")
            messaging     \(messagingHost)
            """)
    }

    private static func validity(_ expiry: Date) -> String {
        let text = ISO8601DateFormatter().string(from: expiry)
        return expiry > Date() ? "valid until \(text)" : "expired at \(text)"
    }
}
