/// The id a Skype client gives a call (`CALL <id> …`); unique while that client runs.
public struct SkypeCallID: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The positive integer on the wire.
    public let rawValue: Int

    /// Wraps a wire id.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Parses the decimal id of a wire message; nil when it is not a positive integer.
    public init?(_ text: some StringProtocol) {
        guard let value = Int(text), value > 0 else { return nil }
        rawValue = value
    }

    /// The decimal form used on the wire.
    public var description: String { String(rawValue) }
}
