import Logging

extension Sandbox {
    /// The emulators `skypebridge sandbox` runs, in start order.
    /// Each emulator adds itself here with one line.
    public static func defaultServices(options: Options, logger: Logger) -> [any SandboxService] {
        [
            SkypeWebEmulator(options: .init(port: options.ports["skype"] ?? 0), logger: logger),
            MattermostEmulator(options: .init(port: options.ports["mattermost"] ?? 0), logger: logger),
            SkypeClientAPIEmulator(controlPort: options.ports["client-api"] ?? 0, logger: logger),
        ]
    }
}
