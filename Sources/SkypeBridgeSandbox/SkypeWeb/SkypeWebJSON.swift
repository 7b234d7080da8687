import Foundation

/// JSON and time helpers for the wire shapes (bodies are loosely typed, as on the real service).
enum SkypeWebJSON {
    /// Parses a JSON object body; throws ``SkypeWebError/badRequest(_:)`` for anything else.
    static func object(_ bytes: [UInt8]) throws(SkypeWebError) -> [String: Any] {
        guard !bytes.isEmpty else { return [:] }
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes)), let object = value as? [String: Any] else {
            throw .badRequest("The request body is not a JSON object.")
        }
        return object
    }

    /// Encodes a JSON-serialisable value (object or array) as text.
    static func encode(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A JSON string literal for `text`, quotes included.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A string field that may arrive as a string or a number (e.g. `clientmessageid`).
    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// `2016-01-01T00:00:00Z` (no fraction: skpy parses event and invite times strictly).
    static func isoSeconds(_ ms: Int64) -> String {
        format(ms, fraction: false)
    }

    /// `2016-01-01T00:00:00.000Z`, as in message timestamps.
    static func isoMillis(_ ms: Int64) -> String {
        format(ms, fraction: true)
    }

    /// Milliseconds since the epoch, now.
    static func nowMillis() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    private static func format(_ ms: Int64, fraction: Bool) -> String {
        let seconds = ms / 1000
        let days = Int(seconds / 86400)
        let secondOfDay = Int(seconds % 86400)
        let (year, month, day) = civil(fromDays: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
        text += pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        return fraction ? text + "." + pad(Int(ms % 1000), 3) + "Z" : text + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's `civil_from_days`.
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
