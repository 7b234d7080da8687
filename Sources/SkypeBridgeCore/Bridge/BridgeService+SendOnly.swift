import Logging

extension BridgeService {
    /// `bridge run --http-only`: the Skype side alone, with the bridge's cached login, sending
    /// what the `[http]` routes queue in the outbox; nothing is read from Skype or relayed, and
    /// Mattermost is not contacted.
    public static func makeSendOnly(
        configuration: Configuration, session: SkypeSession, store: StateStore, routes: [BridgeHTTPServer.RouteInstaller], logger: Logger
    ) -> BridgeService {
        let skype = SkypeSide(client: SkypeClient(session: session), template: AttributionTemplate(configuration.bridge.skypeTemplate), logger: logger)
        return BridgeService(
            sides: [skype], channels: UnmappedChannels(), store: store, configuration: configuration, routes: routes, relays: false, logger: logger)
    }
}

/// The channel map of a service that relays nothing: no links, none created.
private struct UnmappedChannels: ChannelMap {
    func mattermostChannel(for chat: BridgeChatID, name: String?, create: Bool) async throws -> BridgeChatID? { nil }
    func skypeChat(for channel: BridgeChatID) async throws -> BridgeChatID? { nil }
    func links() async throws -> [(skype: BridgeChatID, mattermost: BridgeChatID)] { [] }
}
