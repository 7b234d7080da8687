import Foundation
import Synchronization

/// Filters and prints `listen` lines, counting toward `--count`. Shared by the stream tasks.
final class ListenPrinter: Sendable {
    private let format: Listen.Format
    private let chats: Set<String>
    private let types: Set<String>
    private let limit: Int?
    private let printed = Mutex(0)

    init(format: Listen.Format, chats: Set<String>, types: Set<String>, limit: Int?) {
        self.format = format
        self.chats = chats
        self.types = types
        self.limit = limit
    }

    /// Prints `line` if it passes the filters.
    /// - Returns: true when `--count` is reached and listening should stop.
    func print(_ line: ListenEvent) throws -> Bool {
        guard types.isEmpty || types.contains(line.type) else { return false }
        guard chats.isEmpty || line.chat.map(chats.contains) == true else { return false }
        return try printed.withLock { count in
            if let limit, count >= limit { return true }
            switch format {
            case .ndjson: try Output(json: true).jsonLine(line)
            case .text: try Output(json: false).line(line.humanLine)
            }
            count += 1
            return limit.map { count >= $0 } ?? false
        }
    }
}
