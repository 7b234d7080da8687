import ArgumentParser
import SkypeBridgeCore

/// `skypebridge interfaces reload`: add interfaces new in the config.
struct InterfacesReload: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Re-read the config and add new interfaces.",
        discussion: """
            Adds only interfaces that are new in the config, once they attach; changes to \
            existing ones are reported, not applied (remove, then reload, to change one). \
            Interfaces no longer in the config keep running until removed. A new interface \
            that fails to attach is reported and not added, the others are left untouched, \
            and the exit status is 69.

            Example:
              skypebridge interfaces reload --json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run(_ context: CommandContext) async throws {
        let configuration = try context.configuration()
        let manager = InterfaceManager(store: try context.openStore(), settings: configuration.interfaces, logger: context.logger)
        let report = try await manager.reload()
        if output.json {
            try output.output.jsonLine(report)
        } else {
            var lines = report.added.map { "added \($0)" }
            lines += report.failed.map { "failed \($0.name): \($0.reason)" }
            lines += report.changed.map { "changed \($0.name) (not applied): \($0.differences.joined(separator: ", "))" }
            lines += report.notInConfig.map { "kept \($0) (no longer in the config)" }
            if !report.unchanged.isEmpty { lines.append("unchanged \(report.unchanged.joined(separator: ", "))") }
            try output.output.line(lines.isEmpty ? "no interfaces configured" : lines.joined(separator: "\n"))
        }
        if !report.failed.isEmpty { throw ExitCode(ExitCodes.unavailable.rawValue) }
    }
}
