/// What a WebSocket session is told to write: a text frame, or a normal (1000) close.
enum MattermostSocketFrame: Sendable, Equatable {
    case text(String)
    case close
}
