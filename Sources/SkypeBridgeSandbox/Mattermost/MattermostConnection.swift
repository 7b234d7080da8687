/// One WebSocket connection id's state: its owner, event numbering and the buffer resume replays from.
///
/// The record outlives the socket (it goes offline with `continuation == nil`) so a client that
/// reconnects with `connection_id` and `sequence_number` can pick up where it left off.
struct MattermostConnection: Sendable {
    let id: MattermostConnectionID
    let userId: MattermostUserID
    /// The `seq` the next event gets.
    var nextSeq = 0
    /// The most recent events sent or queued, oldest first.
    var buffer: [(seq: Int, frame: String)] = []
    /// Where frames go while a socket is attached.
    var continuation: AsyncStream<MattermostSocketFrame>.Continuation?
    /// Which attachment of this id is live; a stale session's disconnect must not detach a newer one.
    var attachment = 0
    var lastActive = ContinuousClock.now

    /// Numbers a frame body (an event's JSON without its closing brace), buffers it and sends it if attached.
    mutating func deliver(_ body: String, bufferSize: Int) {
        let frame = body + ",\"seq\":\(nextSeq)}"
        buffer.append((nextSeq, frame))
        if buffer.count > bufferSize { buffer.removeFirst(buffer.count - bufferSize) }
        nextSeq += 1
        continuation?.yield(.text(frame))
    }
}
