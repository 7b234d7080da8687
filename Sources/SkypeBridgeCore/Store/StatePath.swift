/// Where the state database lives: `--state`, then `$SKYPEBRIDGE_STATE`, then
/// `$XDG_STATE_HOME/skypebridge/state.sqlite` (XDG default `~/.local/state`).
public enum StatePath {
    /// Resolves the state file path from an explicit option and the environment.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["SKYPEBRIDGE_STATE"], !fromEnvironment.isEmpty { return fromEnvironment }
        let stateHome = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? "/root") + "/.local/state"
        return stateHome + "/skypebridge/state.sqlite"
    }
}
