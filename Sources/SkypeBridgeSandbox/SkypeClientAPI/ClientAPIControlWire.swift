import Hummingbird

/// JSON bodies of the client API emulator's control API (see README.md in this folder).
enum ClientAPIControlWire {
    /// `GET /_control/endpoints` element.
    struct Endpoint: ResponseEncodable {
        var name: String
        var skypeUser: String
        var url: String
        /// Open connections.
        var connected: Int
        /// Connections that passed `NAME`.
        var attached: Int

        enum CodingKeys: String, CodingKey {
            case name, url, connected, attached
            case skypeUser = "skype_user"
        }
    }

    /// `POST /_control/incoming-call` body.
    struct IncomingCall: Decodable {
        /// The Skype name being called; every client of that user rings.
        var to: String
        var from: String
        var displayName: String?
        var pstn: Bool?
        /// `echo`, `tone`, `tone:<hz>` or `silence` (default `tone`).
        var audio: String?

        enum CodingKeys: String, CodingKey {
            case to, from, pstn, audio
            case displayName = "display_name"
        }
    }

    /// `POST /_control/chat` body.
    struct Chat: Decodable {
        var to: String
        var from: String
        var displayName: String?
        var body: String

        enum CodingKeys: String, CodingKey {
            case to, from, body
            case displayName = "display_name"
        }
    }

    /// `POST /_control/auth-request` body.
    struct AuthRequest: Decodable {
        var to: String
        var from: String
        var text: String?
    }

    /// `POST /_control/calls/<id>/dtmf` body.
    struct DTMF: Decodable {
        var digits: String
    }

    /// One object created on an endpoint, as injection replies list them.
    struct Created: Encodable {
        var endpoint: String
        var id: Int
    }

    /// Reply of the injection routes.
    struct CreatedList: ResponseEncodable {
        var created: [Created]
    }

    /// Reply of `POST /_control/endpoints/<name>/drop`.
    struct Dropped: ResponseEncodable {
        var dropped: Int
    }

    /// Reply of `GET /_control/endpoints/<name>/log`.
    struct Log: ResponseEncodable {
        var commands: [String]
    }

    /// Reply of `GET /_control/calls`.
    struct Calls: ResponseEncodable {
        var calls: [ClientAPICallReport]
    }

    /// Reply of `GET /_control/users/<user>`.
    struct User: ResponseEncodable {
        var user: String
        var endpoints: [String]
        var balance: Int
        var currency: String
        var authorized: [String]
        var authRequests: [String]

        enum CodingKeys: String, CodingKey {
            case user, endpoints, balance, currency, authorized
            case authRequests = "auth_requests"
        }
    }

    /// A chat message, as `GET /_control/chat-messages` lists them.
    struct ChatMessage: Encodable {
        var id: Int
        var endpoint: String
        var chatname: String
        var from: String
        var body: String
        var status: String
    }

    /// Reply of `GET /_control/chat-messages`.
    struct ChatMessages: ResponseEncodable {
        var messages: [ChatMessage]
    }
}

extension ClientAPICallReport: ResponseEncodable {}
