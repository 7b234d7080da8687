import NIOCore
import NIOPosix

/// The two loopback listeners of one call's audio (protocol §2.6): the client connects to the
/// input port and reads what we send (`SET_INPUT`), and to the output port and writes the remote
/// voice (`SET_OUTPUT`).
///
/// Ports come from mod_skypopen's rule: counting up from 32769, the first free one, wrapping
/// before 65000. The listeners accept one connection each and close after.
public final class CallAudioLink: Sendable {
    /// Why the audio of a call stopped.
    public enum Ending: String, Sendable {
        /// The call ended (the task was cancelled).
        case callEnded = "call-ended"
        /// The client closed one of the sockets while the call was on.
        case remoteClosed = "remote-closed"
        /// The client did not connect in time.
        case notConnected = "not-connected"
    }

    /// What moved while the call's audio ran.
    public struct Result: Sendable {
        /// Why it stopped.
        public var ending: Ending
        /// Sent to the client (input port).
        public var sent: CallAudioPump.Totals
        /// Received from the client (output port).
        public var received: CallAudioPump.Totals
    }

    /// The first port tried.
    public static let firstPort = 32769
    /// Ports stay below this one.
    public static let portLimit = 65000

    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>
    typealias Listener = NIOAsyncChannel<Connection, Never>

    /// The port the client reads our audio from.
    public let inputPort: Int
    /// The port the client writes the remote audio to.
    public let outputPort: Int
    private let input: Listener
    private let output: Listener

    private init(input: Listener, inputPort: Int, output: Listener, outputPort: Int) {
        self.input = input
        self.inputPort = inputPort
        self.output = output
        self.outputPort = outputPort
    }

    /// Binds two listeners on 127.0.0.1.
    /// - Parameter lowLatency: small socket buffers (2560 bytes) and `TCP_NODELAY`.
    public static func open(lowLatency: Bool) async throws -> CallAudioLink {
        let (input, inputPort) = try await bind(from: firstPort, lowLatency: lowLatency)
        do {
            let (output, outputPort) = try await bind(from: inputPort + 1, lowLatency: lowLatency)
            return CallAudioLink(input: input, inputPort: inputPort, output: output, outputPort: outputPort)
        } catch {
            try? await input.channel.close()
            throw error
        }
    }

    private static func bind(from start: Int, lowLatency: Bool) async throws -> (Listener, Int) {
        var bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 6)
        if lowLatency {
            bootstrap = bootstrap
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.socketOption(.so_sndbuf), value: 2560)
                .childChannelOption(.socketOption(.so_rcvbuf), value: 2560)
        }
        var port = start >= portLimit ? firstPort : start
        var lastError: (any Error)?
        for _ in 0..<256 {
            do {
                let listener = try await bootstrap.bind(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture { try Connection(wrappingChannelSynchronously: channel) }
                }
                return (listener, port)
            } catch {
                lastError = error
                port = port + 1 >= portLimit ? firstPort : port + 1
            }
        }
        throw CallError.connectionFailed(endpoint: "127.0.0.1 audio ports", message: String(describing: lastError))
    }

    /// Waits for the client on both ports, then pumps audio until the task is cancelled (the call
    /// ended) or the client closes a socket; closes everything before returning.
    /// - Parameter connectTimeout: how long the client may take to connect (at least 2 s, §10.4).
    public func run(pump: CallAudioPump, connectTimeout: Duration = .seconds(5)) async -> Result {
        var result = Result(ending: .notConnected, sent: .init(), received: .init())
        defer { close() }
        guard let (reader, writer) = await acceptBoth(timeout: connectTimeout) else { return result }
        let writerChannel = writer.channel
        let readerChannel = reader.channel
        let finished = await withTaskCancellationHandler {
            await Self.pumpBoth(pump: pump, reader: reader, writer: writer)
        } onCancel: {
            writerChannel.close(promise: nil)
            readerChannel.close(promise: nil)
        }
        result = Result(ending: Task.isCancelled ? .callEnded : .remoteClosed, sent: finished.sent, received: finished.received)
        return result
    }

    /// Runs both directions until one of them stops, then closes both sockets.
    private static func pumpBoth(pump: CallAudioPump, reader: Connection, writer: Connection) async -> (sent: CallAudioPump.Totals, received: CallAudioPump.Totals) {
        let writerChannel = writer.channel
        let readerChannel = reader.channel
        let totals: (CallAudioPump.Totals, CallAudioPump.Totals)? = try? await writer.executeThenClose { _, outbound in
            try await reader.executeThenClose { inbound, _ in
                await withTaskGroup(of: (CallAudioPump.Totals?, CallAudioPump.Totals?).self) { group in
                    group.addTask {
                        let sent = await pump.send { bytes in try await outbound.write(ByteBuffer(bytes: bytes)) }
                        return (sent, nil)
                    }
                    group.addTask {
                        (nil, await pump.receive(inbound.map { Array($0.readableBytesView) }))
                    }
                    group.addTask {
                        try? await writerChannel.closeFuture.get()
                        return (nil, nil)
                    }
                    var sent = CallAudioPump.Totals()
                    var received = CallAudioPump.Totals()
                    var first = true
                    while let (s, r) = await group.next() {
                        if let s { sent = s }
                        if let r { received = r }
                        if first {
                            first = false
                            writerChannel.close(promise: nil)
                            readerChannel.close(promise: nil)
                        }
                    }
                    return (sent, received)
                }
            }
        }
        return (totals?.0 ?? .init(), totals?.1 ?? .init())
    }

    /// Closes both listeners.
    public func close() {
        input.channel.close(promise: nil)
        output.channel.close(promise: nil)
    }

    private func acceptBoth(timeout: Duration) async -> (reader: Connection, writer: Connection)? {
        await withTaskGroup(of: (Bool, Connection?).self) { group in
            group.addTask { (true, await Self.acceptOne(self.input)) }
            group.addTask { (false, await Self.acceptOne(self.output)) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return (false, nil)
            }
            var writer: Connection?
            var reader: Connection?
            while let (isInput, connection) = await group.next() {
                guard let connection else { break }
                if isInput { writer = connection } else { reader = connection }
                if writer != nil && reader != nil { break }
            }
            group.cancelAll()
            self.close()
            guard let writer, let reader else {
                writer?.channel.close(promise: nil)
                reader?.channel.close(promise: nil)
                return nil
            }
            return (reader, writer)
        }
    }

    private static func acceptOne(_ listener: Listener) async -> Connection? {
        try? await listener.executeThenClose { inbound in
            for try await connection in inbound { return connection }
            return nil
        }
    }
}
