import Logging

extension Sandbox {
    /// The emulators `skypebridge sandbox` runs, in start order.
    /// Each emulator adds itself here with one line.
    public static func defaultServices(options: Options, logger: Logger) -> [any SandboxService] {
        [
            SkypeClientAPIEmulator(controlPort: options.ports["client-api"] ?? 0, logger: logger),
        ]
    }
}
