import ArgumentParser

/// `skypebridge demo`: the whole product on the embedded sandbox.
struct Demo: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the sandbox, the bridge and a scripted conversation, printed live.",
        discussion: """
            Starts the emulators in-process, signs in, syncs channels, runs the bridge and \
            plays a conversation that touches every feature, then prints what was verified. \
            Exit 0 only when every step was seen arriving.

            Examples:
              skypebridge demo
              skypebridge demo --interactive
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Keep running and let a person type as a Skype or Mattermost user.")
    var interactive = false

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "demo")
    }
}
