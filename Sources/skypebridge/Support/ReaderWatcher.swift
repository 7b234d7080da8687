import Foundation
import Synchronization

/// Notices when the reader of stdout goes away (`skypebridge listen | head -1`) even while
/// nothing is being written, so a stream command can end with 0 instead of lingering.
enum ReaderWatcher {
    /// Returns once stdout is a pipe or socket whose reading end has closed, or when the task
    /// is cancelled; never otherwise for a terminal or a file. Checks on a thread of its own
    /// every 200 ms.
    static func readerGone() async {
        let cancelled = CancellationFlag()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread {
                    var descriptor = pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)
                    while !cancelled.isSet {
                        descriptor.revents = 0
                        if poll(&descriptor, 1, 200) > 0, descriptor.revents & Int16(POLLERR | POLLHUP) != 0 { break }
                    }
                    continuation.resume()
                }
            }
        } onCancel: {
            cancelled.set()
        }
    }
}

/// A flag one thread sets and another polls.
final class CancellationFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
