import ArgumentParser

/// `skypebridge interfaces list`: every interface with its state and counters.
struct InterfacesList: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show every interface with its state, counters and current call.",
        discussion: """
            Probes each endpoint live (attached, and the signed-in user matches) and shows the \
            state other commands recorded in the state database, with '*' on the round-robin \
            cursor.

            Examples:
              skypebridge interfaces list
              skypebridge interfaces list --json | jq '.[] | select(.state == "IDLE")'
              skypebridge interfaces list --balances
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Also show each account's SkypeOut balance.")
    var balances = false

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "interfaces list")
    }
}
