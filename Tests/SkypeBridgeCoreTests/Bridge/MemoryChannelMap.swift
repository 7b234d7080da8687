import Synchronization
@testable import SkypeBridgeCore

/// Links kept in memory; creating a channel names it `channel-for-<chat>`.
final class MemoryChannelMap: ChannelMap {
    private let pairs = Mutex<[BridgeChatID: BridgeChatID]>([:])

    init(_ links: [BridgeChatID: BridgeChatID] = [:]) {
        pairs.withLock { $0 = links }
    }

    func mattermostChannel(for chat: BridgeChatID, name: String?, create: Bool) async throws -> BridgeChatID? {
        pairs.withLock { pairs in
            if let channel = pairs[chat] { return channel }
            guard create else { return nil }
            let channel = BridgeChatID("channel-for-\(chat)")
            pairs[chat] = channel
            return channel
        }
    }

    func skypeChat(for channel: BridgeChatID) async throws -> BridgeChatID? {
        pairs.withLock { $0.first { $0.value == channel }?.key }
    }

    func links() async throws -> [(skype: BridgeChatID, mattermost: BridgeChatID)] {
        pairs.withLock { $0.map { (skype: $0.key, mattermost: $0.value) } }
    }
}
