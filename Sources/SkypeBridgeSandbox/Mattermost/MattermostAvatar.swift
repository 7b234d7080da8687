import Foundation

/// The profile image every user has: a 1×1 grey PNG (the server generates initials; any PNG will do).
enum MattermostAvatar {
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==") ?? Data()
}
