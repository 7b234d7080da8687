/// What an interface is doing, as the state database records it (after mod_skypopen's states).
public enum InterfaceState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Free for a call.
    case idle = "IDLE"
    /// The last attach failed (client unreachable, access refused, wrong user); round robin
    /// skips it until a probe (`interfaces list`, `interfaces reload`, a monitor) attaches again.
    case down = "DOWN"
    /// Picked for a call that is not placed yet.
    case selected = "SELECTED"
    /// An outgoing call is being placed or routed (UNPLACED, ROUTING, EARLYMEDIA).
    case dialing = "DIALING"
    /// Our outgoing call rings at the far end.
    case ringing = "RINGING"
    /// An incoming call rings here and is being handled.
    case incoming = "INCOMING"
    /// A call is in progress.
    case up = "UP"
    /// Hanging up; back to IDLE when the call has ended.
    case hangingUp = "HANGUP"

    /// True when a call owns the interface.
    public var isBusy: Bool {
        self != .idle && self != .down
    }
}
