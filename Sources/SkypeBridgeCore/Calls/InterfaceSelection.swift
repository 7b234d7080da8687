/// Which interface a call should go out through.
public enum InterfaceSelection: Sendable, Hashable, CustomStringConvertible {
    /// The interface of this name (exact match).
    case named(String)
    /// Round robin: the first idle interface from the cursor, which then moves past it.
    case roundRobin

    /// Parses `--interface`: `RR` or `ANY` (any case) mean round robin, anything else is a name.
    public init(_ text: String) {
        let upper = text.uppercased()
        self = upper == "RR" || upper == "ANY" ? .roundRobin : .named(text)
    }

    /// `RR` or the name.
    public var description: String {
        switch self {
        case .roundRobin: "RR"
        case let .named(name): name
        }
    }
}
