import Dispatch
import Synchronization

/// Group commit for rows queued from outside the relay (the HTTP send API). Each caller waits
/// until its row is durable, but callers that arrive while a transaction is being written do
/// not each write their own: the next transaction writes all of them. The writes happen on the
/// intake's own queue, so an accepted request never waits behind the outbox worker's sends
/// and completions, and no Swift concurrency thread blocks on SQLite.
final class OutboxIntake: Sendable {
    private struct Waiting {
        var request: OutboxRequest
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var writing = false
    }

    private let outbox: Outbox
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "skypebridge.outbox-intake")

    /// An intake writing to `outbox`.
    init(outbox: Outbox) {
        self.outbox = outbox
    }

    /// Writes a pending row for `request` and returns once it is committed.
    /// - Throws: what the write threw (the request is then not queued).
    func write(_ request: OutboxRequest) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let starts = state.withLock { state in
                state.waiting.append(Waiting(request: request, continuation: continuation))
                defer { state.writing = true }
                return !state.writing
            }
            if starts { queue.async { self.commitWaiting() } }
        }
    }

    /// Commits whatever is waiting, one transaction per round, until nothing is.
    private func commitWaiting() {
        while true {
            let batch = state.withLock { state in
                let batch = state.waiting
                state.waiting.removeAll(keepingCapacity: true)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                try outbox.enqueue(batch.map(\.request))
                for waiting in batch { waiting.continuation.resume() }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
