/// An ASM object: an uploaded image or file and who may read it.
struct SkypeWebFile: Sendable, Codable {
    var id: String
    /// `pish/image` or `sharing/file`.
    var type: String
    var filename: String?
    var owner: String
    /// Skype names granted `read`.
    var readers: Set<String>
    /// Uploaded bytes per content kind (`imgpsh`, `original`, ...).
    var contents: [String: [UInt8]] = [:]
}
