/// What a WebSocket session is told to write: a text frame, or a close.
enum MattermostSocketFrame: Sendable, Equatable {
    case text(String)
    /// A normal close (1000), or with `abnormal` a 1011 close that clients treat like a dropped connection.
    case close(abnormal: Bool)
}
