import NIOCore
import NIOPosix

/// The stream socket of one emulated endpoint: accepts connections and runs each one against
/// the shared ``ClientAPIWorld``, NUL-terminated UTF-8 messages both ways.
struct ClientAPIListener: Sendable {
    typealias Connection = NIOAsyncChannel<String, ByteBuffer>

    /// The endpoint (interface) name.
    let name: String
    /// `tcp://127.0.0.1:<port>` or `unix:/path`, as bound.
    let url: String
    private let server: NIOAsyncChannel<Connection, Never>

    /// Binds `listen` (`tcp://host:port`, port 0 = ephemeral, or `unix:/path`).
    static func bind(name: String, listen: String) async throws -> ClientAPIListener {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<Connection> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ClientAPIFrameDecoder()))
                return try Connection(wrappingChannelSynchronously: channel)
            }
        }
        if listen.hasPrefix("unix:") {
            let path = String(listen.dropFirst("unix:".count))
            let server = try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true, childChannelInitializer: initializer)
            return ClientAPIListener(name: name, url: "unix:\(path)", server: server)
        }
        guard listen.hasPrefix("tcp://"), let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            throw SkypeClientAPIEmulatorError.invalidListenAddress(listen)
        }
        let host = String(listen[listen.index(listen.startIndex, offsetBy: "tcp://".count)..<colon])
        let server = try await bootstrap.bind(host: host, port: port, childChannelInitializer: initializer)
        let bound = server.channel.localAddress?.port ?? port
        return ClientAPIListener(name: name, url: "tcp://\(host):\(bound)", server: server)
    }

    /// Accepts and serves connections until cancelled; then closes every connection and the socket.
    func serve(world: ClientAPIWorld) async {
        try? await server.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { group in
                for try await connection in inbound {
                    group.addTask { await Self.run(connection, endpoint: name, world: world) }
                }
            }
        }
    }

    /// Closes the listening socket of a listener that never served.
    func close() async {
        try? await server.channel.close()
    }

    private static func run(_ connection: Connection, endpoint: String, world: ClientAPIWorld) async {
        let session = await world.open(endpoint: endpoint)
        try? await connection.executeThenClose { inbound, outbound in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await message in session.outgoing {
                        var buffer = ByteBuffer(string: message)
                        buffer.writeInteger(UInt8(0))
                        try await outbound.write(buffer)
                    }
                }
                group.addTask {
                    for try await message in inbound {
                        await world.handle(message, from: session)
                    }
                }
                _ = try await group.next()
                group.cancelAll()
            }
        }
        await world.closed(session)
    }
}
