import NIOCore

/// One application connected to an emulated endpoint. Messages queued with ``send(_:)`` are
/// written in order by the connection's writer; ``close()`` flushes them and drops the connection.
final class ClientAPISession: Sendable {
    /// Unique within the emulator.
    let id: Int
    /// The endpoint (interface) name this connection came in on.
    let endpoint: String
    /// The queued outgoing messages, drained by the connection's writer.
    let outgoing: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    init(id: Int, endpoint: String) {
        self.id = id
        self.endpoint = endpoint
        (outgoing, continuation) = AsyncStream.makeStream(of: String.self)
    }

    /// Queues one message (without its NUL terminator).
    func send(_ message: String) {
        continuation.yield(message)
    }

    /// Ends the connection once the queued messages are written.
    func close() {
        continuation.finish()
    }
}
