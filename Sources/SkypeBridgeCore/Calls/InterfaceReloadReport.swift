/// What `interfaces reload` did: new interfaces added, new ones that could not attach,
/// existing ones whose configuration changed (not applied), and ones no longer configured
/// (kept).
public struct InterfaceReloadReport: Sendable, Codable, Equatable {
    /// An interface of the configuration that differs from the loaded one.
    public struct Change: Sendable, Codable, Equatable {
        /// The interface.
        public var name: String
        /// What differs, e.g. `endpoint tcp://a:1 -> tcp://a:2`.
        public var differences: [String]
    }

    /// A new interface that was not added.
    public struct Failure: Sendable, Codable, Equatable {
        /// The interface.
        public var name: String
        /// Why it was not added.
        public var reason: String
    }

    /// Interfaces added (they attached).
    public var added: [String] = []
    /// New interfaces that failed to attach; not added, the others are untouched.
    public var failed: [Failure] = []
    /// Existing interfaces whose configuration changed; not applied (remove, then reload).
    public var changed: [Change] = []
    /// Existing interfaces that are unchanged.
    public var unchanged: [String] = []
    /// Loaded interfaces no longer in the configuration; they keep running until removed.
    public var notInConfig: [String] = []

    enum CodingKeys: String, CodingKey {
        case added, failed, changed, unchanged
        case notInConfig = "not_in_config"
    }
}
