import ArgumentParser

/// `skypebridge interfaces remove`: remove an idle interface.
struct InterfacesRemove: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an idle interface.",
        discussion: """
            Names the interface by Skype user, #id or #name. A busy interface is refused with \
            its own exit code; an unknown one is 'not found'.

            Examples:
              skypebridge interfaces remove '#desk2'
              skypebridge interfaces remove live:callcenter
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("skype_user, #id or #name.", valueName: "interface"))
    var interface: String

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "interfaces remove")
    }
}
