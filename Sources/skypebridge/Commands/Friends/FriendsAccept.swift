import ArgumentParser
import SkypeBridgeCore

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
        let client = SkypeClient(session: try context.skypeSession())
        let pending = try await client.contactRequests()
        if list || (!all && users.isEmpty && decline.isEmpty) {
            return try FriendsReport.print(pending, to: output)
        }
        let pendingUsers = Set(pending.map(\.user.rawValue))
        let accepting = all ? pending.map(\.user.rawValue).filter { !decline.contains($0) } : users
        var outcomes: [FriendOutcome] = []
        for user in accepting {
            outcomes.append(try await FriendOutcome.settle(user, pending: pendingUsers, client: client, accept: true))
        }
        for user in decline {
            outcomes.append(try await FriendOutcome.settle(user, pending: pendingUsers, client: client, accept: false))
        }
        try FriendsReport.print(outcomes, to: output)
    }
}
