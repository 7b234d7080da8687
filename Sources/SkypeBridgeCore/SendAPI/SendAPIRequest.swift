/// One accepted request of the HTTP send API: a message for one Skype recipient.
public struct SendAPIRequest: Sendable, Equatable {
    /// The endpoint it came through.
    public enum Endpoint: String, Sendable {
        /// `POST /send-message` with `{"msg", "channel", "API_KEY"}` (seed 001).
        case sendMessage = "/send-message"
        /// `GET` or `POST /send` with `recipient` and `message` (seed 002).
        case send = "/send"
    }

    /// The endpoint the request used.
    public var endpoint: Endpoint
    /// A chat id (`8:alice`, `19:…@thread.skype`), a `live:` id, or a contact's Skype name.
    public var recipient: String
    /// The message text.
    public var text: String
    /// How ``text`` is written.
    public var format: OutgoingSkypeMessage.Format
    /// The name of the API key that authorised it (never the key).
    public var keyName: String

    /// Creates a request.
    public init(endpoint: Endpoint, recipient: String, text: String, format: OutgoingSkypeMessage.Format, keyName: String) {
        self.endpoint = endpoint
        self.recipient = recipient
        self.text = text
        self.format = format
        self.keyName = keyName
    }

    /// The message as Skype will receive it.
    public var outgoing: OutgoingSkypeMessage { OutgoingSkypeMessage(text: text, format: format) }

    /// Whether `recipient` looks like something Skype can address: a `8:`/`19:`/`28:`/`live:` id or
    /// a Skype name (letters, digits and `.,_-:@`), at most 256 bytes and without control characters.
    public static func isPlausibleRecipient(_ recipient: String) -> Bool {
        guard !recipient.isEmpty, recipient.utf8.count <= 256 else { return false }
        return recipient.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", ",", "_", "-", ":", "@": true
            default: false
            }
        }
    }
}
