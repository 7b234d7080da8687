/// The `[interfaces]` section's own settings: the defaults every `[interfaces.<name>]` starts from.
public struct InterfaceDefaults: Sendable, Hashable {
    /// `endpoint`, when every interface shares one (rare; usually set per interface).
    public var endpoint: InterfaceEndpoint?
    /// `skype_user`, when most interfaces are clients of the same Skype account.
    public var skypeUser: String?
    /// The behaviour settings, with built-in defaults where `[interfaces]` sets nothing.
    public var options: InterfaceOptions

    /// Creates interface defaults.
    public init(endpoint: InterfaceEndpoint? = nil, skypeUser: String? = nil, options: InterfaceOptions = InterfaceOptions()) {
        self.endpoint = endpoint
        self.skypeUser = skypeUser
        self.options = options
    }
}
