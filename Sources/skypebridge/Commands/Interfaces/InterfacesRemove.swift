import ArgumentParser
import SkypeBridgeCore

/// `skypebridge interfaces remove`: remove an idle interface.
struct InterfacesRemove: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an idle interface.",
        discussion: """
            Names the interface by Skype user (the first interface signed in as it), #id or \
            #name. An idle or down interface is removed from the state database (a later \
            'interfaces reload' adds it back if it is still configured). A busy interface is \
            refused with exit status 85; an unknown one is 'not found' (67).

            Examples:
              skypebridge interfaces remove '#desk2'
              skypebridge interfaces remove live:callcenter
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("skype_user, #id or #name.", valueName: "interface"))
    var interface: String

    func run(_ context: CommandContext) async throws {
        let configuration = try context.configuration()
        let manager = InterfaceManager(store: try context.openStore(), settings: configuration.interfaces, logger: context.logger)
        let removed = try await ExitCodes.mappingInterfaceErrors(context) { try manager.remove(InterfaceReference(interface)) }
        if output.json {
            try output.output.jsonLine(["removed": removed])
        } else {
            try output.output.line("removed interface \(removed.name) (#\(removed.id), \(removed.skypeUser))")
        }
    }
}
