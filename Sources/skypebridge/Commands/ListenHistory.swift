import Foundation
import SkypeBridgeCore

/// `listen --since`: the recent messages of every chat active in the period, oldest first.
enum ListenHistory {
    static func messages(client: SkypeClient, since cutoff: Date) async throws -> [SkypeMessage] {
        var messages: [SkypeMessage] = []
        for conversation in try await client.conversations() where (conversation.lastActivity ?? .distantFuture) > cutoff {
            messages += try await client.messages(in: conversation.id, since: cutoff)
        }
        return messages.sorted { ($0.arrival, $0.id.rawValue) < ($1.arrival, $1.id.rawValue) }
    }
}
