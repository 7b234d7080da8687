import Foundation
import SkypeBridgeCore
import SkypeBridgeSandbox

/// The config file `sandbox --write-config` writes: every base URL pointing at the running
/// emulators, the bridge accounts, and secrets in `0600` files beside it (never inline).
struct SandboxConfigFile {
    /// What each running emulator offers, keyed by service name.
    let services: [String: SandboxServiceInfo]

    /// Skype URL names the emulator reports, and the `[skype]` key each one sets.
    static let skypeURLKeys: [(url: String, key: String)] = [
        ("login", "login_url"), ("msacc", "msacc_url"), ("edge", "edge_url"), ("api", "api_url"),
        ("contacts", "contacts_url"), ("messaging", "messaging_url"), ("asm", "asm_url"), ("profile", "profile_url"),
    ]

    /// Writes the config to `path` and its secrets to `path.secrets/`.
    func write(to path: String) throws {
        let secretsDirectory = path + ".secrets"
        try FileManager.default.createDirectory(atPath: secretsDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var document = TOMLDocumentWriter()
        document.comment("Written by `skypebridge sandbox`: every URL points at the local emulators.")
        if let skype = services["skype"] {
            document.section("skype")
            if let bridge = skype.accounts.first(where: { $0.role == "bridge" }) {
                document.string("username", bridge.username)
                document.string("password_file", try writeSecret(bridge.secret, named: "skype-password", in: secretsDirectory))
            }
            for (url, key) in Self.skypeURLKeys {
                if let value = skype.urls[url] { document.string(key, url == "asm" ? value + "/v1/objects" : value) }
            }
        }
        if let mattermost = services["mattermost"] {
            document.section("mattermost")
            if let base = mattermost.urls["base"] { document.string("url", base) }
            if let websocket = mattermost.urls["websocket"] { document.string("websocket_url", websocket) }
            if let team = mattermost.settings["team"] { document.string("team", team) }
            if let bot = mattermost.accounts.first(where: { $0.role == "bot" }) {
                document.string("token_file", try writeSecret(bot.secret, named: "mattermost-token", in: secretsDirectory))
            }
        }
        if let clientAPI = services["client-api"] {
            let prefix = "endpoint."
            for key in clientAPI.urls.keys.sorted() where key.hasPrefix(prefix) {
                document.section("interfaces.\(key.dropFirst(prefix.count))")
                document.string("endpoint", clientAPI.urls[key] ?? "")
                if let user = clientAPI.settings["\(key).skype_user"] { document.string("skype_user", user) }
            }
        }
        try Data(document.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private func writeSecret(_ secret: String, named name: String, in directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        try SecretFile.write(secret + "\n", to: absolute)
        return absolute
    }
}
