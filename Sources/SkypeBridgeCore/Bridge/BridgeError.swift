/// Failures of the relay itself (the sides report their own errors).
public enum BridgeError: CategorizedError, Equatable, CustomStringConvertible {
    /// No side of this kind was configured.
    case missingSide(BridgeSideKind)
    /// The side cannot edit or delete, so the change cannot be relayed.
    case unsupported(action: String, side: BridgeSideKind)
    /// An edit or delete names a message that was never relayed.
    case notRelayed(RemoteMessageID)

    public var category: ErrorCategory {
        switch self {
        case .missingSide: .config
        case .unsupported: .unavailable
        case .notRelayed: .notFound
        }
    }

    public var description: String {
        switch self {
        case let .missingSide(side): "no \(side) side is configured; check the [\(side)] section"
        case let .unsupported(action, side): "\(side) cannot \(action) messages"
        case let .notRelayed(id): "message \(id) was never relayed, so its copy cannot be changed"
        }
    }
}
