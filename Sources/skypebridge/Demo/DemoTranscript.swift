import Foundation

/// The demo's live, two-sided transcript: what a person did on one side, and what arrived on
/// the other, with the time it took. Colour only when stdout is a terminal.
struct DemoTranscript: Sendable {
    /// Where a line happened.
    enum Place: String {
        case skype = "Skype"
        case mattermost = "Mattermost"
        case http = "HTTP API"
        case call = "Call"
    }

    let output: Output
    let colour: Bool

    init(output: Output, colour: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil) {
        self.output = output
        self.colour = colour
    }

    /// A setup line: `  sandbox   Skype web on …`.
    func setup(_ label: String, _ text: String) throws {
        try output.line("  " + paint(label.padding(toLength: 10, withPad: " ", startingAt: 0), "1") + text)
    }

    /// The heading of one scripted step.
    func step(_ number: Int, _ title: String) throws {
        try output.line("")
        try output.line(paint("\(number). \(title)", "1"))
    }

    /// Something a person did: `  Skype       alice → 8:bridge.bot   Hi!`.
    func action(_ place: Place, _ who: String, _ text: String) throws {
        try output.line("  " + paint(place.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0), place == .skype ? "34" : "35")
            + " " + who.padding(toLength: 24, withPad: " ", startingAt: 0) + " " + Self.oneLine(text))
    }

    /// What arrived on the other side, and how long it took.
    func arrival(_ place: Place, _ whereAndWho: String, _ text: String, after latency: Duration) throws {
        try output.line("  " + paint("↳ " + place.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0), place == .skype ? "34" : "35")
            + " " + whereAndWho.padding(toLength: 24, withPad: " ", startingAt: 0) + " " + Self.oneLine(text)
            + "  " + paint("✓ " + Self.milliseconds(latency), "32"))
    }

    /// A fact worth showing (a channel name, call statistics).
    func note(_ text: String) throws {
        try output.line("    " + paint(text, "2"))
    }

    /// A step that did not happen as scripted.
    func failure(_ text: String) throws {
        try output.line("  " + paint("✗ " + text, "31"))
    }

    /// The summary table: one line per step, then the verdict.
    func summary(_ results: [DemoStepResult]) throws {
        try output.line("")
        try output.line(paint("Summary", "1"))
        for result in results {
            let mark = result.passed ? paint("✓", "32") : paint("✗", "31")
            try output.line("  \(mark) \(result.title)" + (result.detail.isEmpty ? "" : " — " + result.detail))
        }
        let passed = results.filter(\.passed).count
        let verdict = "\(passed) of \(results.count) steps verified"
        try output.line(passed == results.count ? paint(verdict + ": everything arrived, exactly once.", "32") : paint(verdict + ".", "31"))
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func oneLine(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ⏎ ")
        return flat.count > 90 ? String(flat.prefix(89)) + "…" : flat
    }

    static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return ms < 10 ? String(format: "%.1f ms", ms) : String(format: "%.0f ms", ms)
    }
}

/// The outcome of one scripted step.
struct DemoStepResult: Sendable, Codable {
    let title: String
    let passed: Bool
    let detail: String
}
