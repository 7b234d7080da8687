/// Who wrote a message, as far as the bridge cares.
public struct BridgeSender: Sendable, Hashable, Codable {
    /// The sender's id on its side (a Skype user id, a Mattermost username).
    public var id: String
    /// The name shown for them on the other side.
    public var displayName: String
    /// Whether it is the bridge's own account on that side.
    public var isBridgeAccount: Bool

    /// Creates a sender.
    public init(id: String, displayName: String, isBridgeAccount: Bool = false) {
        self.id = id
        self.displayName = displayName
        self.isBridgeAccount = isBridgeAccount
    }
}
