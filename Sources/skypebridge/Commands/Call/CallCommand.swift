import ArgumentParser

/// `skypebridge call`: calls through Skype client API interfaces.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Place calls through Skype client API interfaces.",
        subcommands: [CallOriginate.self]
    )
}
