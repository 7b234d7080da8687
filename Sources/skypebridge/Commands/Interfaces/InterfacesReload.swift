import ArgumentParser

/// `skypebridge interfaces reload`: add interfaces new in the config.
struct InterfacesReload: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Re-read the config and add new interfaces.",
        discussion: """
            Adds only interfaces that are new in the config; changes to existing ones are \
            reported, not applied. An interface that fails to attach is reported and the \
            others are left untouched.

            Example:
              skypebridge interfaces reload --json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "interfaces reload")
    }
}
