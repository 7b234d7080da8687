import Foundation
import SkypeBridgeCore

/// `demo --interactive`: after the script, a person types as a Skype user (`alice: …` in her
/// 1:1 chat, `bob: …` in the group) or as a Mattermost user (`mia: …` in alice's channel), and
/// sees what arrives on the other side. `quit`, end of input or Ctrl-C ends it.
struct DemoPrompt {
    let scenario: DemoScenario
    let transcript: DemoTranscript

    func run() async throws {
        try transcript.output.line("")
        try transcript.output.line("Interactive: type `alice: hello` (Skype 1:1), `bob: hello` (Skype group) or `mia: hello` (Mattermost); `quit` ends.")
        for await line in Self.lines() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "quit" || trimmed == "exit" { return }
            guard let colon = trimmed.firstIndex(of: ":") else {
                if !trimmed.isEmpty { try transcript.failure("write `name: message`, with name alice, bob or mia") }
                continue
            }
            let who = trimmed[..<colon].lowercased()
            let text = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            do {
                try await say(who, text)
            } catch {
                try transcript.failure("\(error)")
            }
        }
    }

    private func say(_ who: String, _ text: String) async throws {
        let start = ContinuousClock.now
        let since = Date()
        switch who {
        case "alice", "bob":
            let chat = who == "alice" ? SkypeChatID("8:bridge.bot") : DemoScenario.group
            try transcript.action(.skype, who == "alice" ? "alice → bridge.bot" : "bob → Team chat", text)
            _ = try await (who == "alice" ? scenario.alice : scenario.bob).send(chat, content: text)
            let channel = try await scenario.channel(for: who == "alice" ? SkypeChatID("8:alice") : DemoScenario.group, since: start)
            let (post, latency) = try await scenario.arrivedPost(in: channel, from: start, containing: text)
            try transcript.arrival(.mattermost, "~\(try scenario.channelName(channel))", scenario.attributed(post), after: latency)
        case "mia":
            let channel = try await scenario.channel(for: SkypeChatID("8:alice"), since: start)
            try transcript.action(.mattermost, "mia in ~\(try scenario.channelName(channel))", text)
            _ = try await scenario.mia.createPost(NewMattermostPost(channelID: channel, message: text))
            let (message, latency) = try await scenario.arrivedMessage(at: scenario.alice, in: SkypeChatID("8:bridge.bot"), since: since, from: start, containing: text)
            try transcript.arrival(.skype, "alice sees", SkypeRichText.parse(message.content).plainText, after: latency)
        default:
            try transcript.failure("unknown person \(who): use alice, bob or mia")
        }
    }

    /// Standard input, line by line, read on its own thread (never on the concurrency pool).
    private static func lines() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let thread = Thread {
            while let line = readLine() { continuation.yield(line) }
            continuation.finish()
        }
        thread.start()
        return stream
    }
}
