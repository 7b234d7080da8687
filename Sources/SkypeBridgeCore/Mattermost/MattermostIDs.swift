/// What every Mattermost id type shares: a 26-character `[a-z0-9]` string on the wire, kept as
/// it came, printed as it is.
public protocol MattermostIdentifier: RawRepresentable<String>, Hashable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    /// Wraps a raw id.
    init(rawValue: String)
}

extension MattermostIdentifier {
    /// Wraps a raw id.
    public init(_ value: String) { self.init(rawValue: value) }
    /// Wraps a literal id (tests, fixtures).
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    /// The raw id.
    public var description: String { rawValue }
}

/// A Mattermost user id (people and bots alike).
public struct MattermostUserID: MattermostIdentifier {
    /// The id as the server writes it.
    public let rawValue: String
    /// Wraps a raw id.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A Mattermost team id.
public struct MattermostTeamID: MattermostIdentifier {
    /// The id as the server writes it.
    public let rawValue: String
    /// Wraps a raw id.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A Mattermost channel id (public, private, direct or group channel).
public struct MattermostChannelID: MattermostIdentifier {
    /// The id as the server writes it.
    public let rawValue: String
    /// Wraps a raw id.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A Mattermost post id.
public struct MattermostPostID: MattermostIdentifier {
    /// The id as the server writes it.
    public let rawValue: String
    /// Wraps a raw id.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A Mattermost file id (an uploaded attachment).
public struct MattermostFileID: MattermostIdentifier {
    /// The id as the server writes it.
    public let rawValue: String
    /// Wraps a raw id.
    public init(rawValue: String) { self.rawValue = rawValue }
}
