import Foundation

/// The emulator's whole state: accounts, tokens, endpoints, conversations and files.
///
/// An actor, so every request sees a consistent state; hot paths (post, poll) are dictionary
/// lookups and appends.
actor SkypeWebStore {
    struct SkypeTokenGrant {
        let username: String
        var expiry: Date
    }

    struct RegistrationGrant {
        let username: String
        let endpointId: String
        var expiry: Date
    }

    /// Lifetimes and poll timeout; the control API can change them at run time.
    var options: SkypeWebEmulator.Options
    /// `http://host:port`, set once the server is bound.
    var origin = "http://127.0.0.1"
    var users: [String: SkypeWebUser] = [:]
    var conversations: [String: SkypeWebConversation] = [:]
    var files: [String: SkypeWebFile] = [:]
    var skypeTokens: [String: SkypeTokenGrant] = [:]
    var registrations: [String: RegistrationGrant] = [:]
    /// Login tickets (SOAP `BinarySecurityToken`, Live `t`) to the user they were issued for.
    var tickets: [String: String] = [:]
    var endpoints: [String: SkypeWebEndpoint] = [:]
    var userEndpoints: [String: [String]] = [:]
    var pollSerial = 0

    init(options: SkypeWebEmulator.Options) {
        self.options = options
        (users, conversations) = Self.seeded(options.seed)
    }

    var messagingBase: String { "\(origin)/v1" }

    func setOrigin(_ origin: String) {
        self.origin = origin
    }

    // MARK: Seed

    /// Accounts and conversations of a seed.
    private static func seeded(_ seed: SkypeWebSeed) -> ([String: SkypeWebUser], [String: SkypeWebConversation]) {
        var users: [String: SkypeWebUser] = [:]
        var conversations: [String: SkypeWebConversation] = [:]
        for user in seed.users {
            users[user.username] = SkypeWebUser(username: user.username, password: user.password,
                                                firstName: user.firstName, lastName: user.lastName, role: user.role)
        }
        for pair in seed.contacts where pair.count == 2 {
            users[pair[0]]?.contacts.insert(pair[1])
            users[pair[1]]?.contacts.insert(pair[0])
        }
        let now = SkypeWebJSON.nowMillis()
        for group in seed.groups {
            var members = [group.creator: "Admin"]
            for member in group.members where users[member] != nil { members[member] = "User" }
            conversations[group.id] = SkypeWebConversation(
                key: group.id, threadId: group.id, members: members,
                threadProperties: Self.newThreadProperties(creator: group.creator, topic: group.topic, now: now), version: now)
        }
        for invite in seed.invites {
            users[invite.to]?.invites.append(SkypeWebInvite(from: invite.from, message: invite.message, time: Date()))
        }
        return (users, conversations)
    }

    static func newThreadProperties(creator: String, topic: String, now: Int64) -> [String: String] {
        ["creator": "8:\(creator)", "createdat": String(now), "topic": topic, "joiningenabled": "true",
         "historydisclosed": "true", "moderatedthread": "false"]
    }

    // MARK: Tokens

    /// Looks a user up by Skype name or `<name>@example.com` and checks the password.
    func authenticate(login: String, password: String) -> SkypeWebUser? {
        let name = login.lowercased().hasSuffix("@example.com") ? String(login.dropLast("@example.com".count)) : login
        guard let user = users[name], user.password == password else { return nil }
        return user
    }

    func issueTicket(for username: String) -> String {
        let ticket = "t=\(Self.randomToken(24))&p="
        tickets[ticket] = username
        return ticket
    }

    func redeemTicket(_ ticket: String) -> String? {
        tickets.removeValue(forKey: ticket)
    }

    /// Issues a Skype token; returns it with its lifetime in seconds.
    func issueSkypeToken(for username: String) -> (token: String, lifetime: Int) {
        let token = Self.randomToken(48)
        let lifetime = options.skypeTokenLifetime
        skypeTokens[token] = SkypeTokenGrant(username: username, expiry: Date().addingTimeInterval(TimeInterval(lifetime)))
        return (token, lifetime)
    }

    /// The user a valid Skype token belongs to.
    func user(forSkypeToken token: String?) throws(SkypeWebError) -> SkypeWebUser {
        guard let token else { throw .unauthorized("Authentication failed: missing skype token.") }
        guard let grant = skypeTokens[token], grant.expiry > Date(), let user = users[grant.username] else {
            throw .unauthorized("Skype token validation failed!")
        }
        return user
    }

    /// Creates an endpoint and a registration token for the holder of a valid Skype token.
    func register(skypeToken: String?) throws(SkypeWebError) -> (token: String, expires: Int, endpointId: String) {
        let user = try user(forSkypeToken: skypeToken)
        let endpointId = "{\(UUID().uuidString.lowercased())}"
        let token = Self.randomToken(64)
        let expiry = Date().addingTimeInterval(TimeInterval(options.registrationTokenLifetime))
        registrations[token] = RegistrationGrant(username: user.username, endpointId: endpointId, expiry: expiry)
        endpoints[endpointId] = SkypeWebEndpoint(id: endpointId, username: user.username)
        userEndpoints[user.username, default: []].append(endpointId)
        return (token, Int(expiry.timeIntervalSince1970), endpointId)
    }

    /// The user and endpoint a valid registration token stands for.
    func session(forRegistrationToken token: String?) throws(SkypeWebError) -> (user: String, endpointId: String) {
        guard let token else { throw .unauthorized("Authentication failed: missing registration token.") }
        guard let grant = registrations[token], grant.expiry > Date() else {
            throw .unauthorized("Authentication failed: the registration token is invalid or expired.")
        }
        guard endpoints[grant.endpointId] != nil else {
            throw .notFound(code: 729, message: "You must create an endpoint before performing this operation.")
        }
        return (grant.username, grant.endpointId)
    }

    /// Resolves an endpoint path segment (`SELF` or an id) for the session's user.
    func endpointId(_ segment: String, session: (user: String, endpointId: String)) throws(SkypeWebError) -> String {
        if segment.uppercased() == "SELF" { return session.endpointId }
        guard let endpoint = endpoints[segment], endpoint.username == session.user else {
            throw .notFound(code: 729, message: "You must create an endpoint before performing this operation.")
        }
        return segment
    }

    static func randomToken(_ length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).map { _ in alphabet.randomElement()! })
    }
}
