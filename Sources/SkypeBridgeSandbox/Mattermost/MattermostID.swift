/// Mattermost ids: 26 characters of the server's lowercase base32 alphabet.
enum MattermostID {
    private static let alphabet = Array("ybndrfg8ejkmcpqxot1uwisza345h769".utf8)

    /// A fresh random id: 130 random bits (two draws from the system generator), 5 bits per character.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var high: UInt64 = generator.next()
        var low: UInt64 = generator.next()
        return String(unsafeUninitializedCapacity: 26) { characters in
            for index in 0..<13 {
                characters[index] = alphabet[Int(high & 31)]
                high >>= 5
                characters[index + 13] = alphabet[Int(low & 31)]
                low >>= 5
            }
            return 26
        }
    }

    /// Whether `value` has the shape the server's `IsValidId` accepts: 26 letters or digits.
    static func isValid(_ value: String) -> Bool {
        value.utf8.count == 26 && value.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
