import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A bare Skype client API client for tests: writes NUL-terminated messages and keeps every
/// message received, so tests can wait for one and check the order of all of them.
final class RawAPIClient: Sendable {
    private let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    private let writer: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let state = Mutex((messages: [String](), pending: [UInt8](), closed: false))
    private let reader: Task<Void, Never>

    private init(channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, writer: NIOAsyncChannelOutboundWriter<ByteBuffer>, reader: Task<Void, Never>) {
        self.channel = channel
        self.writer = writer
        self.reader = reader
    }

    /// Connects to `tcp://host:port` or `unix:/path`.
    static func connect(_ url: String) async throws -> RawAPIClient {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<ByteBuffer, ByteBuffer>> = { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel(wrappingChannelSynchronously: channel) }
        }
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        if url.hasPrefix("unix:") {
            channel = try await bootstrap.connect(unixDomainSocketPath: String(url.dropFirst(5)), channelInitializer: initializer)
        } else {
            let address = url.dropFirst("tcp://".count)
            let colon = address.lastIndex(of: ":")!
            channel = try await bootstrap.connect(host: String(address[..<colon]), port: Int(address[address.index(after: colon)...])!, channelInitializer: initializer)
        }
        let (writers, writerContinuation) = AsyncStream.makeStream(of: NIOAsyncChannelOutboundWriter<ByteBuffer>.self)
        let box = Mutex<RawAPIClient?>(nil)
        let reader = Task {
            try? await channel.executeThenClose { inbound, outbound in
                writerContinuation.yield(outbound)
                writerContinuation.finish()
                for try await buffer in inbound {
                    box.withLock { $0 }?.received(Array(buffer.readableBytesView))
                }
            }
            box.withLock { $0 }?.state.withLock { $0.closed = true }
        }
        var iterator = writers.makeAsyncIterator()
        let writer = await iterator.next()!
        let client = RawAPIClient(channel: channel, writer: writer, reader: reader)
        box.withLock { $0 = client }
        return client
    }

    private func received(_ bytes: [UInt8]) {
        state.withLock { state in
            state.pending.append(contentsOf: bytes)
            while let end = state.pending.firstIndex(of: 0) {
                state.messages.append(String(decoding: state.pending[..<end], as: UTF8.self))
                state.pending.removeFirst(end + 1)
            }
        }
    }

    /// Sends one message with its NUL terminator.
    func send(_ message: String) async throws {
        var buffer = ByteBuffer(string: message)
        buffer.writeInteger(UInt8(0))
        try await writer.write(buffer)
    }

    /// Every message received so far.
    var messages: [String] { state.withLock { $0.messages } }

    /// Whether the emulator closed the connection.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Waits for the first received message (old or new) that `matches`.
    func message(timeout: Duration = .seconds(5), where matches: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let found = messages.first(where: matches) { return found }
            guard ContinuousClock.now < deadline else { throw RawClientTimeout(received: messages) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Sends `#<id> <command>` and waits for the reply carrying that id; returns it without the id.
    func request(_ command: String, id: String = UUID().uuidString.prefix(8).lowercased()) async throws -> String {
        try await send("#\(id) \(command)")
        let reply = try await message { $0.hasPrefix("#\(id) ") }
        return String(reply.dropFirst(id.count + 2))
    }

    /// Sends `NAME` and `PROTOCOL` and waits for the greeting's `USERSTATUS`.
    func attach() async throws {
        try await send("NAME tests")
        _ = try await message { $0 == "OK" }
        try await send("PROTOCOL 8")
        _ = try await message { $0.hasPrefix("USERSTATUS") }
    }

    /// The STATUS values reported for `call`, in order, in replies (`#id CALL …`) and notifications.
    func statuses(of call: Int) -> [String] {
        messages.compactMap { message in
            let words = message.split(separator: " ").drop { $0.hasPrefix("#") }
            guard words.count == 4, words.first == "CALL", words.dropFirst().first == "\(call)", words.dropFirst(2).first == "STATUS" else { return nil }
            return words.last.map(String.init)
        }
    }

    /// Waits until `call` reports `status`.
    func waitForStatus(_ status: String, of call: Int, timeout: Duration = .seconds(5)) async throws {
        _ = try await message(timeout: timeout) { $0 == "CALL \(call) STATUS \(status)" }
    }

    /// Closes the connection.
    func close() async {
        writer.finish()
        try? await channel.channel.close()
        await reader.value
    }
}

/// No matching message arrived in time.
struct RawClientTimeout: Error, CustomStringConvertible {
    let received: [String]
    var description: String { "timed out; received: \(received)" }
}
