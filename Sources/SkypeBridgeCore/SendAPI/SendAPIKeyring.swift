/// The configured API keys of the send API, matched in constant time.
///
/// Keys are kept as SHA-256 digests and a presented key is compared with every one of them by
/// XOR-accumulating all bytes, so neither the position of the first differing byte nor which key
/// matched shows in the time taken.
public struct SendAPIKeyring: Sendable {
    private let digests: [(name: String, digest: [UInt8])]

    /// Creates a keyring from named keys (name, key).
    public init(keys: [(name: String, key: String)]) {
        digests = keys.map { ($0.name, SHA256.hash(Array($0.key.utf8))) }
    }

    /// Whether no key is configured (the API then refuses every request).
    public var isEmpty: Bool { digests.isEmpty }

    /// The name of the key equal to `presented`, or nil.
    public func name(matching presented: String) -> String? {
        let digest = SHA256.hash(Array(presented.utf8))
        var match: String?
        for entry in digests {
            var difference: UInt8 = 0
            for index in 0..<digest.count {
                difference |= digest[index] ^ entry.digest[index]
            }
            if difference == 0, match == nil {
                match = entry.name
            }
        }
        return match
    }
}
