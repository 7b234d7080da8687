/// The chat ↔ channel mapping the router relays through (the `channel_link` table, kept by the
/// channel provisioner in production).
public protocol ChannelMap: Sendable {
    /// The Mattermost channel of a Skype chat.
    /// - Parameters:
    ///   - name: a display name for a channel made for it (contact name or topic).
    ///   - create: whether to create (and link) a channel when there is none.
    /// - Returns: nil when there is none and none was created.
    func mattermostChannel(for chat: BridgeChatID, name: String?, create: Bool) async throws -> BridgeChatID?

    /// The Skype chat linked to a Mattermost channel, if any.
    func skypeChat(for channel: BridgeChatID) async throws -> BridgeChatID?

    /// Every link, Skype chat first.
    func links() async throws -> [(skype: BridgeChatID, mattermost: BridgeChatID)]
}
