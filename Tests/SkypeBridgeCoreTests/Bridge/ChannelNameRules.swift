import Foundation

/// The server's channel-name rules (mattermost.md §3), written independently of the namer:
/// `IsValidChannelIdentifier`'s regex, the 64-byte column, and no DM/GM look-alikes.
enum ChannelNameRules {
    private static let identifier = try! NSRegularExpression(pattern: #"^[a-z0-9]+([a-z\-\_0-9]+|(__)?)[a-z0-9]*$"#)
    private static let directName = try! NSRegularExpression(pattern: #"^[a-z0-9]{26}__[a-z0-9]{26}$"#)
    private static let groupName = try! NSRegularExpression(pattern: #"^[0-9a-f]{40}$"#)

    /// Why `name` would be refused for an open channel, nil when it would be accepted.
    static func violation(_ name: String) -> String? {
        if !matches(identifier, name) { return "not a channel identifier" }
        if name.utf8.count > 64 { return "longer than 64 bytes" }
        if matches(directName, name) || matches(groupName, name) { return "looks like a DM or GM name" }
        return nil
    }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
