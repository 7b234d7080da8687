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
