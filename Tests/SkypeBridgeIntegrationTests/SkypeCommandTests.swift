import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SkypeBridgeTestSupport
import Testing

/// `login`, `send`, `listen` and `friends accept` through the real binary against the sandbox.
@Suite(.serialized) struct SkypeCommandTests {
    let binary = BinaryRunner()

    /// Messages stored in a conversation as `user` sees it, oldest first.
    func stored(_ sandbox: SandboxProcess, user: String, conversation: String) async throws -> [[String: Any]] {
        let answer = try await ControlClient.call("GET", sandbox.controlURL("skype", "/messages?user=\(user)&conversation=\(conversation)"))
        return (answer as? [String: Any])?["messages"] as? [[String: Any]] ?? []
    }

    @Test func loginCachesTokensAndStatusNeedsNoNetwork() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let login = try await binary.run(sandbox.options + ["login"])
        #expect(login.status == 0, "\(login.stderr)")
        #expect(login.stdout.contains("account       bridge.bot"))
        let status = try await binary.run(sandbox.options + ["login", "--status", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(json?["user_id"] as? String == "bridge.bot")
        #expect((json?["messaging_host"] as? String)?.hasSuffix("/v1") == true)
        #expect(!status.stdout.contains("token\":\""), "no token values in output")
        let logout = try await binary.run(sandbox.options + ["login", "--logout"])
        #expect(logout.stdout == "forgot the cached tokens of bridge.bot\n")
        let after = try await binary.run(sandbox.options + ["login", "--status"])
        #expect(after.status == 77)
    }

    @Test func wrongPasswordIsAnAuthFailureOnOneLine() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let result = try await binary.run(sandbox.options + ["login", "--password-stdin"], stdin: "not-the-password\n")
        #expect(result.status == 77)
        #expect(result.stderr.hasPrefix("error: skype sign-in refused"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!result.stderr.contains("not-the-password"))
    }

    @Test func stdinBodyKeepsNewlinesAndUTF8() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let body = "hi\nthere — héllo 👋🏽 שלום\n\nlast line"
        let result = try await binary.run(sandbox.options + ["send", "8:alice"], stdin: body + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let id = result.stdout.trimmingCharacters(in: .newlines)
        #expect(!id.isEmpty && id.allSatisfy(\.isNumber))
        let messages = try await stored(sandbox, user: "alice", conversation: "8:bridge.bot")
        #expect(messages.count == 1)
        #expect(messages.last?["content"] as? String == body)
        #expect(messages.last?["id"] as? String == id)
    }

