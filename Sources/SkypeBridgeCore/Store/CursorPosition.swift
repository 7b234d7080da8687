import Foundation

/// How far the bridge has handled one chat of one side (a row of the `cursor` table).
public struct CursorPosition: Sendable, Hashable {
    /// The side.
    public var side: BridgeSideKind
    /// The chat, or ``CursorPosition/anyChat`` for the side as a whole.
    public var chat: BridgeChatID
    /// The time of the last handled event.
    public var time: Date

    /// The chat name under which a side's overall position is kept.
    public static let anyChat: BridgeChatID = "*"

    /// Creates a position.
    public init(side: BridgeSideKind, chat: BridgeChatID, time: Date) {
        self.side = side
        self.chat = chat
        self.time = time
    }
}
