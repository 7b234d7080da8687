import Foundation
import SkypeBridgeCore

/// The scripted conversation: each step is something a person does on one side and what must
/// arrive on the other, printed as it happens. A step throws when its arrival is not seen.
struct DemoScenario: Sendable {
    static let group = SkypeChatID("19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.skype")

    let world: DemoWorld
    let transcript: DemoTranscript
    let alice: SkypeClient
    let bob: SkypeClient
    let mia: MattermostClient
    let links: ChannelLinkStore
    let http: CurlTransport
    let apiPort: @Sendable () async -> Int?

    init(world: DemoWorld, transcript: DemoTranscript, apiPort: @escaping @Sendable () async -> Int?) throws {
        self.world = world
        self.transcript = transcript
        alice = try world.skypePerson("alice")
        bob = try world.skypePerson("bob")
        mia = try world.mattermostPerson("mia")
        links = ChannelLinkStore(store: world.store)
        http = try CurlTransport(logger: world.logger)
        self.apiPort = apiPort
    }

    /// The steps, in order, with their titles.
    var steps: [(title: String, run: @Sendable (inout DemoMemory) async throws -> String)] {
        [
            ("1:1 text with an emoticon, Skype → Mattermost", oneToOne),
            ("a reply from Mattermost, → Skype as [ sender ] message", replyFromMattermost),
            ("group chat with bold, a link and a mention", groupFormatting),
            ("an edit on Skype edits the Mattermost post", edit),
            ("a delete on Skype deletes the Mattermost post", delete),
            ("a threaded reply on Mattermost becomes a Skype quote", threadReply),
            ("a picture from Skype becomes a Mattermost file post", pictureToMattermost),
            ("a file from Mattermost becomes a Skype file", fileToSkype),
            ("a friend request becomes a new channel", friendRequest),
            ("a message through the HTTP send API", httpSend),
            ("an echo123 call with a 440 Hz tone", echoCall),
        ]
    }

    // MARK: - Steps

    func oneToOne(_ memory: inout DemoMemory) async throws -> String {
        let markup = #"Hi! Is the bridge up? <ss type="smile">:)</ss>"#
        try transcript.action(.skype, "alice → bridge.bot", SkypeRichText.parse(markup).plainText)
        let start = ContinuousClock.now
        let sent = try await alice.send(SkypeChatID("8:bridge.bot"), content: markup, messageType: "RichText")
        let channel = try await channel(for: SkypeChatID("8:alice"), since: start)
        let (post, latency) = try await arrivedPost(in: channel, from: start, containing: "Is the bridge up?")
        guard !post.message.contains("<ss") else { throw DemoError.notSeen("the emoticon arrived as markup: \(post.message)") }
        memory.aliceMessage = sent.id
        memory.alicePost = post.id
        try transcript.arrival(.mattermost, "~\(try channelName(channel))", attributed(post), after: latency)
        return "arrived once in \(DemoTranscript.milliseconds(latency))"
    }

    func replyFromMattermost(_ memory: inout DemoMemory) async throws -> String {
        let channel = try await channel(for: SkypeChatID("8:alice"), since: .now)
        let text = "Welcome, alice! It is **up**."
        try transcript.action(.mattermost, "mia in ~\(try channelName(channel))", text)
        let start = ContinuousClock.now
        let since = Date()
        _ = try await mia.createPost(NewMattermostPost(channelID: channel, message: text))
        let (message, latency) = try await arrivedMessage(at: alice, in: SkypeChatID("8:bridge.bot"), since: since, from: start, containing: "Welcome, alice!")
        let plain = SkypeRichText.parse(message.content).plainText
        guard plain.lowercased().contains("mia") else { throw DemoError.notSeen("the reply arrived without its sender: \(plain)") }
        try transcript.arrival(.skype, "alice sees", plain, after: latency)
        return "arrived as \"\(DemoTranscript.oneLine(plain))\""
    }

    func groupFormatting(_ memory: inout DemoMemory) async throws -> String {
        let markup = #"<b>Deploy</b> finished, details at <a href="https://example.com/ci/42">https://example.com/ci/42</a> — thanks <at id="8:alice">Alice</at>!"#
        try transcript.action(.skype, "bob → Team chat", SkypeRichText.parse(markup).plainText)
        let start = ContinuousClock.now
        _ = try await bob.send(Self.group, content: markup, messageType: "RichText")
        let channel = try await channel(for: Self.group, since: start)
        let (post, latency) = try await arrivedPost(in: channel, from: start, containing: "Deploy")
        guard post.message.contains("**Deploy**"), post.message.contains("https://example.com/ci/42") else {
            throw DemoError.notSeen("the group message lost its formatting: \(post.message)")
        }
        memory.groupPost = post.id
        try transcript.arrival(.mattermost, "~\(try channelName(channel))", attributed(post), after: latency)
        return "bold and link kept"
    }

