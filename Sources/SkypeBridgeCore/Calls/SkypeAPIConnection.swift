import Logging
import NIOCore
import NIOPosix

/// One attached connection to a Skype client API endpoint (the Skype Desktop API text protocol,
/// NUL-terminated UTF-8 over a stream socket).
///
/// ``connect(to:applicationName:expectedUser:timeout:logger:)`` performs the attach handshake
/// (`NAME`, `PROTOCOL`, `GET CURRENTUSERHANDLE`). Every later command carries a `#id` and
/// ``send(_:timeout:)`` returns the reply with the same id, so replies are never mistaken for
/// notifications. Everything else arrives on ``notifications`` in wire order, buffered from
/// the moment of connecting, so a consumer that starts reading late misses nothing. A reply of
/// the form `CALL <id> STATUS <s>` (to `CALL` or `GET CALL … STATUS`) is also reported there, in
/// wire order, so the stream shows every status of a call, UNPLACED included.
/// Unknown notifications are ignored. ``notifications`` is meant for one consumer (a call
/// session or an interface monitor). The connection does not reconnect by itself.
public actor SkypeAPIConnection {
    /// The protocol version this client asks for.
    public static let requestedProtocol = 8

    /// The endpoint this connection is attached to.
    public nonisolated let endpoint: SkypeAPIEndpoint
    /// Unsolicited messages, in order; finishes when the connection closes.
    public nonisolated let notifications: AsyncStream<SkypeAPINotification>
    /// The Skype name the client reported (`CURRENTUSERHANDLE`); empty until attached.
    public private(set) var currentUser = ""
    /// The protocol version both sides agreed on; 0 until attached.
    public private(set) var protocolVersion = 0

    private let notificationSink: AsyncStream<SkypeAPINotification>.Continuation
    private let logger: Logger
    private var outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>?
    private var channel: (any Channel)?
    private var reader: Task<Void, Never>?
    private var pending: [String: CheckedContinuation<String, any Error>] = [:]
    private var bareReplyWaiter: (prefixes: [String], continuation: CheckedContinuation<String, any Error>)?
    private var lastCommandID = 0
    private var closed = false
    /// Call ids in the order they were first seen with an outgoing status, for `CALL` replied with a bare `OK`.
    private var newOutgoingCalls: [SkypeCallID] = []
    private var knownCalls: Set<SkypeCallID> = []

    private init(endpoint: SkypeAPIEndpoint, logger: Logger) {
        self.endpoint = endpoint
        self.logger = logger
        (notifications, notificationSink) = AsyncStream.makeStream(of: SkypeAPINotification.self)
    }

    /// Connects to `endpoint` and attaches as `applicationName`.
    ///
    /// - Parameter expectedUser: when set, the client must be logged in as this Skype name
    ///   (compared case-insensitively), else ``CallError/wrongUser(endpoint:expected:actual:)``.
    /// - Throws: ``CallError`` — connectionFailed, notAuthorized, wrongUser, timeout.
    public static func connect(
        to endpoint: SkypeAPIEndpoint, applicationName: String = "skypebridge", expectedUser: String? = nil,
        timeout: Duration = .seconds(10), logger: Logger
    ) async throws -> SkypeAPIConnection {
        let connection = SkypeAPIConnection(endpoint: endpoint, logger: logger)
        let channel = try await openChannel(endpoint)
        await connection.run(channel)
        do {
            try await connection.attach(applicationName: applicationName, expectedUser: expectedUser, timeout: timeout)
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    private static func openChannel(_ endpoint: SkypeAPIEndpoint) async throws -> NIOAsyncChannel<String, ByteBuffer> {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
        let initializer: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<String, ByteBuffer>> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SkypeAPIFrameDecoder()))
                return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        do {
            switch endpoint {
            case let .tcp(host, port):
                return try await bootstrap.connect(host: host, port: port, channelInitializer: initializer)
            case let .unix(path):
                return try await bootstrap.connect(unixDomainSocketPath: path, channelInitializer: initializer)
            }
        } catch {
            throw CallError.connectionFailed(endpoint: endpoint.description, message: String(describing: error))
        }
    }

    private func run(_ asyncChannel: NIOAsyncChannel<String, ByteBuffer>) async {
        channel = asyncChannel.channel
        let (ready, readyContinuation) = AsyncStream.makeStream(of: NIOAsyncChannelOutboundWriter<ByteBuffer>.self)
        reader = Task {
            try? await asyncChannel.executeThenClose { inbound, outbound in
                readyContinuation.yield(outbound)
                readyContinuation.finish()
                for try await message in inbound {
                    self.receive(message)
                }
            }
            readyContinuation.finish()
            self.connectionEnded()
        }
        for await writer in ready { outbound = writer }
    }

    private func attach(applicationName: String, expectedUser: String?, timeout: Duration) async throws {
        let name = try await sendBare("NAME \(applicationName)", expecting: ["OK", "ERROR", "CONNSTATUS"], timeout: timeout)
        guard SkypeAPIMessage(name).keyword(0) == "OK" else { throw CallError.notAuthorized(endpoint: endpoint.description) }
        let agreed = SkypeAPIMessage(try await sendBare("PROTOCOL \(Self.requestedProtocol)", expecting: ["PROTOCOL", "ERROR"], timeout: timeout))
        guard agreed.keyword(0) == "PROTOCOL", let version = agreed.words.last.flatMap({ Int($0) }) else {
            throw CallError.protocolViolation("PROTOCOL answered with \"\(agreed.text)\"")
        }
        protocolVersion = version
        let handle = SkypeAPIMessage(try await send("GET CURRENTUSERHANDLE", timeout: timeout))
        guard handle.keyword(0) == "CURRENTUSERHANDLE", handle.words.count >= 2 else {
            throw CallError.protocolViolation("GET CURRENTUSERHANDLE answered with \"\(handle.text)\"")
        }
        currentUser = handle.rest(after: 1)
        if let expectedUser, expectedUser.lowercased() != currentUser.lowercased() {
            throw CallError.wrongUser(endpoint: endpoint.description, expected: expectedUser, actual: currentUser)
        }
        logger.debug("attached to Skype client", metadata: ["sb.endpoint": "\(endpoint)", "sb.user": "\(currentUser)", "sb.protocol": "\(version)"])
    }

    // MARK: Commands

    /// Sends `command` with a fresh `#id` and returns the reply text without the id.
    ///
    /// - Throws: ``CallError/commandFailed(command:code:message:)`` for an `ERROR` reply,
    ///   ``CallError/timeout(command:)`` after `timeout`, ``CallError/disconnected(endpoint:)``.
    public func send(_ command: String, timeout: Duration = .seconds(30)) async throws -> String {
        lastCommandID += 1
        let id = String(lastCommandID)
        let reply = try await exchange(command, wire: "#\(id) \(command)", timeout: timeout) { continuation in
            pending[id] = continuation
        } expire: {
            $0.pending.removeValue(forKey: id)
        }
        let message = SkypeAPIMessage(reply)
        if let error = message.error {
            throw CallError.commandFailed(command: command, code: error.code, message: error.message)
        }
        return message.text
    }

    /// Places a call to a Skype name or `+number` and returns its id once the client accepted it.
    ///
    /// Accepts both reply forms: `CALL <id> STATUS <s>`, and a bare `OK` after which the id is
    /// taken from the first new outgoing call reported.
    /// - Throws: ``CallError/unrecognisedTarget(_:)`` for `ERROR 92`, other ``CallError``s.
    public func placeCall(to target: String, timeout: Duration = .seconds(30)) async throws -> SkypeCallID {
        let seen = newOutgoingCalls.count
        let reply: SkypeAPIMessage
        do {
            reply = SkypeAPIMessage(try await send("CALL \(target)", timeout: timeout))
        } catch let CallError.commandFailed(_, code, _) where code == 92 {
            throw CallError.unrecognisedTarget(target)
        }
        if reply.keyword(0) == "CALL", let id = SkypeCallID(reply.keyword(1)) {
            return id
        }
        guard reply.keyword(0) == "OK" else { throw CallError.protocolViolation("CALL answered with \"\(reply.text)\"") }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while newOutgoingCalls.count <= seen {
            guard clock.now < deadline, !closed else { throw closed ? CallError.disconnected(endpoint: endpoint.description) : CallError.timeout(command: "CALL \(target)") }
            try await Task.sleep(for: .milliseconds(10))
        }
        return newOutgoingCalls[seen]
    }

    /// Answers an incoming call (`ALTER CALL <id> ANSWER`).
    public func answer(_ call: SkypeCallID) async throws {
        _ = try await send("ALTER CALL \(call) ANSWER")
    }

    /// Hangs a call up (`ALTER CALL <id> END HANGUP`); an error because it already ended is not thrown.
    public func hangUp(_ call: SkypeCallID) async throws {
        do {
            _ = try await send("ALTER CALL \(call) END HANGUP")
        } catch CallError.commandFailed {
            logger.debug("hang-up refused, the call had already ended", metadata: ["sb.call": "\(call)"])
        }
    }

    /// Tells the client to read the call's outgoing audio from 127.0.0.1:`port` (`SET_INPUT`).
    public func setInput(_ call: SkypeCallID, port: Int) async throws {
        _ = try await send("ALTER CALL \(call) SET_INPUT PORT=\"\(port)\"")
    }

    /// Tells the client to write the call's incoming audio to 127.0.0.1:`port` (`SET_OUTPUT`).
    public func setOutput(_ call: SkypeCallID, port: Int) async throws {
        _ = try await send("ALTER CALL \(call) SET_OUTPUT PORT=\"\(port)\"")
    }

    /// Sends one DTMF digit (0-9, `*`, `#`) on a call in progress.
    /// - Throws: ``CallError/invalidDTMF(_:)`` before sending anything for other characters.
    public func sendDTMF(_ call: SkypeCallID, digit: Character) async throws {
        guard "0123456789*#".contains(digit) else { throw CallError.invalidDTMF(String(digit)) }
        _ = try await send("ALTER CALL \(call) DTMF \(digit)")
    }

    /// Reads one property of a call (`GET CALL <id> <property>`) and returns its value.
    public func callProperty(_ call: SkypeCallID, _ property: String) async throws -> String {
        let reply = SkypeAPIMessage(try await send("GET CALL \(call) \(property)"))
        guard reply.keyword(0) == "CALL", reply.keyword(2) == property.uppercased() else {
            throw CallError.protocolViolation("GET CALL answered with \"\(reply.text)\"")
        }
        return reply.rest(after: 3)
    }

    /// Closes the connection; pending commands fail with ``CallError/disconnected(endpoint:)``. Safe to call twice.
    public func close() async {
        guard let reader else { return }
        outbound?.finish()
        try? await channel?.close()
        await reader.value
    }

    // MARK: Wire

    private func sendBare(_ command: String, expecting prefixes: [String], timeout: Duration) async throws -> String {
        try await exchange(command, wire: command, timeout: timeout) { continuation in
            bareReplyWaiter = (prefixes, continuation)
        } expire: {
            let waiter = $0.bareReplyWaiter?.continuation
            $0.bareReplyWaiter = nil
            return waiter
        }
    }

    /// Registers a waiter, writes `wire`, and waits for the waiter to be resumed or to expire.
    private func exchange(
        _ command: String, wire: String, timeout: Duration, register: (CheckedContinuation<String, any Error>) -> Void,
        expire: @escaping @Sendable (isolated SkypeAPIConnection) -> CheckedContinuation<String, any Error>?
    ) async throws -> String {
        guard !closed, let outbound else { throw CallError.disconnected(endpoint: endpoint.description) }
        let timer = Task {
            try await Task.sleep(for: timeout)
            self.expireWaiter(expire, command: command)
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            register(continuation)
            var buffer = ByteBuffer(string: wire)
            buffer.writeInteger(UInt8(0))
            Task {
                do {
                    try await outbound.write(buffer)
                } catch {
                    self.connectionEnded()
                }
            }
        }
    }

    private func expireWaiter(_ expire: (isolated SkypeAPIConnection) -> CheckedContinuation<String, any Error>?, command: String) {
        expire(self)?.resume(throwing: CallError.timeout(command: command))
    }

    private func receive(_ raw: String) {
        let message = SkypeAPIMessage(raw)
        if let id = message.id, let continuation = pending.removeValue(forKey: id) {
            if case let .callStatus(call, status) = SkypeAPINotification(message) {
                knownCalls.insert(call)
                notificationSink.yield(.callStatus(call, status))
            }
            continuation.resume(returning: raw)
            return
        }
        if let waiter = bareReplyWaiter, message.id == nil, waiter.prefixes.contains(message.keyword(0)) {
            bareReplyWaiter = nil
            waiter.continuation.resume(returning: raw)
            return
        }
        guard message.id == nil, let notification = SkypeAPINotification(message) else {
            logger.trace("ignored message from Skype client", metadata: ["sb.endpoint": "\(endpoint)", "sb.bytes": "\(raw.utf8.count)"])
            return
        }
        if case let .callStatus(id, status) = notification, knownCalls.insert(id).inserted,
            [.unplaced, .routing, .earlyMedia].contains(status)
        {
            newOutgoingCalls.append(id)
        }
        notificationSink.yield(notification)
    }

    private func connectionEnded() {
        guard !closed else { return }
        closed = true
        let error = CallError.disconnected(endpoint: endpoint.description)
        for continuation in pending.values { continuation.resume(throwing: error) }
        pending.removeAll()
        bareReplyWaiter?.continuation.resume(throwing: error)
        bareReplyWaiter = nil
        notificationSink.finish()
    }
}
