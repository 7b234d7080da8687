/// A Mattermost id of one kind of object: 26 characters on the wire, `""` meaning "none".
///
/// The phantom `Kind` keeps user, team, channel, post, file, hook and connection ids apart at
/// compile time; JSON (and JSON object keys) see a plain string.
struct MattermostTypedID<Kind>: Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable, CustomStringConvertible {
    let rawValue: String

    init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A fresh random id.
    static func make() -> Self {
        Self(MattermostID.make())
    }

    /// The empty id (`root_id` of a root post, `team_id` of a direct channel).
    static var none: Self { Self("") }

    /// Whether this is the empty id.
    var isEmpty: Bool { rawValue.isEmpty }

    static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    var description: String { rawValue }

    init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var codingKey: any CodingKey { Key(stringValue: rawValue) }

    init?<T: CodingKey>(codingKey: T) {
        rawValue = codingKey.stringValue
    }
}

/// The kinds of ``MattermostTypedID``.
enum MattermostIDKind {
    enum User {}
    enum Team {}
    enum Channel {}
    enum Post {}
    enum File {}
    enum Hook {}
    enum Connection {}
}

typealias MattermostUserID = MattermostTypedID<MattermostIDKind.User>
typealias MattermostTeamID = MattermostTypedID<MattermostIDKind.Team>
typealias MattermostChannelID = MattermostTypedID<MattermostIDKind.Channel>
typealias MattermostPostID = MattermostTypedID<MattermostIDKind.Post>
typealias MattermostFileID = MattermostTypedID<MattermostIDKind.File>
typealias MattermostHookID = MattermostTypedID<MattermostIDKind.Hook>
typealias MattermostConnectionID = MattermostTypedID<MattermostIDKind.Connection>
