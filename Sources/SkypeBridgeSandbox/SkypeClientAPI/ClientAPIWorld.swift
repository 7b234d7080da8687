import Foundation
import Logging

/// The state of every emulated Skype client, and the interpreter of their text protocol.
///
/// One actor holds it all (endpoints, connections, calls, chats, contacts, balances), so an
/// incoming call for a user can ring all of that user's clients and the control API sees one
/// consistent picture. Replies and notifications are queued on a ``ClientAPISession`` in the
/// order they are produced.
actor ClientAPIWorld {
    /// An endpoint as configured, plus its per-client global settings.
    struct Endpoint {
        let seed: SkypeClientAPISeed.Endpoint
        var globals: [String: String]
    }

    /// Handshake progress of one connection.
    struct SessionState {
        let session: ClientAPISession
        var authorized = false
        var greeted = false
    }

    /// The most commands kept per endpoint for `GET /_control/endpoints/<name>/log`.
    static let logCapacity = 1000

    let seed: SkypeClientAPISeed
    let logger: Logger
    var endpoints: [String: Endpoint] = [:]
    var sessions: [Int: SessionState] = [:]
    var calls: [Int: ClientAPICall] = [:]
    var callTasks: [Int: [Task<Void, Never>]] = [:]
    var chats: [String: ClientAPIChat] = [:]
    var chatMessages: [Int: ClientAPIChatMessage] = [:]
    var balances: [String: Int]
    /// Per user: handle → ISAUTHORIZED.
    var authorized: [String: [String: Bool]] = [:]
    /// Per user: handle → BUDDYSTATUS.
    var buddyStatus: [String: [String: Int]] = [:]
    /// Per user: handle → text of a received authorization request.
    var authorizationRequests: [String: [String: String]] = [:]
    var commandLog: [String: [String]] = [:]
    private var lastObjectID = 0

    init(seed: SkypeClientAPISeed, logger: Logger) {
        self.seed = seed
        self.logger = logger
        balances = seed.balances
        for endpoint in seed.endpoints {
            endpoints[endpoint.name] = Endpoint(seed: endpoint, globals: Self.defaultGlobals)
        }
    }

    static let defaultGlobals: [String: String] = [
        "USERSTATUS": "ONLINE", "CONNSTATUS": "ONLINE", "AUTOAWAY": "ON", "WINDOWSTATE": "NORMAL", "SILENT_MODE": "OFF",
        "MUTE": "OFF", "AUDIO_IN": "", "AUDIO_OUT": "", "RINGER": "", "SKYPEVERSION": "8.0.0.0",
    ]

    /// A fresh id for a call, chat message or session; unique in the emulator.
    func nextID() -> Int {
        lastObjectID += 1
        return lastObjectID
    }

    /// The endpoint names of every client logged in as `user`, in seed order.
    func endpointNames(of user: String) -> [String] {
        seed.endpoints.filter { $0.skypeUser.caseInsensitiveCompare(user) == .orderedSame }.map(\.name)
    }

    /// The Skype name logged in on `endpoint`.
    func user(of endpoint: String) -> String {
        endpoints[endpoint]?.seed.skypeUser ?? ""
    }

    /// The credit of `user` in hundredths.
    func balance(of user: String) -> Int {
        balances[user] ?? seed.defaultBalance
    }

    // MARK: Connections

    /// Registers a new connection on `endpoint`.
    func open(endpoint: String) -> ClientAPISession {
        let session = ClientAPISession(id: nextID(), endpoint: endpoint)
        sessions[session.id] = SessionState(session: session)
        logger.debug("client connected", metadata: ["sb.endpoint": "\(endpoint)", "sb.session": "\(session.id)"])
        return session
    }

    /// Forgets a connection that ended.
    func closed(_ session: ClientAPISession) {
        sessions[session.id] = nil
        session.close()
    }

    /// Closes every connection of `endpoint` and ends its calls, as if the client crashed.
    func drop(endpoint: String) -> Int {
        let dropped = sessions.values.filter { $0.session.endpoint == endpoint }
        for state in dropped {
            sessions[state.session.id] = nil
            state.session.close()
        }
        for call in calls.values where call.endpoint == endpoint && !call.isTerminal {
            setStatus(call.id, call.status == "INPROGRESS" ? "FINISHED" : "CANCELLED")
        }
        return dropped.count
    }

    /// How many connections `endpoint` has, and how many of them passed `NAME`.
    func connectionCounts(endpoint: String) -> (connected: Int, attached: Int) {
        let states = sessions.values.filter { $0.session.endpoint == endpoint }
        return (states.count, states.filter(\.authorized).count)
    }

    // MARK: Delivery

    /// Sends a direct reply, with the request's `#id` when it had one.
    func reply(_ session: ClientAPISession, _ request: ClientAPIRequest, _ text: String) {
        session.send((request.id.map { "#\($0) " } ?? "") + text)
    }

    /// Sends a notification to every attached connection of `endpoint`.
    func notify(_ endpoint: String, _ text: String) {
        for state in sessions.values where state.session.endpoint == endpoint && state.authorized {
            state.session.send(text)
        }
    }

    /// Sends a notification to every attached connection of every client of `user`.
    func notify(user: String, _ text: String) {
        for endpoint in endpointNames(of: user) { notify(endpoint, text) }
    }

    // MARK: Dispatch

    /// Interprets one message from `session` and queues its reply (or nothing, for a silent client).
    func handle(_ message: String, from session: ClientAPISession) {
        guard let state = sessions[session.id], let endpoint = endpoints[session.endpoint] else { return }
        commandLog[session.endpoint, default: []].append(message)
        if commandLog[session.endpoint, default: []].count > Self.logCapacity {
            commandLog[session.endpoint]?.removeFirst()
        }
        let request = ClientAPIRequest(message)
        if request.keyword(0) == "NAME" {
            switch endpoint.seed.authorization {
            case .allow:
                sessions[session.id]?.authorized = true
                reply(session, request, "OK")
            case .deny:
                reply(session, request, "ERROR 68 Access denied")
            case .silent:
                break
            }
            return
        }
        guard state.authorized else {
            if endpoint.seed.authorization != .silent { reply(session, request, "ERROR 68 Access denied") }
            return
        }
        switch request.keyword(0) {
        case "PROTOCOL":
            let version = min(max(Int(request.word(1)) ?? 1, 1), 8)
            reply(session, request, "PROTOCOL \(version)")
            greet(session)
        case "PING":
            reply(session, request, "PONG")
        case "GET":
            get(request, from: session)
        case "SET":
            set(request, from: session)
        case "ALTER":
            alter(request, from: session)
        case "CALL":
            placeCall(request, from: session)
        case "CHAT":
            createChat(request, from: session)
        case "CHATMESSAGE":
            sendChatMessage(request, from: session)
        case "SEARCH":
            search(request, from: session)
        default:
            reply(session, request, "ERROR 2 Unknown command")
        }
    }

    /// The unsolicited greeting after the first `PROTOCOL` reply.
    private func greet(_ session: ClientAPISession) {
        guard sessions[session.id]?.greeted == false, let endpoint = endpoints[session.endpoint] else { return }
        sessions[session.id]?.greeted = true
        session.send("CONNSTATUS \(endpoint.globals["CONNSTATUS"] ?? "ONLINE")")
        session.send("CURRENTUSERHANDLE \(endpoint.seed.reportedUser ?? endpoint.seed.skypeUser)")
        session.send("USERSTATUS \(endpoint.globals["USERSTATUS"] ?? "ONLINE")")
    }

    private func get(_ request: ClientAPIRequest, from session: ClientAPISession) {
        let what = request.keyword(1)
        switch what {
        case "CALL":
            getCall(request, from: session)
        case "CHAT":
            getChat(request, from: session)
        case "CHATMESSAGE":
            getChatMessage(request, from: session)
        case "USER":
            getUser(request, from: session)
        case "PROFILE":
            getProfile(request, from: session)
        case "PRIVILEGE":
            reply(session, request, "PRIVILEGE \(request.keyword(2)) TRUE")
        case "CURRENTUSERHANDLE":
            let endpoint = endpoints[session.endpoint]?.seed
            reply(session, request, "CURRENTUSERHANDLE \(endpoint?.reportedUser ?? endpoint?.skypeUser ?? "")")
        default:
            if let value = endpoints[session.endpoint]?.globals[what] {
                reply(session, request, value.isEmpty ? what : "\(what) \(value)")
            } else {
                reply(session, request, "ERROR 7 GET: invalid WHAT")
            }
        }
    }

    /// Global properties an application may set, with the values each accepts (empty = any).
    static let settableGlobals: [String: Set<String>] = [
        "USERSTATUS": ["UNKNOWN", "ONLINE", "OFFLINE", "SKYPEME", "AWAY", "NA", "DND", "INVISIBLE", "LOGGEDOUT"],
        "AUTOAWAY": ["ON", "OFF"], "WINDOWSTATE": ["NORMAL", "MINIMIZED", "MAXIMIZED", "HIDDEN"],
        "SILENT_MODE": ["ON", "OFF"], "MUTE": ["ON", "OFF"], "AUDIO_IN": [], "AUDIO_OUT": [], "RINGER": [],
    ]

    private func set(_ request: ClientAPIRequest, from session: ClientAPISession) {
        let what = request.keyword(1)
        switch what {
        case "CALL":
            setCall(request, from: session)
        case "USER":
            setUser(request, from: session)
        case "CHATMESSAGE", "MESSAGE":
            markSeen(request, from: session)
        default:
            guard let allowed = Self.settableGlobals[what] else {
                reply(session, request, "ERROR 18 SET: invalid WHAT")
                return
            }
            let value = allowed.isEmpty ? request.rest(after: 2) : request.keyword(2)
            guard allowed.isEmpty || allowed.contains(value) else {
                reply(session, request, what == "USERSTATUS" ? "ERROR 28 Unknown userstatus" : "ERROR 18 SET: invalid WHAT")
                return
            }
            endpoints[session.endpoint]?.globals[what] = value
            reply(session, request, "\(what) \(value)")
        }
    }

    private func alter(_ request: ClientAPIRequest, from session: ClientAPISession) {
        guard request.keyword(1) == "CALL" else {
            reply(session, request, request.words.count < 2 ? "ERROR 526 ALTER: no object type given" : "ERROR 527 ALTER: unknown object type given")
            return
        }
        alterCall(request, from: session)
    }

    private func search(_ request: ClientAPIRequest, from session: ClientAPISession) {
        let user = user(of: session.endpoint)
        let mine = calls.values.filter { $0.endpoint == session.endpoint }.sorted { $0.id < $1.id }
        switch request.keyword(1) {
        case "ACTIVECALLS":
            reply(session, request, "CALLS " + mine.filter { !$0.isTerminal }.map { String($0.id) }.joined(separator: ", "))
        case "CALLS":
            reply(session, request, "CALLS " + mine.map { String($0.id) }.joined(separator: ", "))
        case "MISSEDCALLS":
            reply(session, request, "CALLS " + mine.filter { $0.status == "MISSED" }.map { String($0.id) }.joined(separator: ", "))
        case "CHATS", "RECENTCHATS", "ACTIVECHATS":
            reply(session, request, "CHATS " + chats.values.filter { $0.owner == user }.map(\.name).sorted().joined(separator: ", "))
        case "FRIENDS":
            let friends = (buddyStatus[user] ?? [:]).filter { $0.value == 3 }.keys.sorted()
            reply(session, request, "USERS " + friends.joined(separator: ", "))
        case "USERSWAITINGMYAUTHORIZATION":
            let waiting = (authorizationRequests[user] ?? [:]).keys.filter { authorized[user]?[$0] != true }.sorted()
            reply(session, request, "USERS " + waiting.joined(separator: ", "))
        default:
            reply(session, request, "ERROR 2 Unknown command")
        }
    }

    /// The last commands `endpoint` received, oldest first.
    func log(of endpoint: String) -> [String] {
        commandLog[endpoint] ?? []
    }
}
