/// One row of `interfaces list`: the interface as the state database has it, whether the
/// round-robin cursor points at it, and what a live probe found.
public struct InterfaceStatus: Sendable, Hashable, Codable {
    /// The stored interface (its state already reflects the probe when no call owns it).
    public var interface: InterfaceRecord
    /// Whether the next round-robin search starts here.
    public var isCursor: Bool
    /// The live probe, when one ran.
    public var probe: InterfaceProbe?

    enum CodingKeys: String, CodingKey {
        case interface, probe
        case isCursor = "round_robin_next"
    }
}
