extension Duration {
    /// The units a configuration duration may use, largest first, with their length in milliseconds.
    private static let configUnits: [(suffix: String, milliseconds: Int64)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ]

    /// Parses a configuration duration: `"500ms"`, `"30s"`, `"5m"`, `"12h"`, `"1d"`, or a sequence
    /// of those such as `"1h30m"`. Returns nil for anything else (negative, fractional, empty).
    public init?(configText text: String) {
        var remaining = Substring(text)
        var total: Int64 = 0
        guard !remaining.isEmpty else { return nil }
        while !remaining.isEmpty {
            let digits = remaining.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, let amount = Int64(digits) else { return nil }
            remaining = remaining.dropFirst(digits.count)
            let letters = remaining.prefix(while: { $0.isASCII && $0.isLetter })
            guard let unit = Self.configUnits.first(where: { $0.suffix == letters }) else { return nil }
            remaining = remaining.dropFirst(letters.count)
            let (part, partOverflow) = amount.multipliedReportingOverflow(by: unit.milliseconds)
            let (sum, sumOverflow) = total.addingReportingOverflow(part)
            guard !partOverflow, !sumOverflow else { return nil }
            total = sum
        }
        self = .milliseconds(total)
    }

    /// Creates a duration from a whole number of seconds as written in a configuration file;
    /// nil when negative or too large.
    init?(configSeconds seconds: Int) {
        guard seconds >= 0, Int64(seconds).multipliedReportingOverflow(by: 1_000).overflow == false else {
            return nil
        }
        self = .seconds(seconds)
    }

    /// The duration in the shortest form ``init(configText:)`` reads back exactly, such as `"30s"`
    /// or `"90m"`; sub-millisecond parts are dropped.
    public var configText: String {
        let milliseconds = components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
        guard milliseconds != 0 else { return "0s" }
        let unit = Self.configUnits.first { milliseconds % $0.milliseconds == 0 } ?? Self.configUnits[4]
        return "\(milliseconds / unit.milliseconds)\(unit.suffix)"
    }
}
