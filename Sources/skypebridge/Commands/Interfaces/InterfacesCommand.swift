import ArgumentParser

/// `skypebridge interfaces`: the Skype client API interfaces used for calls.
struct InterfacesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interfaces",
        abstract: "List, reload and remove Skype client API interfaces.",
        subcommands: [InterfacesList.self, InterfacesReload.self, InterfacesRemove.self]
    )
}
