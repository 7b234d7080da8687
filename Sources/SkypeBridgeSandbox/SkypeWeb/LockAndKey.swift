/// The `LockAndKey` challenge response a client sends when it registers a messaging endpoint
/// (protocol doc §3.2), computed and verified the way skpy 0.11 and skype4pidgin compute it.
public enum LockAndKey {
    /// The application id every known client uses.
    public static let appId = "msmsgs@msnmsgr.com"
    /// The shared key that goes with ``appId``.
    static let key = "Q1P7W2E4J9R8U3S5"

    /// How the clear text is padded to a multiple of 8 bytes.
    enum Padding {
        /// skpy: always append 1–8 `'0'` characters.
        case alwaysPad
        /// skype4pidgin: append nothing when the length is already a multiple of 8.
        case padOnlyWhenNeeded
    }

    /// The 32-hex-character response for `challenge` (the decimal epoch seconds sent as `time`).
    public static func response(challenge: String) -> String {
        response(challenge: challenge, padding: .alwaysPad)
    }

    /// Whether `answer` is a valid response to `challenge` under either padding rule.
    public static func verify(challenge: String, answer: String) -> Bool {
        let lowered = answer.lowercased()
        return lowered == response(challenge: challenge, padding: .alwaysPad)
            || lowered == response(challenge: challenge, padding: .padOnlyWhenNeeded)
    }

    static func response(challenge: String, padding: Padding) -> String {
        let modulus: UInt64 = 0x7FFF_FFFF
        let multiplier: UInt64 = 0x0E79_A9C1
        let digest = SHA256Digest.hash(Array((challenge + key).utf8))
        let h: [UInt64] = (0..<4).map { littleEndianWord(digest, at: $0 * 4) }
        let (a, b, c, e) = (h[0] & modulus, h[1] & modulus, h[2] & modulus, h[3] & modulus)
        var clear = Array((challenge + appId).utf8)
        let remainder = clear.count % 8
        if remainder != 0 || padding == .alwaysPad {
            clear += [UInt8](repeating: UInt8(ascii: "0"), count: 8 - remainder)
        }
        let words: [UInt64] = stride(from: 0, to: clear.count, by: 4).map { littleEndianWord(clear, at: $0) }
        var mac: UInt64 = 0
        var sum: UInt64 = 0
        for pair in stride(from: 0, to: words.count, by: 2) {
            let t = (words[pair] * multiplier) % modulus
            mac = (((mac + t) % modulus) * a + b) % modulus
            sum += mac
            mac = (((mac + words[pair + 1]) % modulus) * c + e) % modulus
            sum += mac
        }
        mac = (mac + b) % modulus
        sum = (sum + e) % modulus
        let output = [h[0] ^ mac, h[1] ^ sum, h[2] ^ mac, h[3] ^ sum]
        let hex = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        for word in output {
            for byte in 0..<4 {
                let value = UInt8(truncatingIfNeeded: word >> UInt64(byte * 8))
                result.append(hex[Int(value >> 4)])
                result.append(hex[Int(value & 0x0F)])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func littleEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        UInt64(bytes[offset]) | UInt64(bytes[offset + 1]) << 8 | UInt64(bytes[offset + 2]) << 16 | UInt64(bytes[offset + 3]) << 24
    }
}
