/// What the ``EchoGuard`` decided about an inbound message.
public enum EchoVerdict: Sendable, Hashable {
    /// Relay it.
    case relay
    /// It is the echo of a relay of the bridge's own (layer 2): relay nothing, and complete
    /// that outbox row with the message's id when it is still pending (the row is given then).
    case echo(OutboxEntry?)
    /// Do not relay it, for `reason` (a short label for logs and metrics).
    case drop(reason: String)
}
