/// Failures of the relay itself (the sides report their own errors).
public enum BridgeError: CategorizedError, Equatable, CustomStringConvertible {
    /// No side of this kind was configured.
    case missingSide(BridgeSideKind)
    /// The side cannot edit or delete, so the change cannot be relayed.
    case unsupported(action: String, side: BridgeSideKind)
    /// An edit or delete names a message that was never relayed.
    case notRelayed(RemoteMessageID)
    /// A setting the bridge needs is missing.
    case notConfigured(String)
    /// The bridge is not running yet, so nothing can be queued (the send API answers 503).
    case notRunning
    /// An outbox row names a file in a form this version cannot read.
    case badFileReference(String)

    public var category: ErrorCategory {
        switch self {
        case .missingSide: .config
        case .unsupported: .unavailable
        case .notRelayed: .notFound
        case .notConfigured: .config
        case .notRunning: .unavailable
        case .badFileReference: .dataError
        }
    }

    public var description: String {
        switch self {
        case let .missingSide(side): "no \(side) side is configured; check the [\(side)] section"
        case let .unsupported(action, side): "\(side) cannot \(action) messages"
        case let .notRelayed(id): "message \(id) was never relayed, so its copy cannot be changed"
        case let .notConfigured(detail): detail
        case .notRunning: "the bridge is not running yet"
        case let .badFileReference(reference): "not a file reference this version can read: \(reference)"
        }
    }
}