    @Test func richTextArrivesAsSkypeMarkup() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let result = try await binary.run(sandbox.options + ["send", "--rich", "8:alice", "**hi** :smile: [x](https://example.com)"])
        #expect(result.status == 0, "\(result.stderr)")
        let message = try await stored(sandbox, user: "alice", conversation: "8:bridge.bot").last
        #expect(message?["messagetype"] as? String == "RichText")
        let content = message?["content"] as? String ?? ""
        #expect(content.contains(#"<b raw_pre="*" raw_post="*">hi</b>"#))
        #expect(content.contains(#"<ss type="#))
        #expect(content.contains(#"<a href="https://example.com">x</a>"#))
    }

    @Test func expiredTokensBetweenTwoSendsAreRenewed() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        #expect(try await binary.run(sandbox.options + ["send", "8:alice", "one"]).status == 0)
        try await ControlClient.call("POST", sandbox.controlURL("skype", "/users/bridge.bot/expire"), body: ["skypetoken": true, "registration": true])
        let second = try await binary.run(sandbox.options + ["send", "8:alice", "two"])
        #expect(second.status == 0, "\(second.stderr)")
        let contents = try await stored(sandbox, user: "alice", conversation: "8:bridge.bot").compactMap { $0["content"] as? String }
        #expect(contents == ["one", "two"])
    }

    @Test func rateLimitIsWaitedOutThenTheSendSucceedsOnce() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        #expect(try await binary.run(sandbox.options + ["login"]).status == 0)
        try await ControlClient.call("POST", sandbox.controlURL("skype", "/faults"), body: [
            "kind": "rateLimit", "pathContains": "/messages", "method": "POST", "count": 1, "retryAfter": 1,
        ])
        let started = Date()
        let result = try await binary.run(sandbox.options + ["send", "8:alice", "after the limit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) >= 1)
        let contents = try await stored(sandbox, user: "alice", conversation: "8:bridge.bot").compactMap { $0["content"] as? String }
        #expect(contents == ["after the limit"])
    }

    @Test func aRegistrationMovedToAnotherCloudFollowsTheLocationAndSendsThere() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        try await ControlClient.call("POST", sandbox.controlURL("skype", "/faults"), body: [
            "kind": "otherCloud", "pathContains": "/endpoints", "method": "POST",
        ])
        let login = try await binary.run(sandbox.options + ["login"])
        #expect(login.status == 0, "\(login.stderr)")
        let status = try await binary.run(sandbox.options + ["login", "--status", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let host = try #require(json?["messaging_host"] as? String)
        #expect(host.hasSuffix("/cloud2/v1"), "the client moved to the host the Location named: \(host)")
        let sent = try await binary.run(sandbox.options + ["send", "8:alice", "from the other cloud"])
        #expect(sent.status == 0, "\(sent.stderr)")
        let contents = try await stored(sandbox, user: "alice", conversation: "8:bridge.bot").compactMap { $0["content"] as? String }
        #expect(contents == ["from the other cloud"])
    }

    @Test func unknownChatIsNotFound() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let result = try await binary.run(sandbox.options + ["send", "8:nobody.here", "hello?"])
        #expect(result.status == 67)
        #expect(result.stderr == "error: not found on skype: chat 8:nobody.here\n")
    }

    @Test func listenPrintsOneEventAsJSONAndStops() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        #expect(try await binary.run(sandbox.options + ["login"]).status == 0)
        let listen = try binary.start(sandbox.options + ["-v", "listen", "--count", "1", "--type", "message", "--timeout", "30s"])
        try await listen.waitForStderr(containing: "subscription ready")
        try await ControlClient.call("POST", sandbox.controlURL("skype", "/messages"), body: ["from": "alice", "to": "bridge.bot", "content": "ping <b>now</b>", "messagetype": "RichText"])
        let result = await listen.finish()
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 1, "stderr: \(result.stderr)")
        let event = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(event?["type"] as? String == "message")
        #expect(event?["sender"] as? String == "alice")
        #expect(event?["chat"] as? String == "8:alice")
        #expect(event?["text"] as? String == "ping now")
        #expect(event?["content"] as? String == "ping <b>now</b>")
    }

    /// The registration expires mid-stream: listen re-registers and neither drops nor repeats.
    @Test func listenSurvivesARegistrationExpiry() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        try await ControlClient.call("PUT", sandbox.controlURL("skype", "/settings"), body: ["pollTimeout": 1])
        #expect(try await binary.run(sandbox.options + ["login"]).status == 0)
        let listen = try binary.start(sandbox.options + ["-v", "listen", "--count", "3", "--type", "message", "--timeout", "40s"])
        try await listen.waitForStderr(containing: "subscription ready")
        let post = sandbox.controlURL("skype", "/messages")
        try await ControlClient.call("POST", post, body: ["from": "alice", "to": "bridge.bot", "content": "before"])
        try await Task.sleep(for: .seconds(2))
        try await ControlClient.call("POST", sandbox.controlURL("skype", "/users/bridge.bot/expire"), body: ["registration": true])
        try await ControlClient.call("POST", post, body: ["from": "alice", "to": "bridge.bot", "content": "during"])
        try await Task.sleep(for: .seconds(3))
        try await ControlClient.call("POST", post, body: ["from": "bob", "to": "bridge.bot", "content": "after"])
        let result = await listen.finish()
        #expect(result.status == 0, "\(result.stderr)")
        let texts = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["text"] as? String
        }
        #expect(texts == ["before", "during", "after"])
    }

    @Test func friendsAcceptListsAcceptsAndIsIdempotent() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let list = try await binary.run(sandbox.options + ["friends", "accept", "--list", "--json"])
        let pending = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(pending?.map { $0["user"] as? String } == ["carol"])
        let accept = try await binary.run(sandbox.options + ["friends", "accept", "carol"])
        #expect(accept.stdout == "accepted carol\n")
        let again = try await binary.run(sandbox.options + ["friends", "accept", "carol"])
        #expect(again.status == 0)
        #expect(again.stdout == "already contact carol\n")
        let unknown = try await binary.run(sandbox.options + ["friends", "accept", "dave"])
        #expect(unknown.status == 67)
        let after = try await binary.run(sandbox.options + ["friends", "accept"])
        #expect(after.stdout == "no pending contact requests\n")
    }
}

