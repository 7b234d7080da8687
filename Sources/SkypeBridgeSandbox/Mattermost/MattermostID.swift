/// Mattermost ids: 26 characters of the server's lowercase base32 alphabet.
enum MattermostID {
    private static let alphabet = Array("ybndrfg8ejkmcpqxot1uwisza345h769")

    /// A fresh random id.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<26).map { _ in alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))] })
    }

    /// Whether `value` has the shape the server's `IsValidId` accepts: 26 letters or digits.
    static func isValid(_ value: String) -> Bool {
        value.utf8.count == 26 && value.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
