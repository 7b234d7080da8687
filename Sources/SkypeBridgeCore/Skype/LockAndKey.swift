/// The `LockAndKey` header Skype's messaging gateway demands when registering an endpoint
/// (skype-web.md §3.2): a MAC of the challenge (the epoch-seconds string) with the MSN app key.
public enum LockAndKey {
    /// The application id sent with the challenge.
    public static let appID = "msmsgs@msnmsgr.com"
    private static let key = "Q1P7W2E4J9R8U3S5"
    private static let modulus: UInt64 = 0x7FFF_FFFF
    private static let multiplier: UInt64 = 0x0E79_A9C1

    /// The 32-hex-character response for `challenge`.
    public static func response(challenge: String) -> String {
        let digest = SHA256.hash(Array((challenge + key).utf8))
        let h = (0..<4).map { i in littleEndianWord(digest, at: i * 4) }
        let (a, b, c, e) = (UInt64(h[0]) & modulus, UInt64(h[1]) & modulus, UInt64(h[2]) & modulus, UInt64(h[3]) & modulus)

        var input = Array((challenge + appID).utf8)
        let padding = 8 - input.count % 8
        input += [UInt8](repeating: UInt8(ascii: "0"), count: padding)
        let words = stride(from: 0, to: input.count, by: 4).map { UInt64(littleEndianWord(input, at: $0)) }

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

        let output = [h[0] ^ UInt32(mac), h[1] ^ UInt32(sum), h[2] ^ UInt32(mac), h[3] ^ UInt32(sum)]
        return Hex.lowercase(output.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32($0 * 8)) } })
    }

    /// The full header value for `time` (epoch seconds).
    public static func header(time: Int) -> String {
        "appId=\(appID); time=\(time); lockAndKeyResponse=\(response(challenge: String(time)))"
    }

    private static func littleEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
