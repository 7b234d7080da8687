import Foundation

/// One Skype chat as the provisioner needs it: its id and the name people know it by.
public struct BridgedChat: Sendable, Hashable {
    /// The Skype chat (`8:alice`, `19:…@thread.skype`).
    public var id: SkypeChatID
    /// The contact's display name for a 1:1 chat, the topic for a group, else the id.
    public var displayName: String

    /// A chat; an empty or blank `displayName` stands for the id.
    public init(id: SkypeChatID, displayName: String) {
        self.id = id
        let trimmed = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        self.displayName = trimmed.isEmpty ? id.rawValue : trimmed
    }

    /// What the `chat` table records as its kind: `direct` (`8:`), `group` (`19:`), `bot`
    /// (`28:`), or `other`.
    public var kind: String {
        switch id.typePrefix {
        case "8": "direct"
        case "19": "group"
        case "28": "bot"
        default: "other"
        }
    }
}
