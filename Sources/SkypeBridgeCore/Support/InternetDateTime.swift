import Foundation

/// RFC 3339 timestamps (`2026-11-22T10:28:36.123Z`, `…+01:00`, also `…+0100`), as Skype sends
/// them in every message. Read by arithmetic, since creating an `ISO8601DateFormatter` per
/// message cost more than the rest of the message's parsing; and strictly, where the formatter
/// rolled February 30 over into March.
enum InternetDateTime {
    /// The instant `text` names, or nil when it is not an internet date-time.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20,
            let civil = CivilTime(leading: bytes, separators: [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")])
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                fraction += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let colon = index + 6 == bytes.count && bytes[index + 3] == UInt8(ascii: ":")
            guard colon || index + 5 == bytes.count, let hours = CivilTime.decimal(bytes[index + 1..<index + 3]),
                let minutes = CivilTime.decimal(bytes[(colon ? index + 4 : index + 3)...]), hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return nil
        }
        return Date(timeIntervalSince1970: Double(civil.epochSeconds - offset) + fraction)
    }
}
