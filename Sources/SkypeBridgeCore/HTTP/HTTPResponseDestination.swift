/// Where an ``HTTPTransport`` puts a response body.
public enum HTTPResponseDestination: Sendable, Equatable {
    /// In memory, failing with ``HTTPError/tooLarge(limit:)`` beyond `maxBytes`.
    case memory(maxBytes: Int = HTTPResponseDestination.defaultMaxBytes)
    /// Streamed to the file at `path` (created or truncated, mode 0600) as it arrives, so memory
    /// use stays flat. Only a 2xx body is written there; any other status keeps its (short) body in
    /// memory, so an error page never lands in the file.
    case file(path: String)

    /// The default in-memory limit: 16 MiB.
    public static let defaultMaxBytes = 16 << 20
}
