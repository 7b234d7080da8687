/// One chat network as the bridge sees it (matterbridge's `Bridger`): connect, a stream of
/// events, send, disconnect. A side only translates between its wire format and
/// ``BridgeMessage``/``OutgoingMessage``; it never calls the router, never decides what is
/// relayed, and recovers its own connection (reporting ``BridgeEvent/reconnected``).
/// Optional abilities are extra protocols (``EditingSide``, ``DeletingSide``,
/// ``BackfillingSide``, ``ReconcilingSide``, ``MessageFetchingSide``, ``ContactAcceptingSide``),
/// which the router checks with `as?`.
public protocol BridgeSide: Sendable {
    /// Which side this is.
    var kind: BridgeSideKind { get }

    /// Signs in and checks the account; does not start receiving events.
    /// - Throws: the side's error when the service or the credentials are unusable.
    func connect() async throws

    /// The side's events, oldest first, until ``disconnect()``. Called once; the stream
    /// reconnects on its own and does not end on network failures.
    func events() -> AsyncStream<BridgeEvent>

    /// Posts one message.
    /// - Returns: the id the side gave the posted message.
    /// - Throws: when the side refused it or could not be reached (the outbox retries).
    func send(_ message: OutgoingMessage) async throws -> RemoteMessageID

    /// Stops the event stream and closes connections; sends already started may finish.
    func disconnect() async
}
