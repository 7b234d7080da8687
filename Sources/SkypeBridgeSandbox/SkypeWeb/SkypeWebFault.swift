import Foundation

/// A failure the control API arms for the next requests whose path contains ``pathContains``.
public struct SkypeWebFault: Sendable, Codable, Equatable {
    /// What goes wrong.
    public enum Kind: String, Sendable, Codable {
        /// Answer with ``status`` (a 5xx by default) and an error body.
        case status
        /// Answer 429 with `Retry-After: retryAfter`.
        case rateLimit
        /// Close the connection without a complete response.
        case drop
        /// Wait ``delayMilliseconds`` before handling the request normally.
        case delay
        /// For polls: forget the endpoint's subscription and answer 404 (errorCode 450),
        /// so the client must re-subscribe.
        case subscriptionLost
        /// For endpoint registrations: answer 404 (errorCode 752, "User is in a different cloud")
        /// with a `Location` on another messaging host, `<origin>/cloud2/v1`, which this emulator
        /// also serves. The Location is `http://` like the emulator, so only clients that accept
        /// any scheme can follow it (skpy requires `https://`).
        case otherCloud
    }

    /// The kind of failure.
    public var kind: Kind
    /// Substring of the request path to match, e.g. `/messages` or `/poll`.
    public var pathContains: String
    /// Only this method, if set (`POST`, `GET`, ...).
    public var method: String?
    /// How many matching requests fail; the fault is removed afterwards.
    public var count: Int
    /// Status for ``Kind/status``; default 503.
    public var status: Int?
    /// Seconds in `Retry-After` for ``Kind/rateLimit``; default 5.
    public var retryAfter: Int?
    /// Delay for ``Kind/delay``; default 1000.
    public var delayMilliseconds: Int?

    /// A fault for the next `count` requests matching `pathContains` (and `method`, if given).
    public init(kind: Kind, pathContains: String, method: String? = nil, count: Int = 1, status: Int? = nil,
                retryAfter: Int? = nil, delayMilliseconds: Int? = nil) {
        self.kind = kind
        self.pathContains = pathContains
        self.method = method
        self.count = count
        self.status = status
        self.retryAfter = retryAfter
        self.delayMilliseconds = delayMilliseconds
    }

    /// Decodes a control-API fault; only `kind` and `pathContains` are required (`count` defaults to 1).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        pathContains = try container.decode(String.self, forKey: .pathContains)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 1
        status = try container.decodeIfPresent(Int.self, forKey: .status)
        retryAfter = try container.decodeIfPresent(Int.self, forKey: .retryAfter)
        delayMilliseconds = try container.decodeIfPresent(Int.self, forKey: .delayMilliseconds)
    }
}
