import ArgumentParser
import Foundation

/// The `skypebridge` root command: only the subcommand list and the custom entry point that
/// gives usage errors exit code 2.
@main
struct SkypeBridge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skypebridge",
        abstract: "Bridge a Skype account to Mattermost, and script Skype from the shell.",
        discussion: """
            One binary, git-style subcommands, one local state database. Data goes to stdout \
            (text, or JSON with --json), logs to stderr (-v, -vv, -q). Secrets come from \
            environment variables or files named in the config, never from the command line.

            Quick start against the built-in sandbox:
              skypebridge sandbox --write-config sb.toml &
              skypebridge --config sb.toml config check

            Exit codes:
            \(ExitCodes.table)
            """,
        version: SkypeBridgeVersion.current,
        subcommands: [
            Login.self,
            Send.self,
            Listen.self,
            BridgeCommand.self,
            FriendsCommand.self,
            ChannelsCommand.self,
            CallCommand.self,
            InterfacesCommand.self,
            ConfigCommand.self,
            SandboxCommand.self,
            Demo.self,
        ]
    )

    static func main() async {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCodes.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
