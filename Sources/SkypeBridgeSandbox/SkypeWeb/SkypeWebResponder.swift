import Foundation
import Hummingbird

/// Dispatches every request of the emulator: fault injection first, then the service the first
/// path segment names (`v1` messaging — also as `cloud2/v1`, the other host of §3.4 — `live`,
/// `login`, `edge`, `api`, `contacts`, `profile`, `asm`, `_control`).
struct SkypeWebResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SkypeWebStore
    let faults: SkypeWebFaultBoard
    let maxBodySize: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let segments = path.split(separator: "/").map { segment in
            segment.contains("%") ? String(segment).removingPercentEncoding ?? String(segment) : String(segment)
        }
        let isControl = segments.first == "_control"
        var injected: SkypeWebFault?
        if !isControl, let fault = faults.take(path: path, method: request.method.rawValue) {
            switch fault.kind {
            case .delay:
                try await Task.sleep(for: .milliseconds(fault.delayMilliseconds ?? 1000))
            case .subscriptionLost:
                injected = fault
            case .otherCloud:
                return await otherCloud()
            default:
                return Self.failure(for: fault)
            }
        }
        var mutable = request
        let body: [UInt8]
        do {
            body = Array(try await mutable.collectBody(upTo: maxBodySize).readableBytesView)
        } catch {
            return SkypeWebError.tooLarge.response
        }
        let incoming = SkypeWebRequest(request: mutable, segments: segments, body: body)
        do {
            if injected != nil {
                let session = try await store.session(forRegistrationToken: incoming.registrationToken)
                await store.dropSubscription(endpointId: session.endpointId)
                throw SkypeWebError.notFound(code: 450, message: "Subscription requested could not be found.")
            }
            return try await route(incoming)
        } catch let error as SkypeWebError {
            return error.response
        }
    }

    private func route(_ incoming: SkypeWebRequest) async throws -> Response {
        let rest = Array(incoming.segments.dropFirst())
        switch incoming.segments.first {
        case "v1": return try await messaging(incoming, rest)
        case Self.otherCloudSegment where rest.first == "v1": return try await messaging(incoming, Array(rest.dropFirst()))
        case "live": return try await msacc(incoming, rest)
        case "login": return try await login(incoming, rest)
        case "edge": return try await edge(incoming, rest)
        case "api": return try await userAPI(incoming, rest)
        case "profile": return try await profileAPI(incoming, rest)
        case "contacts": return try await contacts(incoming, rest)
        case "asm": return try await asm(incoming, rest)
        case "_control": return try await control(incoming, rest)
        default: throw SkypeWebError.notFound(code: 201, message: "The resource URL is misformatted.")
        }
    }

    /// The first path segment of the other messaging host an ``SkypeWebFault/Kind/otherCloud``
    /// fault sends clients to.
    static let otherCloudSegment = "cloud2"

    /// The protocol doc's §3.4 answer to a registration on the wrong host.
    private func otherCloud() async -> Response {
        let location = await store.origin + "/\(Self.otherCloudSegment)/v1/users/ME/endpoints/%7B\(UUID().uuidString.lowercased())%7D"
        return SkypeWebReply.json(
            .notFound, ["errorCode": 752, "message": "User is in a different cloud. See 'Location' header for users current cloud."],
            headers: [SkypeWebReply.field("Location"): location])
    }

    /// The response a non-delay fault produces.
    static func failure(for fault: SkypeWebFault) -> Response {
        switch fault.kind {
        case .rateLimit:
            return SkypeWebReply.json(.tooManyRequests, ["errorCode": 800, "message": "Command Rate limit exceeded Throttling command"],
                                      headers: [SkypeWebReply.field("Retry-After"): String(fault.retryAfter ?? 5)])
        case .drop:
            return Response(status: .ok, headers: [.contentLength: "64", .contentType: "application/json"],
                            body: ResponseBody { _ in throw DroppedConnection() })
        default:
            let status = HTTPResponse.Status(code: fault.status ?? 503)
            return SkypeWebReply.json(status, ["errorCode": status.code, "message": "Injected failure"])
        }
    }

    /// Thrown from a response body to cut the connection mid-response.
    struct DroppedConnection: Error {}
}
