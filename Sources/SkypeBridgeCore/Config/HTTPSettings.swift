/// The `[http]` section: the optional local HTTP API for sending messages, and metrics.
public struct HTTPSettings: Sendable, Hashable {
    /// One entry of `[http.keys]`: a named API key whose value is found through a reference.
    public struct APIKey: Sendable, Hashable {
        /// The key's name, used in logs and metrics instead of the key.
        public var name: String
        /// Where the key itself is found.
        public var secret: SecretReference

        /// Creates a named API key reference.
        public init(name: String, secret: SecretReference) {
            self.name = name
            self.secret = secret
        }
    }

    /// `enabled` (false): run the HTTP API during `bridge run`.
    public var enabled: Bool
    /// `listen` (`"127.0.0.1:8080"`): the address to listen on.
    public var listen: ListenAddress
    /// `max_body_size` (`"1MiB"`): larger request bodies are refused.
    public var maxBodySize: ByteSize
    /// `rate_limit` (60): requests per minute allowed per API key, at least 1.
    public var rateLimit: Int
    /// `metrics` (true): serve Prometheus metrics at `/metrics`.
    public var metrics: Bool
    /// `[http.keys]`: the API keys, in file order.
    public var keys: [APIKey]

    /// Creates HTTP settings; every parameter defaults to the documented default.
    public init(
        enabled: Bool = false,
        listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 8080),
        maxBodySize: ByteSize = .mebibytes(1),
        rateLimit: Int = 60,
        metrics: Bool = true,
        keys: [APIKey] = []
    ) {
        self.enabled = enabled
        self.listen = listen
        self.maxBodySize = maxBodySize
        self.rateLimit = rateLimit
        self.metrics = metrics
        self.keys = keys
    }
}
