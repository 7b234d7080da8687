/// A side that can copy files: fetch one it reported, and post one it is given.
public protocol FileTransferringSide: BridgeSide {
    /// Streams `attachment` (reported by this side) to the file at `path`, never more than
    /// `maxBytes` (larger is an error, and no file is left).
    func download(_ attachment: BridgeAttachment, to path: String, maxBytes: Int64) async throws
    /// Posts `message` with `file` attached; the message's text, if any, is the caption.
    /// - Returns: the id of the posted message.
    func send(_ message: OutgoingMessage, file: LocalFile) async throws -> RemoteMessageID
}
