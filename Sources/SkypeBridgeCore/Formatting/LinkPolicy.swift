/// Which link targets may be carried over; anything else is shown as plain text.
enum LinkPolicy {
    /// URL schemes a link may use (lower case).
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "ftp", "tel", "skype"]

    /// The URL trimmed of surrounding spaces when it is safe to link to, else nil: it needs an allowed
    /// scheme, and no control characters or spaces inside (`java\tscript:` and `javascript:` both fail).
    static func sanitized(_ url: String) -> String? {
        let trimmed = url.trimmingASCIISpaces()
        var scheme = ""
        var sawColon = false
        for scalar in trimmed.unicodeScalars {
            if scalar.value < 0x21 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) { return nil }
            if !sawColon {
                if scalar == ":" {
                    sawColon = true
                } else if scalar.isASCII, ByteClasses.isASCIILetter(UInt8(scalar.value))
                    || (!scheme.isEmpty && (ByteClasses.isASCIIDigit(UInt8(scalar.value)) || "+.-".unicodeScalars.contains(scalar)))
                {
                    scheme.unicodeScalars.append(scalar)
                } else {
                    return nil
                }
            }
        }
        guard sawColon, allowedSchemes.contains(scheme.lowercased()) else { return nil }
        return trimmed
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line ends.
    func trimmingASCIISpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
