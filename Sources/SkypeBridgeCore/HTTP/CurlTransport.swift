import CCurl
import Logging

/// The ``HTTPTransport`` over the system libcurl.
///
/// All requests share one curl multi handle run by one thread (see ``CurlMultiDriver``): idle
/// connections are kept alive and reused, and any number of transfers run concurrently without a
/// thread each. Each request is retried under the configuration's ``RetryPolicy``. Every attempt
/// is logged at debug level with secrets redacted (see ``Redaction``).
public final class CurlTransport: HTTPTransport {
    /// The settings every request uses.
    public let configuration: HTTPClientConfiguration
    private let logger: Logger
    private let driver: CurlMultiDriver
    private let retrier: HTTPRetrier

    private static let globalInit: CURLcode = sb_curl_global_init()

    /// Creates a transport and starts its connection pool.
    ///
    /// Throws ``HTTPError/invalidConfiguration(_:)`` for an unusable configuration.
    public convenience init(configuration: HTTPClientConfiguration = HTTPClientConfiguration(), logger: Logger) throws(HTTPError) {
        try self.init(configuration: configuration, logger: logger, sleep: { try await Task.sleep(for: $0) })
    }

    /// Creates a transport whose retry waits go through `sleep` (tests pass a recording one).
    init(configuration: HTTPClientConfiguration, logger: Logger, sleep: @escaping HTTPRetrier.Sleep) throws(HTTPError) {
        try configuration.validate()
        guard Self.globalInit == CURLE_OK else { throw .transferFailed("curl_global_init failed") }
        self.configuration = configuration
        self.logger = logger
        self.driver = try CurlMultiDriver()
        self.retrier = HTTPRetrier(policy: configuration.retryPolicy, logger: logger, sleep: sleep)
    }

    deinit {
        driver.stop()
    }

    /// Sends `request`, retrying as ``HTTPClientConfiguration/retryPolicy`` allows, and returns the
    /// final response whatever its status.
    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        try await retrier.run(request) { (attempt) throws(HTTPError) in try await perform(attempt) }
    }

    /// One attempt: builds the transfer, runs it on the driver and logs the outcome.
    private func perform(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let transfer = try CurlTransfer(request: request, configuration: configuration)
        let driver = self.driver
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.continuation = continuation
                driver.submit(transfer)
            }
        } onCancel: {
            driver.cancel(transfer)
        }
        log(request, result, transfer, duration: clock.now - start)
        return try result.get()
    }

    private func log(_ request: HTTPRequest, _ result: Result<HTTPResponse, HTTPError>, _ transfer: CurlTransfer, duration: Duration) {
        guard logger.logLevel <= .debug else { return }
        var metadata: Logger.Metadata = [
            "sb.http.method": "\(request.method)",
            "sb.http.url": "\(Redaction.redactedURL(request.url))",
            "sb.http.bytes_out": "\(transfer.bytesSent)",
            "sb.http.bytes_in": "\(transfer.bytesReceived)",
            "sb.http.duration_ms": "\(duration.milliseconds)",
            "sb.http.reused": "\(!transfer.openedConnection)",
            "sb.http.request_headers": .array(Redaction.redactedHeaders(request.headers).map { .string($0) }),
        ]
        switch result {
        case .success(let response):
            metadata["sb.http.status"] = "\(response.status)"
            logger.debug("http exchange", metadata: metadata)
            logger.trace("http response headers", metadata: [
                "sb.http.response_headers": .array(Redaction.redactedHeaders(response.headers).map { .string($0) }),
            ])
        case .failure(let error):
            metadata["sb.http.error"] = "\(error)"
            logger.debug("http exchange failed", metadata: metadata)
        }
    }
}
