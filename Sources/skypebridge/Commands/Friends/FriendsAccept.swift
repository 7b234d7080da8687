import ArgumentParser

/// `skypebridge friends accept`: list, accept or decline pending contact requests.
struct FriendsAccept: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "List, accept or decline pending contact requests.",
        discussion: """
            With user names, accepts those requests; with --all, every pending one; with \
            --list (or nothing), only shows them. Accepting twice is not an error.

            Examples:
              skypebridge friends accept --list --json
              skypebridge friends accept live:carol
              skypebridge friends accept --all --decline live:spammer
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Users whose requests to accept.", valueName: "user"))
    var users: [String] = []

    @Flag(help: "Accept every pending request.")
    var all = false

    @Flag(help: "Only list pending requests.")
    var list = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Users whose requests to decline.", valueName: "user"))
    var decline: [String] = []

    func validate() throws {
        if list && (all || !users.isEmpty || !decline.isEmpty) {
            throw ValidationError("--list only shows requests; drop it to accept or decline.")
        }
        if all && !users.isEmpty { throw ValidationError("--all accepts everyone; do not also name users.") }
        if let both = Set(users).intersection(decline).first {
            throw ValidationError("'\(both)' is both accepted and declined.")
        }
    }

    func run(_ context: CommandContext) async throws {
        throw CommandError.notImplemented(command: "friends accept")
    }
}
