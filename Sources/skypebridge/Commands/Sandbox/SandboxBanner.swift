import SkypeBridgeSandbox

/// The text `skypebridge sandbox` prints for people: each service's URLs and accounts.
enum SandboxBanner {
    static func render(_ services: [String: SandboxServiceInfo], configPath: String?) -> String {
        var lines = ["skypebridge sandbox is running (Ctrl-C to stop)"]
        if services.isEmpty {
            lines.append("  no emulators are built into this version")
        }
        for name in services.keys.sorted() {
            guard let info = services[name] else { continue }
            lines.append("")
            lines.append("\(name):")
            for key in info.urls.keys.sorted() {
                lines.append("  \(key.padding(toLength: 10, withPad: " ", startingAt: 0)) \(info.urls[key] ?? "")")
            }
            for (key, value) in info.settings.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(key.padding(toLength: 10, withPad: " ", startingAt: 0)) \(value)")
            }
            for account in info.accounts {
                lines.append("  account    \(account.username) (\(account.role)) secret: \(account.secret)")
            }
        }
        if let configPath {
            lines.append("")
            lines.append("config written to \(configPath); try: skypebridge --config \(configPath) config check")
        }
        return lines.joined(separator: "\n")
    }
}
