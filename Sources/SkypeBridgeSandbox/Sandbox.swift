/// The local emulators of the services skypebridge talks to.
public enum SandboxInfo {
    /// The name shown in banners.
    public static let name = "skypebridge sandbox"
}
