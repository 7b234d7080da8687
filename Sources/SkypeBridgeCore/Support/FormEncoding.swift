/// `application/x-www-form-urlencoded` bodies and query values.
public enum FormEncoding {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    public static func escape(_ value: String) -> String {
        percentEncode(value, keeping: unreserved)
    }

    /// Percent-encodes every UTF-8 byte of `value` that is not in `kept`.
    static func percentEncode(_ value: String, keeping kept: Set<UInt8>) -> String {
        var result = ""
        for byte in value.utf8 {
            if kept.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// `a=1&b=2`, each name and value escaped, in the given order.
    public static func encode(_ fields: [(String, String)]) -> String {
        fields.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }
}

extension FormEncoding {
    /// Splits `a=1&b=x+y` into name/value pairs, `+` as space, percent escapes decoded (invalid
    /// escapes are kept literally); pairs without `=` get an empty value.
    public static func decode(_ form: String) -> [(String, String)] {
        form.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }

    private static func unescape(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let high = hexValue(utf8.first), let low = hexValue(utf8.dropFirst().first) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8?) -> UInt8? {
        switch byte {
        case .some(let digit) where (0x30...0x39).contains(digit): digit - 0x30
        case .some(let letter) where (0x41...0x46).contains(letter): letter - 0x41 + 10
        case .some(let letter) where (0x61...0x66).contains(letter): letter - 0x61 + 10
        default: nil
        }
    }
}
