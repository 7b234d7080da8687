import Foundation

/// Parsing of the `Retry-After` response header (RFC 9110 §10.2.3).
public enum RetryAfter {
    /// The wait a `Retry-After` value asks for: delta-seconds (`"120"`) or an HTTP-date
    /// (`"Sun, 06 Nov 1994 08:49:37 GMT"`, also the obsolete RFC 850 and asctime forms), measured
    /// from `now`. A date in the past means no wait; an unparsable value gives `nil`.
    public static func delay(from value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) {
            return .seconds(Int(text) ?? Int.max)
        }
        guard let date = httpDate(text) else { return nil }
        let seconds = max(date.timeIntervalSince(now), 0)
        return .milliseconds(Int((seconds * 1000).rounded(.up)))
    }

    private static let dateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in dateFormats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
