import CCurl
import Foundation
import Synchronization

/// One curl multi handle driven by one dedicated thread: the shared keep-alive connection pool and
/// the engine that runs every transfer of a ``CurlTransport`` concurrently.
///
/// Other threads only queue commands and wake the loop with `curl_multi_wakeup`; the multi handle
/// and every submitted easy handle are touched by the driver thread alone.
final class CurlMultiDriver: Sendable {
    private struct MultiHandle: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }

    private enum Command {
        case add(CurlTransfer)
        case cancel(CurlTransfer)
    }

    private struct Inbox {
        var commands: [Command] = []
        var stopping = false
    }

    /// The longest the loop sleeps when curl has nothing scheduled sooner.
    private static let idlePollMilliseconds: Int32 = 1000

    private let multi: MultiHandle
    private let inbox = Mutex(Inbox())

    /// Creates the multi handle and starts its thread.
    init() throws(HTTPError) {
        guard let pointer = curl_multi_init() else { throw .transferFailed("curl_multi_init failed") }
        multi = MultiHandle(pointer: pointer)
        let thread = Thread { [self] in run() }
        thread.name = "skypebridge.http"
        thread.start()
    }

    /// Hands `transfer` to the loop, which resumes its continuation when it ends.
    func submit(_ transfer: CurlTransfer) {
        enqueue(.add(transfer))
    }

    /// Aborts `transfer` (if still running) with ``HTTPError/cancelled``.
    func cancel(_ transfer: CurlTransfer) {
        transfer.markCancelled()
        enqueue(.cancel(transfer))
    }

    /// Ends the loop: running transfers finish as cancelled, then the pool is closed.
    func stop() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi.pointer)
    }

    private func enqueue(_ command: Command) {
        inbox.withLock { $0.commands.append(command) }
        curl_multi_wakeup(multi.pointer)
    }

    private func run() {
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        while true {
            let (commands, stopping) = inbox.withLock { inbox in
                defer { inbox.commands.removeAll() }
                return (inbox.commands, inbox.stopping)
            }
            for command in commands {
                switch command {
                case .add(let transfer):
                    if transfer.isCancelled {
                        transfer.finish(.failure(.cancelled))
                    } else if curl_multi_add_handle(multi.pointer, transfer.easy) == CURLM_OK {
                        active[transfer.easy] = transfer
                    } else {
                        transfer.finish(.failure(.transferFailed("curl_multi_add_handle failed")))
                    }
                case .cancel(let transfer):
                    if active.removeValue(forKey: transfer.easy) != nil {
                        curl_multi_remove_handle(multi.pointer, transfer.easy)
                        transfer.finish(.failure(.cancelled))
                    }
                }
            }
            if stopping { break }
            var running: Int32 = 0
            curl_multi_perform(multi.pointer, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi.pointer, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                let code = message.pointee.data.result
                curl_multi_remove_handle(multi.pointer, easy)
                active.removeValue(forKey: easy)?.complete(code)
            }
            var ready: Int32 = 0
            curl_multi_poll(multi.pointer, nil, 0, Self.idlePollMilliseconds, &ready)
        }
        for transfer in active.values {
            curl_multi_remove_handle(multi.pointer, transfer.easy)
            transfer.finish(.failure(.cancelled))
        }
        curl_multi_cleanup(multi.pointer)
    }
}
