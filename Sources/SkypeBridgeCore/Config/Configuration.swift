/// skypebridge's whole configuration: every section with its effective values (defaults included).
///
/// Built by ``ConfigurationLoader`` from a TOML file, or in code. Secrets appear only as
/// ``SecretReference``s; resolve them where they are used.
public struct Configuration: Sendable, Hashable {
    /// `[skype]`.
    public var skype: SkypeSettings
    /// `[mattermost]`.
    public var mattermost: MattermostSettings
    /// `[bridge]`.
    public var bridge: BridgeSettings
    /// `[http]`.
    public var http: HTTPSettings
    /// The settings of `[interfaces]` itself, which every interface inherits.
    public var interfaceDefaults: InterfaceDefaults
    /// Every `[interfaces.<name>]`, merged with the defaults, in file order.
    public var interfaces: [InterfaceSettings]

    /// Creates a configuration; every section defaults to its built-in defaults and there are no
    /// interfaces.
    public init(
        skype: SkypeSettings = SkypeSettings(),
        mattermost: MattermostSettings = MattermostSettings(),
        bridge: BridgeSettings = BridgeSettings(),
        http: HTTPSettings = HTTPSettings(),
        interfaceDefaults: InterfaceDefaults = InterfaceDefaults(),
        interfaces: [InterfaceSettings] = []
    ) {
        self.skype = skype
        self.mattermost = mattermost
        self.bridge = bridge
        self.http = http
        self.interfaceDefaults = interfaceDefaults
        self.interfaces = interfaces
    }

    /// The interface called `name`, if configured.
    public func interface(named name: String) -> InterfaceSettings? {
        interfaces.first { $0.name == name }
    }
}
