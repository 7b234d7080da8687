import Foundation
import Logging

/// Registers a messaging endpoint for a skypetoken (skype-web.md §3): LockAndKey, the
/// cross-host redirect, `Set-RegistrationToken`, then the endpoint's presence document.
struct SkypeRegistrar: Sendable {
    /// The registration token, its endpoint and the messaging host it is valid on.
    struct Registration: Sendable {
        var token: String
        var expiry: Date
        var endpointID: String?
        var messagingHost: String
    }

    let transport: any HTTPTransport
    let logger: Logger
    /// How many cross-host redirects to follow before giving up.
    let maxRedirects = 3

    /// Creates a new endpoint, starting at `messagingBase` (`…/v1`).
    func register(skypeToken: String, messagingBase: String) async throws -> Registration {
        var base = messagingBase
        for _ in 0...maxRedirects {
            let now = Int(Date().timeIntervalSince1970)
            let response = try await transport.send(HTTPRequest(
                method: .post, url: base + "/users/ME/endpoints",
                headers: [
                    "LockAndKey": LockAndKey.header(time: now),
                    "Authentication": "skypetoken=\(skypeToken)",
                    "BehaviorOverride": "redirectAs404",
                    "Content-Type": "application/json",
                ],
                body: .text(#"{"endpointFeatures": "Agent"}"#)
            ))
            if let location = response.headers["Location"], let moved = Self.messagingBase(of: location), moved != base {
                logger.info("skype moved the account to another messaging host", metadata: ["sb.skype.host": "\(moved)"])
                base = moved
                continue
            }
            if let header = response.headers["Set-RegistrationToken"].flatMap(RegistrationTokenHeader.parse) {
                let registration = Registration(
                    token: header.token,
                    expiry: header.expires ?? Date().addingTimeInterval(86_400),
                    endpointID: header.endpointID,
                    messagingHost: base
                )
                await configurePresence(registration)
                return registration
            }
            switch response.status {
            case 401, 403: throw SkypeError.authenticationFailed("endpoint registration refused (HTTP \(response.status)): \(HTTPError.trimmed(response.text))")
            case 429: throw SkypeError.unavailable("registration rate limited: \(HTTPError.trimmed(response.text))")
            default: throw SkypeError.unexpectedResponse("endpoint registration answered HTTP \(response.status) without a registration token")
            }
        }
        throw SkypeError.unexpectedResponse("more than \(maxRedirects) messaging host redirects")
    }

    /// `PUT …/endpoints/{id}/presenceDocs/messagingService`; a refusal is logged, not fatal.
    private func configurePresence(_ registration: Registration) async {
        guard let endpoint = registration.endpointID else { return }
        let body = #"{"id": "messagingService", "type": "EndpointPresenceDoc", "selfLink": "uri", "privateInfo": {"epname": "skypebridge"}, "publicInfo": {"capabilities": "", "type": 1, "skypeNameVersion": "skype.com", "nodeInfo": "xx", "version": "908/1.30.0.128"}}"#
        do {
            let response = try await transport.send(HTTPRequest(
                method: .put,
                url: registration.messagingHost + "/users/ME/endpoints/" + FormEncoding.escape(endpoint) + "/presenceDocs/messagingService",
                headers: ["RegistrationToken": "registrationToken=\(registration.token)", "Content-Type": "application/json"],
                body: .text(body)
            ))
            if !response.isSuccess {
                logger.warning("skype refused the endpoint presence document", metadata: ["sb.http.status": "\(response.status)"])
            }
        } catch {
            logger.warning("could not set the endpoint presence document", metadata: ["sb.error": "\(error)"])
        }
    }

    /// `https://host/v1/users/ME/endpoints/…` → `https://host/v1`.
    static func messagingBase(of location: String) -> String? {
        guard let range = location.range(of: "/v1/") ?? location.range(of: "/v1", options: .backwards) else { return nil }
        return String(location[..<range.lowerBound]) + "/v1"
    }
}