/// `send --file` and `send --image`: ASM upload, then the URIObject message.
@Suite struct SkypeFileSendTests {
    let binary = BinaryRunner()

    @Test(arguments: [("--file", "RichText/Media_GenericFile", "original"), ("--image", "RichText/UriObject", "imgpsh_fullsize")])
    func fileArrivesAsAnASMObjectAndAMessage(flag: String, messageType: String, view: String) async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let path = sandbox.directory + "/report <1>.txt"
        let signature: [UInt8] = flag == "--image" ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] : []
        let bytes = Data(signature + (signature.count..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        try bytes.write(to: URL(fileURLWithPath: path))
        let sent = try await binary.run(sandbox.options + ["send", flag, path, "8:alice"])
        #expect(sent.status == 0, "\(sent.stderr)")
        let answer = try await ControlClient.call("GET", sandbox.controlURL("skype", "/messages?user=alice&conversation=8:bridge.bot"))
        let message = try #require(((answer as? [String: Any])?["messages"] as? [[String: Any]])?.last)
        #expect(message["messagetype"] as? String == messageType)
        let content = message["content"] as? String ?? ""
        #expect(content.contains(#"<OriginalName v="report &lt;1&gt;.txt"/>"#))
        if flag == "--file" { #expect(content.contains(#"<FileSize v="200000"/>"#)) }
        let uri = try #require(content.range(of: #"uri=""#).map { content[$0.upperBound...].prefix { $0 != "\"" } })
        let export = sandbox.directory + "/token"
        #expect(try await binary.run(sandbox.options + ["login", "--export-token-file", export]).status == 0)
        let token = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n")[1]
        var request = URLRequest(url: URL(string: String(uri) + "/views/" + view)!)
        request.setValue("skype_token \(token)", forHTTPHeaderField: "Authorization")
        let (downloaded, _) = try await URLSession.shared.data(for: request)
        #expect(downloaded == bytes)
    }

    @Test func anImageThatIsNotAPictureIsADataErrorAndNothingIsSent() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let path = sandbox.directory + "/notes.png"
        try "just text\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await binary.run(sandbox.options + ["send", "--image", path, "8:alice"])
        #expect(result.status == 65)
        #expect(result.stderr == "error: \(path) is not a PNG, JPEG, GIF, WebP or BMP picture; send it with --file\n")
        let answer = try? await ControlClient.call("GET", sandbox.controlURL("skype", "/messages?user=alice&conversation=8:bridge.bot"))
        let messages = (answer as? [String: Any])?["messages"] as? [[String: Any]] ?? []
        #expect(messages.isEmpty, "no conversation, or an empty one")
    }

    @Test func missingFileIsADataError() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let result = try await binary.run(sandbox.options + ["send", "--file", "/nonexistent/x.bin", "8:alice"])
        #expect(result.status == 65)
        #expect(result.stderr == "error: cannot read /nonexistent/x.bin; check the path and permissions\n")
    }
}

/// `listen | head -1` ends listen with exit 0 as soon as head has its line.
@Suite struct ListenPipeTests {
    @Test func closedReaderEndsListenWithZero() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let binary = BinaryRunner()
        let command = ([binary.executable.path] + sandbox.options + ["listen", "--type", "contact"])
            .map { "'\($0)'" }.joined(separator: " ")
        let started = Date()
        let result = try await binary.runShell("\(command) | head -1; echo \"listen=${PIPESTATUS[0]}\"")
        #expect(result.stdout.contains("\"sender\":\"carol\""))
        #expect(result.stdout.hasSuffix("listen=0\n"))
        #expect(Date().timeIntervalSince(started) < 15)
    }
}

/// SIGTERM ends `listen` promptly with exit 0.
@Suite struct ListenSignalTests {
    @Test func sigtermStopsListen() async throws {
        let sandbox = try await SandboxProcess()
        defer { sandbox.stop() }
        let listen = try BinaryRunner().start(sandbox.options + ["-v", "listen", "--type", "message"])
        try await listen.waitForStderr(containing: "subscription ready")
        let stopped = Date()
        listen.terminate()
        let result = await listen.finish()
        #expect(result.status == 0)
        #expect(Date().timeIntervalSince(stopped) < 5)
    }
}
