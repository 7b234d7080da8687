import ArgumentParser
import SkypeBridgeCore

/// `skypebridge demo`: the whole product on the embedded sandbox.
struct Demo: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the sandbox, the bridge and a scripted conversation, printed live.",
        discussion: """
            Starts the emulators in-process, signs in, syncs channels, runs the bridge (with \
            its HTTP send API) and plays a conversation that touches every feature — 1:1 and \
            group text, an emoticon, bold, a link, a mention, an edit, a delete, a threaded \
            reply that becomes a Skype quote, a friend request that becomes a channel, a message \
            through the HTTP send API and an echo123 call — printing both sides as they happen, \
            then a summary. Nothing outside a temporary directory is touched; --config and \
            --state are ignored.

            Exit status: 0 only when every step was seen arriving; 1 when one was not; 130 on \
            Ctrl-C.

            Examples:
              skypebridge demo
              skypebridge demo --interactive
              NO_COLOR=1 skypebridge demo > transcript.txt
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "After the script, keep running and let a person type as a Skype or Mattermost user.")
    var interactive = false

    func run(_ context: CommandContext) async throws {
        let runner = DemoRunner(transcript: DemoTranscript(output: Output(json: false)), interactive: interactive, logger: context.logger)
        let passed = try await withThrowingTaskGroup(of: Bool?.self) { group in
            group.addTask { try await runner.run() }
            group.addTask { await TerminationSignals.wait() == nil ? false : nil }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let passed else { throw ExitCode(ExitCodes.interrupted.rawValue) }
        if !passed { throw ExitCode(ExitCodes.failure.rawValue) }
    }
}
