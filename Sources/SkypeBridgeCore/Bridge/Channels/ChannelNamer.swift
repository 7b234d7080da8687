/// Derives a valid, stable, collision-safe Mattermost channel name for a Skype chat under the
/// server's rules (mattermost.md §3): lowercase ASCII letters, digits, `-` and `_`, starting with
/// a letter or digit, at most 64 bytes, and never a DM (`<id>__<id>`) or GM (40 hex digits)
/// look-alike.
///
/// The name is the prefix, the Skype type prefix and the id: `8:alice` → `skype-8-alice`,
/// `19:3a7c…@thread.skype` → `skype-19-3a7c…` (the common `@thread.skype` is implied by `19`).
/// When that readable form would lose information (upper case, `.`, `:`, `@` and other
/// characters, a missing type prefix) or be longer than 64 bytes, it is shortened and gets
/// `_` plus 12 hex digits of the id's SHA-256, so distinct ids always get distinct names: a
/// readable name never contains `_` after the prefix, and a hashed one always does.
///
/// Pure and deterministic: the same id and attempt give the same name on every run.
public struct ChannelNamer: Sendable {
    /// The server's `ChannelNameMaxLength` in bytes.
    public static let maxLength = 64
    /// Hex digits of the SHA-256 suffix.
    static let hashLength = 12
    /// The thread suffix implied by the `19` type prefix.
    static let threadSuffix = "@thread.skype"

    /// The sanitised prefix put before every name.
    public let prefix: String

    /// A namer putting `prefix` (`[bridge] channel_prefix`, such as `skype-`) before every name.
    /// Characters the server does not allow become `-`, a leading `-`/`_` is dropped, and the
    /// prefix is cut to 51 bytes so that a hash suffix always fits.
    public init(prefix: String) {
        let cleaned = String(decoding: prefix.lowercased().utf8.map { Self.isNameByte($0) ? $0 : UInt8(ascii: "-") }, as: UTF8.self)
        self.prefix = String(cleaned.drop { $0 == "-" || $0 == "_" }.prefix(Self.maxLength - Self.hashLength - 1))
    }

    /// The channel name for `chat`.
    /// - Parameter attempt: 0 for the usual name; `n` > 0 gives the n-th deterministic
    ///   alternative, used when the usual name is taken by another channel.
    public func name(for chat: SkypeChatID, attempt: Int = 0) -> String {
        let readable = Self.readable(chat)
        if attempt == 0, readable.isLossless, prefix.utf8.count + readable.text.utf8.count <= Self.maxLength {
            return prefix + readable.text
        }
        let seed = attempt == 0 ? chat.rawValue : chat.rawValue + "#" + String(attempt)
        let suffix = "_" + Self.hexDigest(seed).prefix(Self.hashLength)
        let room = Self.maxLength - prefix.utf8.count - suffix.utf8.count
        var body = Substring(readable.text.prefix(room))
        while body.last == "-" { body = body.dropLast() }
        let start = prefix + body
        return (start.isEmpty ? String(suffix.dropFirst()) : start + suffix)
    }

    /// The id as `<type>-<rest>` with every run of other characters turned into one `-`, and
    /// whether the id can be read back from it unchanged.
    static func readable(_ chat: SkypeChatID) -> (text: String, isLossless: Bool) {
        guard let type = chat.typePrefix else {
            return (slug(chat.rawValue), false)
        }
        var rest = chat.withoutPrefix
        var impliedSuffix = ""
        if type == "19", rest.hasSuffix(threadSuffix) {
            rest.removeLast(threadSuffix.count)
            impliedSuffix = threadSuffix
        }
        let body = slug(rest)
        let text = body.isEmpty ? type : type + "-" + body
        let decoded = type + ":" + body + impliedSuffix
        let lossless = !body.isEmpty && decoded == chat.rawValue && (type != "19" || !impliedSuffix.isEmpty)
        return (text, lossless)
    }

    /// Lowercase letters and digits kept, every run of anything else one `-`, no `-` at either end.
    static func slug(_ text: String) -> String {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if isAlphanumeric(byte) {
                bytes.append(byte)
            } else if bytes.last != UInt8(ascii: "-") {
                bytes.append(UInt8(ascii: "-"))
            }
        }
        while bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
        while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexDigest(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in SHA256.hash(Array(text.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
