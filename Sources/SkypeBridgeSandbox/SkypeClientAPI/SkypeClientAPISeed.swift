/// What the Skype client API emulator starts with: its endpoints (one per emulated Skype client),
/// SkypeOut balances and the pace of scripted call outcomes.
///
/// Decoded from JSON with snake_case keys, so a test or a `--seed` file can describe it.
public struct SkypeClientAPISeed: Sendable, Codable, Equatable {
    /// One emulated Skype client, reachable on its own stream socket.
    public struct Endpoint: Sendable, Codable, Equatable {
        /// How the client answers `NAME <app>` (the "allow access?" prompt of a real client).
        public enum Authorization: String, Sendable, Codable {
            /// `OK`.
            case allow
            /// `ERROR 68 Access denied`; later commands are refused.
            case deny
            /// No answer at all, as a client whose prompt nobody clicks.
            case silent
        }

        /// The interface name, e.g. `desk1`; used in control URLs and in ``SandboxServiceInfo``.
        public var name: String
        /// The Skype name logged in on this client.
        public var skypeUser: String
        /// `tcp://host:port` (port 0 = ephemeral) or `unix:/path`; nil = an ephemeral TCP port on the sandbox host.
        public var listen: String?
        /// The handle announced in `CURRENTUSERHANDLE`; nil = ``skypeUser``. Set it to test a mismatch.
        public var reportedUser: String?
        /// The answer to `NAME`.
        public var authorization: Authorization
        /// Answer `CALL` with a bare `OK` and announce the id in a `STATUS UNPLACED` notification,
        /// as some Linux clients did, instead of replying `CALL <id> STATUS UNPLACED`.
        public var bareCallReply: Bool
        /// Send every call STATUS twice, each followed by `CONF_ID 0` and `VIDEO_STATUS VIDEO_NONE`,
        /// as real clients did; a client must not be confused by it.
        public var noisy: Bool

        /// An endpoint; the defaults give an allowing, quiet client on an ephemeral TCP port.
        public init(name: String, skypeUser: String, listen: String? = nil, reportedUser: String? = nil, authorization: Authorization = .allow,
            bareCallReply: Bool = false, noisy: Bool = false
        ) {
            self.name = name
            self.skypeUser = skypeUser
            self.listen = listen
            self.reportedUser = reportedUser
            self.authorization = authorization
            self.bareCallReply = bareCallReply
            self.noisy = noisy
        }

        enum CodingKeys: String, CodingKey {
            case name, listen, authorization, noisy
            case skypeUser = "skype_user"
            case reportedUser = "reported_user"
            case bareCallReply = "bare_call_reply"
        }

        /// Decodes snake_case JSON; absent optional keys take their defaults.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            skypeUser = try container.decode(String.self, forKey: .skypeUser)
            listen = try container.decodeIfPresent(String.self, forKey: .listen)
            reportedUser = try container.decodeIfPresent(String.self, forKey: .reportedUser)
            authorization = try container.decodeIfPresent(Authorization.self, forKey: .authorization) ?? .allow
            bareCallReply = try container.decodeIfPresent(Bool.self, forKey: .bareCallReply) ?? false
            noisy = try container.decodeIfPresent(Bool.self, forKey: .noisy) ?? false
        }
    }

    /// How long the scripted steps of a call take.
    public struct Timing: Sendable, Codable, Equatable {
        /// Between UNPLACED, ROUTING, RINGING and other early steps.
        public var stepMilliseconds: Int
        /// From RINGING (or EARLYMEDIA) to INPROGRESS for answering targets such as `echo123`.
        public var answerMilliseconds: Int
        /// How long `noanswer` rings before MISSED, unless the target names its own time.
        public var noAnswerSeconds: Double
        /// How long an injected incoming call rings before MISSED.
        public var incomingRingSeconds: Double

        /// Timings; the defaults are close to a real client (answer after 1 s).
        public init(stepMilliseconds: Int = 150, answerMilliseconds: Int = 1000, noAnswerSeconds: Double = 10, incomingRingSeconds: Double = 30) {
            self.stepMilliseconds = stepMilliseconds
            self.answerMilliseconds = answerMilliseconds
            self.noAnswerSeconds = noAnswerSeconds
            self.incomingRingSeconds = incomingRingSeconds
        }

        enum CodingKeys: String, CodingKey {
            case stepMilliseconds = "step_ms"
            case answerMilliseconds = "answer_ms"
            case noAnswerSeconds = "noanswer_s"
            case incomingRingSeconds = "incoming_ring_s"
        }

        /// Decodes snake_case JSON; absent keys take their defaults.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Timing()
            stepMilliseconds = try container.decodeIfPresent(Int.self, forKey: .stepMilliseconds) ?? defaults.stepMilliseconds
            answerMilliseconds = try container.decodeIfPresent(Int.self, forKey: .answerMilliseconds) ?? defaults.answerMilliseconds
            noAnswerSeconds = try container.decodeIfPresent(Double.self, forKey: .noAnswerSeconds) ?? defaults.noAnswerSeconds
            incomingRingSeconds = try container.decodeIfPresent(Double.self, forKey: .incomingRingSeconds) ?? defaults.incomingRingSeconds
        }
    }

    /// The emulated clients, in the order they are reported.
    public var endpoints: [Endpoint]
    /// SkypeOut credit per Skype name in hundredths of ``currency``; users not listed get ``defaultBalance``.
    public var balances: [String: Int]
    /// Credit of users not in ``balances``.
    public var defaultBalance: Int
    /// The currency of every balance, e.g. `EUR`.
    public var currency: String
    /// Price of one started minute of a SkypeOut call, in hundredths.
    public var pstnRatePerMinute: Int
    /// Pace of the scripted outcomes.
    public var timing: Timing

    /// A seed of `endpoints` with balances, SkypeOut price and timings.
    public init(
        endpoints: [Endpoint], balances: [String: Int] = [:], defaultBalance: Int = 1000, currency: String = "EUR",
        pstnRatePerMinute: Int = 2, timing: Timing = Timing()
    ) {
        self.endpoints = endpoints
        self.balances = balances
        self.defaultBalance = defaultBalance
        self.currency = currency
        self.pstnRatePerMinute = pstnRatePerMinute
        self.timing = timing
    }

    /// Three clients on ephemeral loopback ports; `desk1` and `desk2` share the Skype name `bridgebot`.
    public static let `default` = SkypeClientAPISeed(endpoints: [
        Endpoint(name: "desk1", skypeUser: "bridgebot"),
        Endpoint(name: "desk2", skypeUser: "bridgebot"),
        Endpoint(name: "desk3", skypeUser: "helpdesk"),
    ])

    enum CodingKeys: String, CodingKey {
        case endpoints, balances, currency, timing
        case defaultBalance = "default_balance"
        case pstnRatePerMinute = "pstn_rate_per_minute"
    }

    /// Decodes snake_case JSON; only `endpoints` is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        endpoints = try container.decode([Endpoint].self, forKey: .endpoints)
        balances = try container.decodeIfPresent([String: Int].self, forKey: .balances) ?? [:]
        defaultBalance = try container.decodeIfPresent(Int.self, forKey: .defaultBalance) ?? 1000
        currency = try container.decodeIfPresent(String.self, forKey: .currency) ?? "EUR"
        pstnRatePerMinute = try container.decodeIfPresent(Int.self, forKey: .pstnRatePerMinute) ?? 2
        timing = try container.decodeIfPresent(Timing.self, forKey: .timing) ?? Timing()
    }
}
