/// A picture or file shared on one side, as the bridge remembers it until it is copied: enough
/// for the side that reported it to fetch it again (also after a restart, from the outbox).
public struct BridgeAttachment: Sendable, Hashable {
    /// The side that holds the file.
    public var side: BridgeSideKind
    /// The side's own reference (an ASM object, a Mattermost file id).
    public var reference: String
    /// The file name, sanitised (no directories, no control characters).
    public var name: String
    /// The size the side declared, if it did.
    public var size: Int64?
    /// Whether it is a picture (shown inline on both sides).
    public var isImage: Bool

    /// Creates an attachment reference.
    public init(side: BridgeSideKind, reference: String, name: String, size: Int64?, isImage: Bool) {
        self.side = side
        self.reference = reference
        self.name = SkypeFileName.sanitized(name)
        self.size = size
        self.isImage = isImage
    }

    /// `name (1.5 MiB)`, for labels.
    public var label: String {
        guard let size else { return name }
        return "\(name) (\(ByteSize(bytes: size)))"
    }
}

/// A downloaded attachment, ready to be posted on the other side.
public struct LocalFile: Sendable, Hashable {
    /// Where it is on disk (a private temporary file, removed after the send).
    public var path: String
    /// The name to show.
    public var name: String
    /// Its size in bytes.
    public var size: Int64
    /// Whether it is a picture.
    public var isImage: Bool

    /// Creates a local file description.
    public init(path: String, name: String, size: Int64, isImage: Bool) {
        self.path = path
        self.name = name
        self.size = size
        self.isImage = isImage
    }
}
