import Foundation

/// Notices when the reader of stdout goes away (`skypebridge listen | head -1`) even while
/// nothing is being written, so a stream command can end with 0 instead of lingering.
enum ReaderWatcher {
    /// Returns once stdout is a pipe or socket whose reading end has closed; never returns for
    /// a terminal or a file. Checks twice a second on a thread of its own.
    static func readerGone() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                var descriptor = pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)
                while true {
                    descriptor.revents = 0
                    if poll(&descriptor, 1, 500) > 0, descriptor.revents & Int16(POLLERR | POLLHUP) != 0 {
                        return continuation.resume()
                    }
                }
            }
        }
    }
}
