/// A dialog between one Skype user of the emulator and a partner, as `CHAT <name>`.
struct ClientAPIChat: Sendable {
    /// The opaque chat name, e.g. `#bridgebot/$alice;0000000000000001`.
    let name: String
    /// The emulated user the chat belongs to.
    let owner: String
    /// The other party.
    let partner: String
    /// UNIX seconds when the chat was created.
    let timestamp: Int
}

/// One `CHATMESSAGE <id>` object.
struct ClientAPIChatMessage: Sendable {
    let id: Int
    /// The endpoint whose client holds this message object.
    let endpoint: String
    let chatName: String
    let fromHandle: String
    let fromDisplayName: String
    let body: String
    /// UNIX seconds.
    let timestamp: Int
    /// SENDING, SENT, RECEIVED or READ.
    var status: String
}