    func edit(_ memory: inout DemoMemory) async throws -> String {
        guard let message = memory.aliceMessage, let post = memory.alicePost else { throw DemoError.notSeen("nothing to edit: step 1 failed") }
        let text = "Hi! Is the bridge up? (edited: it is!)"
        try transcript.action(.skype, "alice edits", text)
        let start = ContinuousClock.now
        try await alice.edit(SkypeChatID("8:bridge.bot"), message: message, content: text, messageType: "Text")
        let mia = mia
        let (edited, latency) = try await DemoProbe.eventually("the edit", from: start) { () async throws -> MattermostPost? in
            let current = try await mia.post(id: post)
            return current.message.contains("edited: it is!") ? current : nil
        }
        try transcript.arrival(.mattermost, "post edited", edited.message, after: latency)
        return "same post, new text"
    }

    func delete(_ memory: inout DemoMemory) async throws -> String {
        guard let message = memory.aliceMessage, let post = memory.alicePost else { throw DemoError.notSeen("nothing to delete: step 1 failed") }
        try transcript.action(.skype, "alice deletes", "her first message")
        let start = ContinuousClock.now
        try await alice.delete(SkypeChatID("8:bridge.bot"), message: message)
        let mia = mia
        let (_, latency) = try await DemoProbe.eventually("the delete", from: start) { () async throws -> Bool? in
            do {
                return try await mia.post(id: post).deleteAt > 0 ? true : nil
            } catch MattermostError.notFound {
                return true
            }
        }
        try transcript.arrival(.mattermost, "post deleted", "(gone from the channel)", after: latency)
        return "post removed"
    }

    func threadReply(_ memory: inout DemoMemory) async throws -> String {
        guard let root = memory.groupPost else { throw DemoError.notSeen("nothing to reply to: step 3 failed") }
        let channel = try await channel(for: Self.group, since: .now)
        let text = "Great work, bob!"
        try transcript.action(.mattermost, "mia replies in thread", text)
        let start = ContinuousClock.now
        let since = Date()
        _ = try await mia.createPost(NewMattermostPost(channelID: channel, message: text, rootID: root))
        let (message, latency) = try await arrivedMessage(at: bob, in: Self.group, since: since, from: start, containing: "Great work, bob!")
        guard message.content.range(of: "<quote", options: .caseInsensitive) != nil else {
            throw DemoError.notSeen("the reply arrived without a quote of its parent: \(message.content)")
        }
        try transcript.arrival(.skype, "bob sees a quote +", SkypeRichText.parse(message.content).plainText, after: latency)
        return "quoted the parent"
    }

    func pictureToMattermost(_ memory: inout DemoMemory) async throws -> String {
        let path = world.directory + "/chart.png"
        try Data(Self.png).write(to: URL(fileURLWithPath: path))
        try transcript.action(.skype, "alice → bridge.bot", "picture chart.png (\(Self.png.count) bytes)")
        let start = ContinuousClock.now
        _ = try await alice.sendFile(SkypeChatID("8:bridge.bot"), path: path, kind: .picture)
        let channel = try await channel(for: SkypeChatID("8:alice"), since: start)
        let mia = mia
        let since = Int64(Date().timeIntervalSince1970 * 1000) - 60_000
        let (post, latency) = try await DemoProbe.eventually("the picture in Mattermost", from: start) { () async throws -> MattermostPost? in
            try await mia.posts(in: channel, since: since).first { !$0.fileIDs.isEmpty && $0.deleteAt == 0 }
        }
        let info = try await mia.fileInfo(id: post.fileIDs[0])
        let copy = world.directory + "/chart-copy.png"
        try await mia.downloadFile(id: info.id, to: copy)
        guard try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(Self.png) else { throw DemoError.notSeen("the picture arrived changed") }
        try transcript.arrival(.mattermost, "~\(try channelName(channel))", "\(attributed(post)) [file \(info.name), \(info.size) bytes, \(info.mimeType)]", after: latency)
        return "same bytes, shown as \(info.mimeType)"
    }

