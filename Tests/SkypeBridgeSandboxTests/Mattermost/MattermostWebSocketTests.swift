import Foundation
import HTTPTypes
import Logging
import Synchronization
import Testing
import WSClient

@Suite(.timeLimit(.minutes(1))) struct MattermostWebSocketTests {
    /// Reads JSON frames from one socket.
    struct Frames {
        var iterator: WebSocketInboundMessageStream.AsyncIterator

        mutating func next() async throws -> [String: Any] {
            while let message = try await iterator.next() {
                if case .text(let text) = message,
                    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                {
                    return object
                }
            }
            throw CancellationError()
        }
    }

    private func connect(
        _ server: MattermostTestServer, token: String?, query: String = "",
        _ body: @escaping @Sendable (inout Frames, WebSocketOutboundWriter) async throws -> Void
    ) async throws {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        var logger = Logger(label: "test.ws")
        logger.logLevel = .critical
        try await WebSocketClient.connect(url: server.info.urls["websocket"]! + query, configuration: .init(additionalHeaders: headers), logger: logger) { inbound, outbound, _ in
            var frames = Frames(iterator: inbound.messages(maxSize: 1 << 20).makeAsyncIterator())
            try await body(&frames, outbound)
        }
    }

    @Test func challengeAuthenticationSendsHelloThenTheReply() async throws {
        try await MattermostTestServer.with { server in
            let token = server.botToken
            try await connect(server, token: nil) { frames, outbound in
                try await outbound.write(.text(#"{"seq":1,"action":"authentication_challenge","data":{"token":"\#(token)"}}"#))
                let hello = try await frames.next()
                #expect(hello["event"] as? String == "hello")
                #expect(hello["seq"] as? Int == 0)
                #expect(((hello["data"] as? [String: Any])?["connection_id"] as? String)?.count == 26)
                let reply = try await frames.next()
                #expect(reply["status"] as? String == "OK")
                #expect(reply["seq_reply"] as? Int == 1)
            }
        }
    }

    @Test func postedEventsCarryThePostAsAStringWithIncreasingSeq() async throws {
        try await MattermostTestServer.with { server in
            let channel = try await server.channel(members: ["bridge-bot", "mia"])
            try await connect(server, token: server.botToken) { frames, _ in
                #expect(try await frames.next()["seq"] as? Int == 0)
                _ = try await server.post("one", in: channel, token: server.miaToken)
                _ = try await server.post("two", in: channel, token: server.miaToken)
                let first = try await frames.next()
                let second = try await frames.next()
                #expect(first["event"] as? String == "posted")
                #expect([first["seq"] as? Int, second["seq"] as? Int] == [1, 2])
                let data = first["data"] as? [String: Any] ?? [:]
                let post = try JSONSerialization.jsonObject(with: Data((data["post"] as? String ?? "").utf8)) as? [String: Any]
                #expect(post?["message"] as? String == "one")
                #expect(data["sender_name"] as? String == "@mia")
                #expect(data["channel_type"] as? String == "O")
            }
        }
    }

    @Test func resumeReplaysBufferedEventsWithoutHello() async throws {
        try await MattermostTestServer.with { server in
            let channel = try await server.channel(members: ["bridge-bot", "mia"])
            let connection = SendableBox<String>("")
            try await connect(server, token: server.botToken) { frames, _ in
                let hello = try await frames.next()
                connection.set((hello["data"] as? [String: Any])?["connection_id"] as? String ?? "")
            }
            _ = try await server.post("missed", in: channel, token: server.miaToken)
            try await connect(server, token: server.botToken, query: "?connection_id=\(connection.get())&sequence_number=1") { frames, _ in
                let replayed = try await frames.next()
                #expect(replayed["event"] as? String == "posted")
                #expect(replayed["seq"] as? Int == 1)
            }
        }
    }

    @Test func gapBeyondTheBufferGetsANewHello() async throws {
        try await MattermostTestServer.with(.init(resumeBufferSize: 2)) { server in
            let channel = try await server.channel(members: ["bridge-bot", "mia"])
            let connection = SendableBox<String>("")
            try await connect(server, token: server.botToken) { frames, _ in
                let hello = try await frames.next()
                connection.set((hello["data"] as? [String: Any])?["connection_id"] as? String ?? "")
            }
            for index in 0..<4 {
                _ = try await server.post("missed \(index)", in: channel, token: server.miaToken)
            }
            try await connect(server, token: server.botToken, query: "?connection_id=\(connection.get())&sequence_number=1") { frames, _ in
                let hello = try await frames.next()
                #expect(hello["event"] as? String == "hello")
                #expect(hello["seq"] as? Int == 0)
                #expect((hello["data"] as? [String: Any])?["connection_id"] as? String != connection.get())
            }
        }
    }

    @Test func nonMembersDoNotReceiveChannelEvents() async throws {
        try await MattermostTestServer.with { server in
            let hidden = try await server.channel(members: ["mia"], type: "P")
            let visible = try await server.channel(members: ["mia", "bridge-bot"])
            try await connect(server, token: server.botToken) { frames, _ in
                _ = try await frames.next()
                _ = try await server.post("secret", in: hidden, token: server.miaToken)
                _ = try await server.post("public", in: visible, token: server.miaToken)
                let event = try await frames.next()
                let post = (event["data"] as? [String: Any])?["post"] as? String ?? ""
                #expect(post.contains("\"public\""))
            }
        }
    }

    @Test func unauthenticatedSocketIsClosedAfterTheTimeout() async throws {
        try await MattermostTestServer.with(.init(webSocketAuthTimeout: .milliseconds(200))) { server in
            let started = ContinuousClock.now
            try await connect(server, token: nil) { frames, _ in
                await #expect(throws: (any Error).self) { _ = try await frames.next() }
            }
            #expect(ContinuousClock.now - started >= .milliseconds(200))
        }
    }

    @Test func closeFaultEndsTheSocketWithANormalClose() async throws {
        try await MattermostTestServer.with { server in
            try await connect(server, token: server.botToken) { frames, _ in
                _ = try await frames.next()
                let reply = try await server.request("POST", "/_control/mattermost/faults/close-websockets")
                #expect(reply.object["closed"] as? Int == 1)
                await #expect(throws: (any Error).self) { _ = try await frames.next() }
            }
        }
    }
}

/// A Sendable box for values handed out of WebSocket handler closures.
final class SendableBox<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }

    func get() -> Value { value.withLock { $0 } }
    func set(_ newValue: Value) { value.withLock { $0 = newValue } }
}
