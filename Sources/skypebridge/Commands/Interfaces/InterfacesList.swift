import ArgumentParser
import SkypeBridgeCore

/// `skypebridge interfaces list`: every interface with its state and counters.
struct InterfacesList: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show every interface with its state, counters and current call.",
        discussion: """
            Probes each endpoint live (attached, and the signed-in user matches; otherwise the \
            interface is DOWN with the reason) and shows the state other commands recorded in \
            the state database, with '*' on the interface where the next round-robin search \
            starts. IB and OB count incoming and outgoing calls as failed/total: a call that \
            was never answered is failed. The first command that needs interfaces loads them \
            from the config; later config changes need 'interfaces reload'.

            Examples:
              skypebridge interfaces list
              skypebridge interfaces list --json | jq '.[] | select(.state == "IDLE")'
              skypebridge interfaces list --balances
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Also show each account's SkypeOut balance.")
    var balances = false

    func run(_ context: CommandContext) async throws {
        let configuration = try context.configuration()
        let manager = InterfaceManager(store: try context.openStore(), settings: configuration.interfaces, logger: context.logger)
        let lines = try await manager.list(probe: true, balances: balances).map(InterfaceListLine.init)
        if output.json {
            try output.output.jsonLine(lines)
            return
        }
        var header = ["F", "ID", "NAME", "SKYPE USER", "STATE", "IB (F/T)", "OB (F/T)", "CALL"]
        if balances { header.append("BALANCE") }
        header.append("PROBE")
        let rows = lines.map { line in
            var row = [
                line.roundRobinNext ? "*" : " ", "\(line.id)", line.name, line.skypeUser, line.state,
                "\(line.inboundFailed)/\(line.inboundTotal)", "\(line.outboundFailed)/\(line.outboundTotal)", line.callText,
            ]
            if balances { row.append(line.balanceText) }
            row.append(line.attached == true ? "attached" : line.reason ?? "-")
            return row
        }
        try output.output.line(TextTable.render(header: header, rows: rows))
        let total = { (key: KeyPath<InterfaceListLine, Int>) in lines.reduce(0) { $0 + $1[keyPath: key] } }
        try output.output.line(
            "\nTotal interfaces: \(lines.count)  IB calls (failed/total): \(total(\.inboundFailed))/\(total(\.inboundTotal))"
                + "  OB calls (failed/total): \(total(\.outboundFailed))/\(total(\.outboundTotal))")
    }
}
