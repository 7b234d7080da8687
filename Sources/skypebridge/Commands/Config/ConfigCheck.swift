import ArgumentParser
import Foundation
import SkypeBridgeCore

/// `skypebridge config check`: validate the configuration file.
struct ConfigCheck: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration file.",
        discussion: """
            Exits 0 when the file is valid. Otherwise prints FILE:LINE: what is wrong (unknown \
            keys with a suggestion, wrong types, values out of range) and exits 78.

            Examples:
              skypebridge config check
              skypebridge --config /etc/skypebridge/config.toml config check
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run(_ context: CommandContext) async throws {
        let location = context.configLocation
        let configuration = try context.configuration()
        let exists = FileManager.default.fileExists(atPath: location.path)
        let summary = ConfigSummary(path: location.path, exists: exists, interfaces: configuration.interfaces.map(\.name))
        if output.json {
            try output.output.jsonLine(summary)
        } else if exists {
            try output.output.line("\(location.path): ok (\(summary.interfaces.count) interface(s))")
        } else {
            try output.output.line("\(location.path): not found; the defaults are valid")
        }
    }
}

/// What `config check --json` prints.
struct ConfigSummary: Encodable {
    var path: String
    var exists: Bool
    var interfaces: [String]
}
