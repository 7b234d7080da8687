/// A relayed message and its copy (a row of `message_link`): unique both ways, so a replay
/// cannot link (or relay) a message twice.
public struct MessageLink: Sendable, Hashable {
    /// The Skype chat.
    public var skypeChat: BridgeChatID
    /// The Skype message id.
    public var skypeMessage: RemoteMessageID
    /// The Mattermost post id.
    public var mattermostPost: RemoteMessageID

    /// Creates a link.
    public init(skypeChat: BridgeChatID, skypeMessage: RemoteMessageID, mattermostPost: RemoteMessageID) {
        self.skypeChat = skypeChat
        self.skypeMessage = skypeMessage
        self.mattermostPost = mattermostPost
    }

    /// The id on `side`.
    public func id(on side: BridgeSideKind) -> RemoteMessageID {
        side == .skype ? skypeMessage : mattermostPost
    }
}
