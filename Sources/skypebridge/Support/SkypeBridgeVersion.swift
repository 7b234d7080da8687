/// The version `skypebridge --version` prints.
enum SkypeBridgeVersion {
    static let current = "0.1.0"
}
