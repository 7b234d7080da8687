/// Where the send API hands accepted requests: a durable queue (the bridge's outbox) that
/// delivers them to Skype, retrying while Skype is unavailable.
public protocol SendAPIQueue: Sendable {
    /// Stores `request` for delivery under `requestID` (unique per request) and returns once it is
    /// durable; throws when it could not be stored (the API then answers 503).
    func enqueue(_ request: SendAPIRequest, requestID: String) async throws
}
