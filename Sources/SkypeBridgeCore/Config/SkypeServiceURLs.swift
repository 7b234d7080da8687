import Foundation

/// The base URLs of the Skype web services, one per `*_url` key of `[skype]`.
///
/// They mirror skpy's `SkypeConnection.API_*` attributes; the defaults are the real (now retired)
/// services, and the sandbox points them at its emulators.
public struct SkypeServiceURLs: Sendable, Hashable {
    /// `login_url`: the Live/OAuth login and token refresh (`API_LOGIN`).
    public var login: URL
    /// `msacc_url`: Microsoft account login, the SOAP and Live forms (`API_MSACC`).
    public var microsoftAccount: URL
    /// `edge_url`: the full URL that exchanges a Microsoft ticket for a Skype token (`API_EDGE`).
    public var edge: URL
    /// `api_url`: user profiles and options (`API_USER`).
    public var api: URL
    /// `contacts_url`: the contact list, invitations and block list (`API_CONTACTS`).
    public var contacts: URL
    /// `messaging_url`: the messaging gateway before any cloud redirect, ending in `/v1` (`API_MSGSHOST`).
    public var messaging: URL
    /// `asm_url`: the file and image store (`API_ASM`).
    public var asm: URL
    /// `profile_url`: public profiles of any user (`API_PROFILE`).
    public var profile: URL

    /// The real Skype services.
    public static let production = SkypeServiceURLs(
        login: URL(string: "https://login.skype.com/login")!,
        microsoftAccount: URL(string: "https://login.live.com")!,
        edge: URL(string: "https://edge.skype.com/rps/v1/rps/skypetoken")!,
        api: URL(string: "https://api.skype.com")!,
        contacts: URL(string: "https://contacts.skype.com/contacts/v2")!,
        messaging: URL(string: "https://client-s.gateway.messenger.live.com/v1")!,
        asm: URL(string: "https://api.asm.skype.com/v1/objects")!,
        profile: URL(string: "https://profile.skype.com/profile/v1")!
    )

    /// Creates a set of service URLs.
    public init(login: URL, microsoftAccount: URL, edge: URL, api: URL, contacts: URL, messaging: URL, asm: URL, profile: URL) {
        self.login = login
        self.microsoftAccount = microsoftAccount
        self.edge = edge
        self.api = api
        self.contacts = contacts
        self.messaging = messaging
        self.asm = asm
        self.profile = profile
    }

    /// The configuration key of each URL with a key path to it, in the order they are written.
    static let keys: [(key: String, path: WritableKeyPath<SkypeServiceURLs, URL> & Sendable)] = [
        ("login_url", \.login), ("msacc_url", \.microsoftAccount), ("edge_url", \.edge), ("api_url", \.api),
        ("contacts_url", \.contacts), ("messaging_url", \.messaging), ("asm_url", \.asm), ("profile_url", \.profile),
    ]
}
