/// The server's validation rules for channel names and text fields (`model.Channel.IsValid`).
enum MattermostChannelRules {
    /// `ChannelNameMaxLength`: the database column width in bytes.
    static let maxNameBytes = 64
    static let maxDisplayNameRunes = 64
    static let maxHeaderRunes = 1024
    static let maxPurposeRunes = 250

    /// `IsValidChannelIdentifier`: `^[a-z0-9]+([a-z\-\_0-9]+|(__)?)[a-z0-9]*$`, at least one character.
    /// The regex's alternatives collapse to: first character alphanumeric, the rest `[a-z0-9_-]`.
    static func isValidIdentifier(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Whether `name` looks like a DM (`<id>__<id>`) or GM (40 hex digits) name.
    static func looksLikeDirectName(_ name: String) -> Bool {
        let parts = name.components(separatedBy: "__")
        if parts.count == 2, parts.allSatisfy(MattermostID.isValid) { return true }
        return name.utf8.count == 40 && name.utf8.allSatisfy { isHexDigit($0) }
    }

    /// Checks name, display name, header and purpose of an `O`/`P` channel; throws the server's 400s.
    static func validate(_ channel: MattermostChannel) throws(MattermostAPIError) {
        if channel.displayName.isEmpty {
            throw .invalidBody("display_name")
        }
        if channel.displayName.count > maxDisplayNameRunes {
            throw .invalid("model.channel.is_valid.display_name.app_error", "Invalid display name.")
        }
        if !isValidIdentifier(channel.name) {
            throw .invalid(
                "model.channel.is_valid.1_or_more.app_error", "Name must be 1 or more lowercase alphanumeric characters.")
        }
        if channel.name.utf8.count > maxNameBytes {
            throw .invalid("model.channel.is_valid.name.app_error", "Invalid channel name: longer than 64 bytes.")
        }
        if !channel.isDirect, looksLikeDirectName(channel.name) {
            throw .invalid(
                "model.channel.is_valid.name.app_error",
                "Invalid channel name. User ids are not permitted in channel name for non-direct message channels.")
        }
        if channel.header.count > maxHeaderRunes {
            throw .invalid("model.channel.is_valid.header.app_error", "Invalid header.")
        }
        if channel.purpose.count > maxPurposeRunes {
            throw .invalid("model.channel.is_valid.purpose.app_error", "Invalid purpose.")
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
