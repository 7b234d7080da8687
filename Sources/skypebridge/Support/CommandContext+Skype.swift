import Foundation
import SkypeBridgeCore

extension CommandContext {
    /// A Skype session from the configuration, sharing tokens through the state database.
    /// - Parameters:
    ///   - username: `--username`, overriding `[skype] username`.
    ///   - password: a password obtained by the command (stdin); otherwise the configured
    ///     reference, then a no-echo prompt when stdin is a terminal.
    ///   - access: how the session's state store is shared (``openStore(access:)``).
    func skypeSession(username: String? = nil, password: String? = nil, access: StateStore.Access = .single) throws -> SkypeSession {
        let configuration = try configuration()
        let reference = configuration.skype.password
        let environment = environment
        let logger = logger
        let account = username ?? configuration.skype.username ?? ""
        let source: @Sendable () throws -> String? = {
            if let password { return password }
            do {
                return try reference.resolve(environment: environment, logger: logger)
            } catch {
                guard isatty(STDIN_FILENO) == 1 else { throw error }
                return try PasswordPrompt.read("Skype password for \(account): ")
            }
        }
        return try SkypeSession.make(
            settings: configuration.skype, username: username, store: try openStore(access: access),
            environment: environment, password: source, logger: logger
        )
    }
}
