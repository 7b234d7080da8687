/// Which side of the bridge something belongs to.
public enum BridgeSideKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The Skype account.
    case skype
    /// The Mattermost server.
    case mattermost

    /// The side messages from this side are relayed to.
    public var other: BridgeSideKind { self == .skype ? .mattermost : .skype }

    public var description: String { rawValue }
}

/// A chat on one side, as that side names it: a Skype conversation id (`8:alice`,
/// `19:…@thread.skype`) or a Mattermost channel id. Only the side understands what is inside.
public struct BridgeChatID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ value: String) { self.rawValue = value }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// A message on one side: a Skype server message id or a Mattermost post id.
public struct RemoteMessageID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ value: String) { self.rawValue = value }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// The id of one relay in the outbox, derived from what is relayed so that relaying the same
/// thing twice yields the same id. On Skype it is sent as the `clientmessageid` (digits), on
/// Mattermost as the `pending_post_id` and a post prop; the echo carries it back.
public struct TransactionID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ value: String) { self.rawValue = value }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// The deterministic id for `key` in the form `side` accepts: 19 digits for Skype (as official
    /// clients' `clientmessageid`s), `sb` and 26 hex digits for Mattermost.
    public static func derived(from key: String, for side: BridgeSideKind) -> TransactionID {
        let digest = SHA256.hash(Array(key.utf8))
        switch side {
        case .skype:
            let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return TransactionID(String(1_000_000_000_000_000_000 + value % 8_999_999_999_999_999_999))
        case .mattermost:
            return TransactionID("sb" + SHA256.hex(digest.prefix(13)))
        }
    }
}
