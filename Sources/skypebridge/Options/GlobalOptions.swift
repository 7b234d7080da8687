import ArgumentParser

/// Options every command takes: where the config and the state live, and how much to log.
struct GlobalOptions: ParsableArguments, Sendable {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Configuration file.",
            discussion: "Default: $SKYPEBRIDGE_CONFIG, then $XDG_CONFIG_HOME/skypebridge/config.toml.",
            valueName: "path"
        ),
        completion: .file(extensions: ["toml"])
    )
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "State database (tokens, links, outbox).",
            discussion: "Default: $SKYPEBRIDGE_STATE, then $XDG_STATE_HOME/skypebridge/state.sqlite.",
            valueName: "path"
        ),
        completion: .file()
    )
    var state: String?

    @OptionGroup(title: "Logging")
    var logging: LoggingOptions
}
