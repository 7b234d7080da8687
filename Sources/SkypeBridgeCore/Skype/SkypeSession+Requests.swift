import Foundation

/// The Skype services a request can go to; each has its own base URL and auth header.
public enum SkypeService: Sendable {
    /// The messaging gateway (`RegistrationToken`).
    case messaging
    /// Profiles (`X-SkypeToken`).
    case api
    /// Contacts and invites (`X-SkypeToken`).
    case contacts
    /// Public profiles (`X-SkypeToken`).
    case profile
    /// File objects (`Authorization: skype_token`).
    case asm
}

extension SkypeSession {
    /// Sends a request to `service`, signed for it, and recovers from a refused token (401: on the
    /// messaging host register again, then sign in again; elsewhere sign in again) and from a lost
    /// endpoint (404 with errorCode 729: register again).
    /// - Parameters:
    ///   - path: appended to the service's base URL, or a full URL when it starts with `http`.
    /// - Returns: the response, whatever its status; callers decide what a status means.
    public func send(
        _ service: SkypeService, _ method: HTTPMethod, _ path: String,
        json: String? = nil, body: HTTPRequestBody? = nil, headers: HTTPHeaders = [:],
        destination: HTTPResponseDestination = .memory(), timeout: Duration? = nil, retryable: Bool? = nil
    ) async throws -> HTTPResponse {
        var recoveries: [Staleness] = service == .messaging ? [.registration, .skypeToken] : [.skypeToken]
        var lostEndpoint = false
        while true {
            let credentials = try await credentials()
            var request = HTTPRequest(
                method: method, url: url(service, path, credentials), headers: headers,
                body: json.map { .text($0) } ?? body ?? .none, timeout: timeout, retryable: retryable, destination: destination
            )
            if json != nil { request.headers.add("Content-Type", "application/json") }
            sign(&request, for: service, with: credentials)
            let response = try await transport.send(request)
            if response.status == 401, !recoveries.isEmpty {
                _ = try await refresh(invalidating: recoveries.removeFirst())
                continue
            }
            if service == .messaging, response.status == 404, !lostEndpoint, Self.errorCode(response) == 729 {
                lostEndpoint = true
                _ = try await refresh(invalidating: .registration)
                continue
            }
            return response
        }
    }

    /// The service's `errorCode` field, when the body is JSON and has one.
    static func errorCode(_ response: HTTPResponse) -> Int? {
        (try? JSONValue.parse(response.data))?["errorCode"]?.number.map { Int($0) }
    }

    private func url(_ service: SkypeService, _ path: String, _ credentials: SkypeCredentials) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        let base = switch service {
        case .messaging: credentials.messagingHost
        case .api: SkypeServiceURLs.base(services.api)
        case .contacts: SkypeServiceURLs.base(services.contacts)
        case .profile: SkypeServiceURLs.base(services.profile)
        case .asm: SkypeServiceURLs.base(services.asm)
        }
        return base + path
    }

    private func sign(_ request: inout HTTPRequest, for service: SkypeService, with credentials: SkypeCredentials) {
        switch service {
        case .messaging:
            request.headers.add("RegistrationToken", "registrationToken=\(credentials.registrationToken ?? "")")
        case .asm:
            request.headers.add("Authorization", "skype_token \(credentials.skypeToken)")
        case .api, .contacts, .profile:
            request.headers.add("X-SkypeToken", credentials.skypeToken)
        }
    }
}
