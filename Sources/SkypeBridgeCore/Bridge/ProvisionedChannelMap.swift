/// The ``ChannelMap`` of `bridge run`: the `channel_link` table through the
/// ``ChannelProvisioner`` (the same code as `channels sync`), which creates a channel for a new chat.
public struct ProvisionedChannelMap: ChannelMap {
    private let provisioner: ChannelProvisioner

    /// A map over `provisioner`.
    public init(provisioner: ChannelProvisioner) { self.provisioner = provisioner }

    /// The linked channel; a missing one is created (named after `name`, else the chat id) when `create`.
    public func mattermostChannel(for chat: BridgeChatID, name: String?, create: Bool) async throws -> BridgeChatID? {
        let id = SkypeChatID(chat.rawValue)
        let channel = try await provisioner.channel(for: BridgedChat(id: id, displayName: name ?? id.rawValue), create: create)
        return channel.map { BridgeChatID($0.rawValue) }
    }

    /// The chat linked to `channel`.
    public func skypeChat(for channel: BridgeChatID) async throws -> BridgeChatID? {
        try await provisioner.skypeChat(for: MattermostChannelID(channel.rawValue)).map { BridgeChatID($0.rawValue) }
    }

    /// Every `channel_link` row.
    public func links() async throws -> [(skype: BridgeChatID, mattermost: BridgeChatID)] {
        try await provisioner.links().map { (skype: BridgeChatID($0.chat.rawValue), mattermost: BridgeChatID($0.channel.rawValue)) }
    }
}
