import Foundation

/// Keeps the bridge from relaying its own messages back (DESIGN.md "exactly once"). Layer 1 —
/// never to the origin — is the router's shape; this checks the other three for one inbound
/// message: layer 2, a message of the bridge's own account carrying a transaction id the outbox
/// wrote is an echo (only the bridge's accounts send what the outbox holds, so nobody else's
/// messages cost a lookup); layer 3, the bridge's own account is dropped unless it typed on
/// another Skype client (and relaying that is enabled); layer 4, a message already linked was
/// already relayed, so a replay is a no-op.
public struct EchoGuard: Sendable {
    private let outbox: Outbox
    private let sent: SentTransactions
    private let links: MessageLinks
    private let relayOwnMessages: Bool
    private let ignoredSenders: Set<String>

    /// Creates a guard over the outbox and links of one store.
    /// - Parameters:
    ///   - sent: what the outbox worker sent lately; an echo of one of those is recognised
    ///     without reading the outbox.
    ///   - relayOwnMessages: relay what the bridge's Skype account typed on other clients.
    ///   - ignoredSenders: sender ids or display names never relayed (compared case-insensitively).
    public init(outbox: Outbox, sent: SentTransactions, links: MessageLinks, relayOwnMessages: Bool, ignoredSenders: [String] = []) {
        self.outbox = outbox
        self.sent = sent
        self.links = links
        self.relayOwnMessages = relayOwnMessages
        self.ignoredSenders = Set(ignoredSenders.map { $0.lowercased() })
    }

    /// Decides about a new message.
    public func check(_ message: BridgeMessage) throws -> EchoVerdict {
        if let verdict = try ownership(message) { return verdict }
        if try links.link(of: message.id, in: message.chat, on: message.side) != nil { return .drop(reason: "already relayed") }
        return .relay
    }

    /// Decides about an edit or a delete: the same as a message, except that being linked is
    /// what makes it relayable (it is checked when the outbox sends it).
    public func checkChange(_ message: BridgeMessage) throws -> EchoVerdict {
        try ownership(message) ?? .relay
    }

    private func ownership(_ message: BridgeMessage) throws -> EchoVerdict? {
        if message.isSystem { return .drop(reason: "system") }
        if message.sender.isBridgeAccount {
            if let transaction = message.transactionID {
                // A send the worker made lately is completed (or about to be) by the worker itself.
                if sent.contains(transaction, target: message.side) { return .echo(nil) }
                if let row = try outbox.echo(of: transaction), row.target == message.side { return .echo(row.pending) }
            }
            return message.side == .skype && relayOwnMessages ? nil : .drop(reason: "own account")
        }
        if ignoredSenders.contains(message.sender.id.lowercased()) || ignoredSenders.contains(message.sender.displayName.lowercased()) {
            return .drop(reason: "ignored sender")
        }
        return nil
    }
}
