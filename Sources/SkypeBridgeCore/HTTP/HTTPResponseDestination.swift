/// Where an ``HTTPTransport`` puts a response body.
public enum HTTPResponseDestination: Sendable, Equatable {
    /// In memory, failing with ``HTTPError/tooLarge(limit:)`` beyond `maxBytes`.
    case memory(maxBytes: Int = HTTPResponseDestination.defaultMaxBytes)
    /// Streamed to the file at `path` (created or truncated, mode 0600) as it arrives, so memory
    /// use stays flat. Only a 2xx body is written there; any other status keeps its (short) body in
    /// memory, so an error page never lands in the file. A body longer than `maxBytes` fails the
    /// request with ``HTTPError/tooLarge(limit:)`` and removes the partial file.
    case file(path: String, maxBytes: Int64 = .max)

    /// The default in-memory limit: 16 MiB.
    public static let defaultMaxBytes = 16 << 20
}