    func fileToSkype(_ memory: inout DemoMemory) async throws -> String {
        let channel = try await channel(for: SkypeChatID("8:alice"), since: .now)
        let path = world.directory + "/notes.txt"
        let content = Data((0..<2_000).map { "line \($0) of the release notes\n" }.joined().utf8)
        try content.write(to: URL(fileURLWithPath: path))
        try transcript.action(.mattermost, "mia in ~\(try channelName(channel))", "Here are the notes [file notes.txt, \(content.count) bytes]")
        let start = ContinuousClock.now
        let since = Date()
        let uploaded = try await mia.uploadFile(channel: channel, path: path, name: "notes.txt")
        _ = try await mia.createPost(NewMattermostPost(channelID: channel, message: "Here are the notes", fileIDs: [uploaded.id]))
        let alice = alice
        let (shared, latency) = try await DemoProbe.eventually("the file on Skype", from: start) { () async throws -> SkypeAttachment? in
            try await alice.messages(in: SkypeChatID("8:bridge.bot"), since: since.addingTimeInterval(-5))
                .lazy.compactMap { SkypeAttachment.parse(content: $0.content, messageType: $0.messageType) }.first { $0.name == "notes.txt" }
        }
        let copy = world.directory + "/notes-copy.txt"
        try await alice.download(shared, to: copy)
        guard try Data(contentsOf: URL(fileURLWithPath: copy)) == content else { throw DemoError.notSeen("the file arrived changed") }
        let (caption, _) = try await arrivedMessage(at: alice, in: SkypeChatID("8:bridge.bot"), since: since, from: start, containing: "Here are the notes")
        try transcript.arrival(.skype, "alice sees", SkypeRichText.parse(caption.content).plainText + " + file \(shared.name)", after: latency)
        return "caption and the same bytes"
    }

    /// A 4×4 PNG (red square), as a phone would share a photo.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x04,
        0x00, 0x00, 0x00, 0x04, 0x08, 0x02, 0x00, 0x00, 0x00, 0x26, 0x93, 0x09, 0x29, 0x00, 0x00, 0x00, 0x13, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x80, 0x07, 0x31, 0x8C, 0x50, 0x0C, 0x00, 0xAE, 0x8F, 0x1F, 0xE1, 0xB3, 0x39,
        0x72, 0x06, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    func friendRequest(_ memory: inout DemoMemory) async throws -> String {
        let control = try world.url("skype", "control").absoluteString
        let name = "dave.\(UInt32.random(in: 1000...9999))"
        try await controlPost(control + "/users", ["username": .string(name), "password": .string("dave-pass"), "firstName": .string("Dave")])
        try await controlPost(control + "/invites", ["from": .string(name), "to": .string("bridge.bot"), "message": .string("Hi, add me?")])
        try transcript.action(.skype, "\(name) → bridge.bot", "contact request: \"Hi, add me?\"")
        var settings = world.configuration.skype
        settings.username = name
        let dave = SkypeClient(session: try SkypeSession.make(settings: settings, store: nil, environment: [:], password: { "dave-pass" }, logger: world.logger))
        let start = ContinuousClock.now
        let chat = SkypeChatID("8:" + name)
        let text = "Hello from a brand new contact"
        _ = try await DemoProbe.eventually("the contact request being accepted", from: start) { () async throws -> Bool? in
            (try? await dave.send(SkypeChatID("8:bridge.bot"), content: text)) != nil ? true : nil
        }
        let channel = try await self.channel(for: chat, since: start)
        let (post, latency) = try await arrivedPost(in: channel, from: start, containing: "brand new contact")
        try transcript.arrival(.mattermost, "new ~\(try channelName(channel))", attributed(post), after: latency)
        return "accepted, ~\(try channelName(channel)) created"
    }

    func httpSend(_ memory: inout DemoMemory) async throws -> String {
        guard let port = await apiPort() else { throw DemoError.notSeen("the bridge's HTTP listener did not start") }
        let text = "Deploy #42 is live"
        try transcript.action(.http, "POST /send-message", "{\"msg\": \"\(text)\", \"channel\": \"8:alice\"}")
        let start = ContinuousClock.now
        let since = Date()
        let body = try JSONValue.object(["msg": .string(text), "channel": .string("8:alice"), "API_KEY": .string(world.apiKey)]).jsonString()
        let response = try await http.send(HTTPRequest(
            method: .post, url: "http://127.0.0.1:\(port)/send-message", headers: ["Content-Type": "application/json"], body: .bytes(Data(body.utf8))))
        guard response.status == 200 else { throw DemoError.notSeen("the send API answered \(response.status): \(response.text)") }
        try transcript.note("HTTP \(response.status) \(response.text)")
        let (message, latency) = try await arrivedMessage(at: alice, in: SkypeChatID("8:bridge.bot"), since: since, from: start, containing: text)
        try transcript.arrival(.skype, "alice sees", SkypeRichText.parse(message.content).plainText, after: latency)
        return "accepted, then delivered"
    }

