/// One interface as the state database holds it: identity, live state, counters and current call.
public struct InterfaceRecord: Sendable, Hashable, Codable {
    /// The database id (`#id`).
    public var id: InterfaceID
    /// The configured name (`[interfaces.<name>]`).
    public var name: String
    /// The Skype name the client must be signed in as.
    public var skypeUser: String
    /// Where the client API listens, as loaded (`tcp://…` or `unix:…`).
    public var endpoint: String
    /// What the interface is doing.
    public var state: InterfaceState
    /// Incoming calls that were never answered.
    public var inboundFailed: Int
    /// Incoming calls handled.
    public var inboundTotal: Int
    /// Outgoing calls that were never answered.
    public var outboundFailed: Int
    /// Outgoing calls placed.
    public var outboundTotal: Int
    /// The call the interface is busy with, when it is.
    public var call: InterfaceCall?
    /// The process that owns the interface while it is busy.
    public var ownerPID: Int32?

    enum CodingKeys: String, CodingKey {
        case id, name, endpoint, state, call
        case skypeUser = "skype_user"
        case inboundFailed = "inbound_failed"
        case inboundTotal = "inbound_total"
        case outboundFailed = "outbound_failed"
        case outboundTotal = "outbound_total"
        case ownerPID = "owner_pid"
    }
}

/// The call an interface is busy with (a row of the `call` table).
public struct InterfaceCall: Sendable, Hashable, Codable {
    /// `outbound` or `inbound`.
    public var direction: String
    /// Who is called, or who calls.
    public var partner: String
    /// The Skype client's call id, once known.
    public var skypeCallID: String?

    enum CodingKeys: String, CodingKey {
        case direction, partner
        case skypeCallID = "skype_call_id"
    }
}
