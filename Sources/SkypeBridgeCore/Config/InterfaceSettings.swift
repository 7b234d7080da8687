/// The effective settings of one interface, `[interfaces.<name>]` merged over `[interfaces]` and the
/// built-in defaults.
///
/// An interface is one Skype client API endpoint signed in as one `skype_user`; several interfaces
/// may share a user.
public struct InterfaceSettings: Sendable, Hashable {
    /// The characters an interface name may contain (the `<name>` of `[interfaces.<name>]`).
    public static let nameRule = "use only a-z, 0-9, '_' and '-'"

    /// The table name, matching `[a-z0-9_-]+`; commands refer to the interface by it.
    public var name: String
    /// `endpoint` (required): where the client API listens.
    public var endpoint: InterfaceEndpoint
    /// `skype_user` (required): the Skype name the client must report as signed in.
    public var skypeUser: String
    /// The behaviour settings.
    public var options: InterfaceOptions

    /// Creates the settings of the interface `name`.
    public init(name: String, endpoint: InterfaceEndpoint, skypeUser: String, options: InterfaceOptions = InterfaceOptions()) {
        self.name = name
        self.endpoint = endpoint
        self.skypeUser = skypeUser
        self.options = options
    }

    /// Whether `name` is a valid interface name: one or more of `a-z`, `0-9`, `_`, `-`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }
}
