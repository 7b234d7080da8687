import Foundation

/// What a signed-in Skype session needs: the skypetoken, the registration token of its
/// endpoint, and the messaging host the registration landed on.
public struct SkypeCredentials: Sendable, Equatable, Codable {
    /// The account (profile `username`).
    public var userID: SkypeUserID
    /// The skypetoken (sent as `X-SkypeToken` and friends).
    public var skypeToken: String
    /// When the skypetoken stops being valid.
    public var skypeTokenExpiry: Date
    /// The registration token value, without the `registrationToken=` prefix; nil before registration.
    public var registrationToken: String?
    /// When the registration stops being valid.
    public var registrationExpiry: Date?
    /// The endpoint id, `{uuid}`, when the server gave one.
    public var endpointID: String?
    /// The messaging base URL (ends in `/v1`).
    public var messagingHost: String

    public init(
        userID: SkypeUserID, skypeToken: String, skypeTokenExpiry: Date, registrationToken: String? = nil,
        registrationExpiry: Date? = nil, endpointID: String? = nil, messagingHost: String
    ) {
        self.userID = userID
        self.skypeToken = skypeToken
        self.skypeTokenExpiry = skypeTokenExpiry
        self.registrationToken = registrationToken
        self.registrationExpiry = registrationExpiry
        self.endpointID = endpointID
        self.messagingHost = messagingHost
    }

    /// Whether the skypetoken is still valid `margin` from `now`.
    public func skypeTokenValid(at now: Date, margin: TimeInterval) -> Bool {
        skypeTokenExpiry.timeIntervalSince(now) > margin
    }

    /// Whether a registration exists and is valid `margin` from `now`.
    public func registrationValid(at now: Date, margin: TimeInterval) -> Bool {
        guard registrationToken != nil, let registrationExpiry else { return false }
        return registrationExpiry.timeIntervalSince(now) > margin
    }
}
