import Foundation

/// A one-line progress bar on stderr (`[#####.....] 5/10 chats`), redrawn in place; only
/// drawn when stderr is a terminal, so logs and pipes never see it.
struct SyncProgressBar: Sendable {
    static let width = 30

    /// A bar when stderr is a terminal, else nil.
    static func onTerminal() -> SyncProgressBar? {
        isatty(STDERR_FILENO) == 1 ? SyncProgressBar() : nil
    }

    /// Redraws the bar for `done` of `total`, only when a cell or the count changes visibly.
    @Sendable func update(done: Int, total: Int) {
        let filled = total == 0 ? Self.width : done * Self.width / total
        let previous = total == 0 ? Self.width : (done - 1) * Self.width / total
        guard filled != previous || done == total || done % 50 == 0 else { return }
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: Self.width - filled)
        Self.write("\r[\(bar)] \(done)/\(total) chats")
    }

    /// Clears the bar's line.
    func finish() {
        Self.write("\r\u{1B}[K")
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
