/// Lenient decoding and strict encoding of the HTML entities Skype RichText uses.
enum HTMLEntities {
    private static let named: [([UInt8], Unicode.Scalar)] = [
        (Array("amp".utf8), "&"), (Array("lt".utf8), "<"), (Array("gt".utf8), ">"), (Array("quot".utf8), "\""),
        (Array("apos".utf8), "'"), (Array("nbsp".utf8), "\u{00A0}"),
    ]

    /// Decodes the entity that starts with `&` at `index`: appends its character and returns the index
    /// after it, or returns nil when there is no valid entity there (the `&` is then plain text).
    static func decode(in bytes: [UInt8], at index: Int, into output: inout [UInt8]) -> Int? {
        var end = index + 1
        let limit = min(bytes.count, index + 12)
        while end < limit, bytes[end] != UInt8(ascii: ";") {
            guard ByteClasses.isASCIIAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "#") else { return nil }
            end += 1
        }
        guard end < limit, end > index + 1 else { return nil }
        let body = bytes[(index + 1)..<end]
        let scalar: Unicode.Scalar?
        if body.first == UInt8(ascii: "#") {
            scalar = numeric(body.dropFirst())
        } else {
            scalar = named.first { $0.0.elementsEqual(body) }?.1
        }
        guard let scalar else { return nil }
        ByteClasses.appendUTF8(scalar, to: &output)
        return end + 1
    }

    private static func numeric(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var digits = digits
        var radix: UInt32 = 10
        if let first = digits.first, first == UInt8(ascii: "x") || first == UInt8(ascii: "X") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            let digit: UInt32
            if ByteClasses.isASCIIDigit(byte) {
                digit = UInt32(byte - 0x30)
            } else if radix == 16, let lower = Optional(byte | 0x20), lower >= 0x61, lower <= 0x66 {
                digit = UInt32(lower - 0x61 + 10)
            } else {
                return nil
            }
            value = value * radix + digit
            guard value <= 0x10FFFF else { return nil }
        }
        guard value != 0 else { return nil }
        return Unicode.Scalar(value)
    }

    /// Appends `text` with `&`, `<` and `>` escaped, for element content.
    static func appendEscapedText(_ text: String, to output: inout [UInt8]) {
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) {
            output.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            default: output.append(byte)
            }
        }
    }

    /// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, for a quoted attribute value.
    static func appendEscapedAttribute(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&apos;".utf8)
            default: output.append(byte)
            }
        }
    }
}
