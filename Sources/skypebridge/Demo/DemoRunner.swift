import Foundation
import Logging
import SkypeBridgeCore
import Synchronization

/// `skypebridge demo` from start to summary: the world, sign-in, `channels sync`, the bridge
/// with its HTTP send API, the scripted steps, and (with `--interactive`) a prompt.
struct DemoRunner {
    let transcript: DemoTranscript
    let interactive: Bool
    let logger: Logger

    /// Runs everything; returns whether every step was seen arriving.
    func run() async throws -> Bool {
        try transcript.output.line("skypebridge demo: Skype ⇄ Mattermost on the embedded sandbox")
        try transcript.output.line("")
        let world = try await DemoWorld.start(logger: logger)
        do {
            let passed = try await run(in: world)
            await world.stop()
            return passed
        } catch {
            await world.stop()
            throw error
        }
    }

    private func run(in world: DemoWorld) async throws -> Bool {
        try transcript.setup("sandbox", "Skype web \(try world.url("skype", "base")), Mattermost \(try world.url("mattermost", "base")), "
            + "\(world.configuration.interfaces.count) Skype client API interfaces")
        let session = try world.bridgeSession()
        let credentials = try await session.credentials()
        try transcript.setup("login", "\(credentials.userID) signed in; tokens cached in the demo's state database")

        let skype = SkypeClient(session: session)
        let sync = try await ChannelSync.make(
            configuration: world.configuration, store: world.store, indexChannel: nil, environment: world.environment, logger: logger)
        let report = try await sync.run(try await BridgedChat.all(from: skype), dryRun: false)
        let created = report.items.filter { $0.action == .created }.map { "~" + $0.channelName }
        try transcript.setup("channels", "\(report.items.count) Skype chats → \(created.count) channels created (\(created.joined(separator: ", "))); index post in ~\(report.indexChannel)")

        let port = Mutex<Int?>(nil)
        let stop = AsyncStream<Void>.makeStream()
        let queue = SendAPIOutboxQueue()
        let service = try await BridgeService.make(
            configuration: world.configuration, session: session, store: world.store, environment: world.environment,
            routes: [try SendAPIRoutes.installer(settings: world.configuration.http, environment: world.environment, queue: queue, logger: logger)].compactMap { $0 },
            logger: logger)
        queue.bind(service.outbox)
        let bridge = Task { try await service.run(until: { for await _ in stop.stream { return } }, listening: { value in port.withLock { $0 = value } }) }
        let listening = try await DemoProbe.eventually("the bridge's HTTP listener", timeout: .seconds(30)) { port.withLock { $0 } }.value
        try transcript.setup("bridge", "running: Skype ⇄ Mattermost, HTTP send API and /metrics on 127.0.0.1:\(listening)")

        let scenario = try DemoScenario(world: world, transcript: transcript, apiPort: { port.withLock { $0 } })
        var memory = DemoMemory()
        var results: [DemoStepResult] = []
        for (number, step) in scenario.steps.enumerated() {
            try Task.checkCancellation()
            try transcript.step(number + 1, step.title)
            do {
                let detail = try await step.run(&memory)
                results.append(DemoStepResult(title: step.title, passed: true, detail: detail))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                try transcript.failure("\(error)")
                results.append(DemoStepResult(title: step.title, passed: false, detail: "\(error)"))
            }
        }
        try transcript.summary(results)
        if interactive {
            try await DemoPrompt(scenario: scenario, transcript: transcript).run()
        }
        stop.continuation.finish()
        _ = try await bridge.value
        return results.allSatisfy(\.passed)
    }
}
