import Foundation

/// The display name and header a bridged channel carries, within the server's limits
/// (mattermost.md §3: display name ≤ 64 runes, header ≤ 1024 runes).
public enum ChannelText {
    /// The server's display-name limit in runes (Unicode scalars).
    public static let maxDisplayNameRunes = 64
    /// The server's header limit in runes.
    public static let maxHeaderRunes = 1024
    static let headerStart = "Skype chat `"
    static let headerEnd = "`, bridged by skypebridge"

    /// The chat's display name, cut to 64 runes.
    public static func displayName(for chat: BridgedChat) -> String {
        clip(chat.displayName, to: maxDisplayNameRunes)
    }

    /// The header naming the Skype id: ``Skype chat `8:alice`, bridged by skypebridge``.
    public static func header(for chat: SkypeChatID) -> String {
        clip(headerStart + chat.rawValue + headerEnd, to: maxHeaderRunes)
    }

    /// The Skype id a header written by ``header(for:)`` names, nil for any other header.
    public static func chat(inHeader header: String) -> SkypeChatID? {
        guard header.hasPrefix(headerStart), header.hasSuffix(headerEnd) else { return nil }
        let id = header.dropFirst(headerStart.count).dropLast(headerEnd.count)
        return id.isEmpty ? nil : SkypeChatID(String(id))
    }

    private static func clip(_ text: String, to runes: Int) -> String {
        guard text.unicodeScalars.count > runes else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(runes))
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }
}
