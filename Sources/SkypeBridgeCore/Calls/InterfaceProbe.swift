import Logging

/// The result of attaching to an interface's client once, as `interfaces list` and
/// `interfaces reload` do.
public struct InterfaceProbe: Sendable, Hashable, Codable {
    /// Whether the client attached and reported the expected Skype user.
    public var attached: Bool
    /// The Skype user the client reported, when it attached.
    public var reportedUser: String?
    /// Why the interface is down, when it is.
    public var reason: String?
    /// The SkypeOut balance in hundredths, when asked for.
    public var balance: Int?
    /// The balance's currency, when asked for.
    public var currency: String?

    enum CodingKeys: String, CodingKey {
        case attached, reason, balance, currency
        case reportedUser = "reported_user"
    }

    /// Attaches to `endpoint`, checks the signed-in user and optionally reads the balance, then
    /// detaches. Never throws: a failure is a probe with `attached == false` and a reason.
    public static func run(
        endpoint: String, expectedUser: String, options: InterfaceOptions, balances: Bool, logger: Logger
    ) async -> InterfaceProbe {
        let connection: SkypeAPIConnection
        do {
            connection = try await SkypeAPIConnection.connect(
                to: try SkypeAPIEndpoint(parsing: endpoint), applicationName: options.applicationName, timeout: options.attachTimeout,
                logger: logger)
        } catch {
            return InterfaceProbe(attached: false, reason: "\(error)")
        }
        let user = await connection.currentUser
        var probe = InterfaceProbe(attached: true, reportedUser: user)
        if user.lowercased() != expectedUser.lowercased() {
            probe.attached = false
            probe.reason = "\(CallError.wrongUser(endpoint: endpoint, expected: expectedUser, actual: user))"
        } else if balances {
            probe.balance = (try? await connection.send("GET PROFILE PSTN_BALANCE", timeout: options.attachTimeout))
                .flatMap { Int(SkypeAPIMessage($0).rest(after: 2)) }
            probe.currency = (try? await connection.send("GET PROFILE PSTN_BALANCE_CURRENCY", timeout: options.attachTimeout))
                .map { SkypeAPIMessage($0).rest(after: 2) }
        }
        await connection.close()
        return probe
    }
}