    func echoCall(_ memory: inout DemoMemory) async throws -> String {
        let configuration = world.configuration
        try InterfaceManager(store: world.store, settings: configuration.interfaces, logger: world.logger).loadIfNeeded()
        let originator = CallOriginator(store: world.store, settings: configuration.interfaces, logger: world.logger)
        let meter = DemoToneMeter()
        try transcript.action(.call, "RR/echo123", "2 s of a 440 Hz tone")
        let transcript = transcript
        let result = try await originator.originate(
            target: "echo123", via: .roundRobin,
            options: { interface in CallOptions(ringTimeout: interface.ringTimeout, duration: .seconds(2), lowLatencyAudio: interface.lowLatencyAudio) },
            audio: CallAudioPump(source: try ToneSource(frequency: 440), sink: meter),
            hangupSignal: { try? await Task.sleep(for: .seconds(3600)) },
            events: { event in
                if case .status(let status) = event { try? transcript.note("call status \(status)") }
            })
        let (samples, ratio) = meter.measure(440)
        let sent = result.audio?.sent.frames ?? 0
        let received = result.audio?.received.frames ?? 0
        try transcript.note("interface \(result.interface): \(sent) frames out, \(received) frames back; 440 Hz stands \(String(format: "%.0f", 20 * log10(min(ratio, 1e6)))) dB above 640 Hz")
        guard result.outcome == .completed, samples > 0, ratio > 10 else {
            throw DemoError.notSeen("the call ended \(result.outcome) and the tone did not come back (\(samples) samples, ratio \(ratio))")
        }
        return "answered via \(result.interface); the tone came back (\(received) frames)"
    }

    // MARK: - Helpers

    func channel(for chat: SkypeChatID, since start: ContinuousClock.Instant) async throws -> MattermostChannelID {
        let links = links
        return try await DemoProbe.eventually("a channel for \(chat)", from: start) { try links.entry(for: chat)?.link.channel }.value
    }

    func channelName(_ channel: MattermostChannelID) throws -> String {
        try links.entry(for: channel)?.link.channelName ?? channel.rawValue
    }

    func arrivedPost(in channel: MattermostChannelID, from start: ContinuousClock.Instant, containing text: String) async throws -> (MattermostPost, Duration) {
        let mia = mia
        let since = Int64(Date().timeIntervalSince1970 * 1000) - 60_000
        return try await DemoProbe.eventually("\"\(text)\" in Mattermost", from: start) { () async throws -> MattermostPost? in
            let matching = try await mia.posts(in: channel, since: since).filter { $0.deleteAt == 0 && $0.message.contains(text) }
            guard matching.count <= 1 else { throw DemoError.notSeen("\"\(text)\" arrived \(matching.count) times") }
            return matching.first
        }
    }

    func arrivedMessage(at person: SkypeClient, in chat: SkypeChatID, since: Date, from start: ContinuousClock.Instant, containing text: String) async throws -> (SkypeMessage, Duration) {
        try await DemoProbe.eventually("\"\(text)\" on Skype", from: start) { () async throws -> SkypeMessage? in
            let matching = try await person.messages(in: chat, since: since.addingTimeInterval(-5)).filter { $0.content.contains(text) }
            guard matching.count <= 1 else { throw DemoError.notSeen("\"\(text)\" arrived \(matching.count) times") }
            return matching.first
        }
    }

    func attributed(_ post: MattermostPost) -> String {
        if let name = post.props["override_username"]?.string { return "\(name): \(post.message)" }
        return post.message
    }

    private func controlPost(_ url: String, _ body: [String: JSONValue]) async throws {
        let response = try await http.send(HTTPRequest(
            method: .post, url: url, headers: ["Content-Type": "application/json"], body: .bytes(Data(try JSONValue.object(body).jsonString().utf8))))
        guard response.isSuccess else { throw DemoError.setup("sandbox control \(url) answered \(response.status): \(response.text)") }
    }
}

/// What later steps need from earlier ones.
struct DemoMemory: Sendable {
    var aliceMessage: SkypeMessageID?
    var alicePost: MattermostPostID?
    var groupPost: MattermostPostID?
}
