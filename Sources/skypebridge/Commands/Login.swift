import ArgumentParser
import Foundation
import SkypeBridgeCore

/// `skypebridge login`: sign in to Skype and cache the tokens in the state database.
struct Login: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in to Skype and cache the tokens.",
        discussion: """
            The password is read from $SKYPEBRIDGE_SKYPE_PASSWORD (or the config's \
            password_env / password_file), from stdin with --password-stdin, or from a no-echo \
            prompt on a terminal; never from the command line. The skypetoken and registration \
            token are cached in the state database, so later commands reuse them; with a \
            still-valid token, login makes no request.

            Examples:
              SKYPEBRIDGE_SKYPE_PASSWORD="$(pass show skype)" skypebridge login --username live:alice
              pass show skype | skypebridge login --password-stdin
              skypebridge login --status --json
              skypebridge login --import-token-file ~/.skpy-token
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Skype account (default: [skype] username in the config).")
    var username: String?

    @Flag(help: "Read the password from the first line of stdin.")
    var passwordStdin = false

    @Flag(help: "Show the cached account, token expiry and messaging host; no sign-in.")
    var status = false

    @Flag(help: "Forget the cached tokens of the account.")
    var logout = false

    @Option(help: ArgumentHelp("Import a skpy token file (six lines) instead of signing in.", valueName: "path"), completion: .file())
    var importTokenFile: String?

    @Option(help: ArgumentHelp("Write the cached tokens as a skpy token file (mode 0600).", valueName: "path"), completion: .file())
    var exportTokenFile: String?

    func validate() throws {
        let modes = [status, logout, importTokenFile != nil].filter { $0 }.count
        if modes > 1 {
            throw ValidationError("--status, --logout and --import-token-file are separate actions; pick one.")
        }
        if passwordStdin && (status || logout || importTokenFile != nil) {
            throw ValidationError("--password-stdin only applies when signing in.")
        }
    }

    func run(_ context: CommandContext) async throws {
        let password = passwordStdin ? try PasswordPrompt.firstLineOfStdin() : nil
        let session = try context.skypeSession(username: username, password: password)
        let account = try username ?? context.configuration().skype.username ?? ""
        if logout {
            let forgot = try await session.forget()
            try output.output.line(forgot ? "forgot the cached tokens of \(account)" : "no cached tokens for \(account)")
            return
        }
        let credentials: SkypeCredentials
        if status {
            guard let cached = try await session.cachedCredentials() else { throw SkypeError.notSignedIn(account) }
            credentials = cached
        } else if let importTokenFile {
            credentials = try SkypeTokenFile.parse(String(contentsOfFile: importTokenFile, encoding: .utf8))
            try await session.adopt(credentials)
        } else if passwordStdin {
            credentials = try await session.signInNow()
        } else {
            credentials = try await session.credentials()
        }
        if let exportTokenFile {
            try SecretFile.write(try SkypeTokenFile.render(credentials), to: exportTokenFile)
        }
        try LoginStatus(account: account, credentials: credentials).print(to: output)
    }
}
