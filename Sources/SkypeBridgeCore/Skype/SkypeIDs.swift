/// A Skype user id without the `8:` prefix: `alice`, `live:alice`, `live:.cid.7ef6…`.
public struct SkypeUserID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ value: String) { self.rawValue = value }

    /// The user's MRI, the id of the 1:1 chat with them: `8:alice`.
    public var mri: SkypeChatID { SkypeChatID("8:" + rawValue) }
    public var description: String { rawValue }
}

/// A conversation id ("MRI"): `8:alice` for a 1:1 chat, `19:…@thread.skype` for a group,
/// `28:…` for a bot (skype-web.md §5.1).
public struct SkypeChatID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ value: String) { self.rawValue = value }

    /// The numeric type prefix (`8`, `19`, `28`…), nil when the id has none.
    public var typePrefix: String? {
        guard let colon = rawValue.firstIndex(of: ":") else { return nil }
        let prefix = rawValue[..<colon]
        return !prefix.isEmpty && prefix.allSatisfy(\.isNumber) ? String(prefix) : nil
    }

    /// Whether this is a group thread (`19:`).
    public var isGroup: Bool { typePrefix == "19" }

    /// The id without its `<digits>:` prefix, as skpy's `noPrefix` does: `8:live:joe` → `live:joe`.
    public var withoutPrefix: String {
        guard let prefix = typePrefix else { return rawValue }
        return String(rawValue.dropFirst(prefix.count + 1))
    }

    /// For a 1:1 chat, the other party.
    public var user: SkypeUserID? { typePrefix == "8" ? SkypeUserID(withoutPrefix) : nil }

    /// Reads a chat id or a user id: ids with a type prefix are kept, anything else is a user (`8:`).
    public static func parse(_ text: String) -> SkypeChatID {
        let candidate = SkypeChatID(text)
        return candidate.typePrefix == nil ? SkypeUserID(text).mri : candidate
    }

    public var description: String { rawValue }
}

/// A server message id: the arrival time in epoch milliseconds, as digits.
public struct SkypeMessageID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// The id a client chooses for a message it sends; the echo of the message carries it back,
/// which is how a sender recognises its own messages.
public struct SkypeClientMessageID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ value: String) { self.rawValue = value }

    /// A fresh random 19-digit id, as official clients used.
    public static func random() -> SkypeClientMessageID {
        SkypeClientMessageID(String(UInt64.random(in: 1_000_000_000_000_000_000...9_999_999_999_999_999_999)))
    }

    public var description: String { rawValue }
}
