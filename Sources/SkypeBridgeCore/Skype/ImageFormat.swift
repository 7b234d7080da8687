import Foundation

/// The picture formats Skype clients show inline, recognised by a file's first bytes (never by
/// its name), so that a picture message always carries a picture.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png, jpeg, gif, webp, bmp

    /// The format the bytes start with, or nil when they are not a picture Skype shows.
    public init?(header bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(12))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            self = .gif
        } else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if starts(Array("BM".utf8)) && head.count >= 6 {
            self = .bmp
        } else {
            return nil
        }
    }

    /// The format of the file at `path`, or nil when it cannot be read or is not a picture.
    public init?(contentsOf path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 12) else { return nil }
        self.init(header: head)
    }

    /// The formats in words, for messages: "PNG, JPEG, GIF, WebP or BMP".
    static let listed = "PNG, JPEG, GIF, WebP or BMP"
}
