import ArgumentParser

/// `--json` on every command that prints data.
struct OutputOptions: ParsableArguments, Sendable {
    @Flag(name: .long, help: "Print JSON for scripts (NDJSON, one object per line, for streams).")
    var json = false

    /// The writer for this command's stdout.
    var output: Output { Output(json: json) }
}
