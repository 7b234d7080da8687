import Foundation
import GRDB

/// Reads the `cursor` table: how far each side and chat was handled (written by ``Outbox``).
public struct Cursors: Sendable {
    private let store: StateStore

    /// The cursors of `store`.
    public init(store: StateStore) { self.store = store }

    /// Every position of `side`, the side-wide one (``CursorPosition/anyChat``) included.
    public func positions(of side: BridgeSideKind) throws -> [CursorPosition] {
        try store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT channel, position FROM cursor WHERE side = ?", arguments: [side.rawValue]).compactMap { row in
                guard let milliseconds = Double(row[1] as String) else { return nil }
                return CursorPosition(side: side, chat: BridgeChatID(row[0] as String), time: Date(timeIntervalSince1970: milliseconds / 1000))
            }
        }
    }
}
