import NIOCore
import NIOPosix
import Synchronization

/// A loopback TCP port an application offers for `SET_INPUT`/`SET_OUTPUT`: accepts the
/// emulator's connection, records what it writes, and can write to it.
final class AudioPortServer: Sendable {
    let port: Int
    private let server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let state = Mutex((received: [UInt8](), writer: NIOAsyncChannelOutboundWriter<ByteBuffer>?.none, connected: false, closed: false))
    private let task = Mutex<Task<Void, Never>?>(nil)

    private init(server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>) {
        self.server = server
        port = server.channel.localAddress!.port!
    }

    /// Binds 127.0.0.1 on an ephemeral port and accepts one connection in the background.
    static func start() async throws -> AudioPortServer {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        let port = AudioPortServer(server: server)
        port.task.withLock { $0 = Task { await port.serve() } }
        return port
    }

    private func serve() async {
        try? await server.executeThenClose { connections in
            for try await connection in connections {
                try await connection.executeThenClose { inbound, outbound in
                    state.withLock {
                        $0.writer = outbound
                        $0.connected = true
                    }
                    for try await buffer in inbound {
                        state.withLock { $0.received.append(contentsOf: buffer.readableBytesView) }
                    }
                    state.withLock { $0.closed = true }
                }
                return
            }
        }
    }

    /// The bytes the emulator wrote so far.
    var received: [UInt8] { state.withLock { $0.received } }
    /// Whether the emulator connected.
    var isConnected: Bool { state.withLock { $0.connected } }
    /// Whether the emulator closed its connection.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Waits until the emulator connects.
    func waitForConnection(timeout: Duration = .seconds(5)) async throws -> NIOAsyncChannelOutboundWriter<ByteBuffer> {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let writer = state.withLock({ $0.writer }) { return writer }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw RawClientTimeout(received: [])
    }

    /// Waits until `condition` holds for the server.
    func wait(timeout: Duration = .seconds(5), until condition: (AudioPortServer) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition(self) {
            guard ContinuousClock.now < deadline else { throw RawClientTimeout(received: []) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Stops listening and closes the connection.
    func stop() async {
        let task = task.withLock { $0 }
        task?.cancel()
        await task?.value
    }
}
