import Foundation
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
        var lines = ["# Written by `skypebridge sandbox`: every URL points at the local emulators.", ""]
        if let skype = services["skype"] {
            lines.append("[skype]")
            if let bridge = skype.accounts.first(where: { $0.role == "bridge" }) {
                let secret = try writeSecret(bridge.secret, named: "skype-password", in: secretsDirectory)
                lines.append("username = \(quote(bridge.username))")
                lines.append("password_file = \(quote(secret))")
            }
            for (url, key) in Self.skypeURLKeys {
                if let value = skype.urls[url] {
                    lines.append("\(key) = \(quote(url == "asm" ? value + "/v1/objects" : value))")
                }
            }
            lines.append("")
        }
        if let mattermost = services["mattermost"] {
            lines.append("[mattermost]")
            if let base = mattermost.urls["base"] { lines.append("url = \(quote(base))") }
            if let websocket = mattermost.urls["websocket"] { lines.append("websocket_url = \(quote(websocket))") }
            if let team = mattermost.settings["team"] { lines.append("team = \(quote(team))") }
            if let bot = mattermost.accounts.first(where: { $0.role == "bot" }) {
                let secret = try writeSecret(bot.secret, named: "mattermost-token", in: secretsDirectory)
                lines.append("token_file = \(quote(secret))")
            }
            lines.append("")
        }
        if let clientAPI = services["client-api"] {
            let prefix = "endpoint."
            for key in clientAPI.urls.keys.sorted() where key.hasPrefix(prefix) {
                let name = String(key.dropFirst(prefix.count))
                lines.append("[interfaces.\(name)]")
                lines.append("endpoint = \(quote(clientAPI.urls[key] ?? ""))")
                if let user = clientAPI.settings["\(key).skype_user"] { lines.append("skype_user = \(quote(user))") }
                lines.append("")
            }
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private func writeSecret(_ secret: String, named name: String, in directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        try SecretFile.write(secret + "\n", to: absolute)
        return absolute
    }

    /// A TOML basic string.
    private func quote(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += String(format: "\\u%04X", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"\(escaped)\""
    }
}
