import SkypeBridgeCore

/// One interface of `interfaces list --json`, flat for `jq`.
struct InterfaceListLine: Encodable {
    var id: Int64
    var name: String
    var skypeUser: String
    var endpoint: String
    var state: String
    var inboundFailed: Int
    var inboundTotal: Int
    var outboundFailed: Int
    var outboundTotal: Int
    var call: InterfaceCall?
    var ownerPID: Int32?
    var roundRobinNext: Bool
    var attached: Bool?
    var reason: String?
    var reportedUser: String?
    var balance: Int?
    var currency: String?

    enum CodingKeys: String, CodingKey {
        case id, name, endpoint, state, call, attached, reason, balance, currency
        case skypeUser = "skype_user"
        case inboundFailed = "inbound_failed"
        case inboundTotal = "inbound_total"
        case outboundFailed = "outbound_failed"
        case outboundTotal = "outbound_total"
        case ownerPID = "owner_pid"
        case roundRobinNext = "round_robin_next"
        case reportedUser = "reported_user"
    }

    init(_ status: InterfaceStatus) {
        let interface = status.interface
        id = interface.id.rawValue
        name = interface.name
        skypeUser = interface.skypeUser
        endpoint = interface.endpoint
        state = interface.state.rawValue
        inboundFailed = interface.inboundFailed
        inboundTotal = interface.inboundTotal
        outboundFailed = interface.outboundFailed
        outboundTotal = interface.outboundTotal
        call = interface.call
        ownerPID = interface.ownerPID
        roundRobinNext = status.isCursor
        attached = status.probe?.attached
        reason = status.probe?.reason
        reportedUser = status.probe?.reportedUser
        balance = status.probe?.balance
        currency = status.probe?.currency
    }

    /// The CALL column: direction, partner and the client's call id.
    var callText: String {
        guard let call else { return "-" }
        let direction = call.direction == "inbound" ? "IB" : "OB"
        return "\(direction) \(call.partner)" + (call.skypeCallID.map { " #\($0)" } ?? "")
    }

    /// The BALANCE column: `10.00 EUR`, or `-`.
    var balanceText: String {
        guard let balance else { return "-" }
        return "\(balance / 100).\(String(format: "%02d", abs(balance % 100))) \(currency ?? "")"
    }
}
