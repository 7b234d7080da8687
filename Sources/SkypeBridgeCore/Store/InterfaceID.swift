/// The number the state database gives an interface (`#id` in `interfaces remove`); stable
/// while the interface exists, never reused for another name while it does.
public struct InterfaceID: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The row id.
    public let rawValue: Int64

    /// Wraps a row id.
    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// The decimal form shown in tables.
    public var description: String { String(rawValue) }

    public static func < (lhs: InterfaceID, rhs: InterfaceID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
