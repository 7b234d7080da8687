import ArgumentParser
import Foundation
import SkypeBridgeCore
import SkypeBridgeSandbox

/// `skypebridge sandbox`: run the local emulators until stopped.
struct SandboxCommand: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run local emulators of Skype and Mattermost for tests and demos.",
        discussion: """
            Serves emulators of the Skype web service, the Mattermost server and the Skype \
            client API on loopback, with seeded people on both sides, until SIGINT or SIGTERM. \
            Prints the URLs and accounts (one JSON line with --json). With --write-config, \
            writes a config file (and its secret files, mode 0600) that the other commands \
            use as is.

            Examples:
              skypebridge sandbox --write-config sb.toml
              skypebridge sandbox --json --skype-port 8701 --mattermost-port 8702
              skypebridge sandbox --persist sandbox-state.json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port of the Skype web emulator (0 = any free port).")
    var skypePort = 0

    @Option(help: "Port of the Mattermost emulator (0 = any free port).")
    var mattermostPort = 0

    @Option(help: "Port of the Skype client API emulator (0 = any free port).")
    var clientApiPort = 0

    @Option(help: ArgumentHelp("Write a ready-to-use config file here.", valueName: "path"), completion: .file(extensions: ["toml"]))
    var writeConfig: String?

    @Option(help: ArgumentHelp("Keep the emulators' state in this file across restarts.", valueName: "path"), completion: .file())
    var persist: String?

    func validate() throws {
        for (name, port) in [("--skype-port", skypePort), ("--mattermost-port", mattermostPort), ("--client-api-port", clientApiPort)]
        where !(0...65535).contains(port) {
            throw ValidationError("\(name) must be between 0 and 65535.")
        }
    }

    func run(_ context: CommandContext) async throws {
        let options = Sandbox.Options(
            host: host,
            ports: ["skype": skypePort, "mattermost": mattermostPort, "client-api": clientApiPort],
            persistPath: persist
        )
        let sandbox = Sandbox(options: options, services: Sandbox.defaultServices(options: options, logger: context.logger), logger: context.logger)
        let infos = try await sandbox.start()
        do {
            if let writeConfig {
                try SandboxConfigFile(services: infos).write(to: writeConfig)
            }
            if output.json {
                try output.output.jsonLine(infos)
            } else {
                try output.output.line(SandboxBanner.render(infos, configPath: writeConfig))
            }
        } catch {
            await sandbox.stop()
            throw error
        }
        context.logger.info("sandbox ready", metadata: ["sb.services": "\(infos.keys.sorted().joined(separator: ","))"])
        let signal = await TerminationSignals.wait()
        await sandbox.stop()
        context.logger.notice("sandbox stopped cleanly", metadata: ["sb.signal": "\(signal ?? "cancelled")"])
    }
}
