/// Writes ``JSONValue`` as compact JSON text in one pass over the value: object keys sorted by
/// their UTF-8 bytes (equal values give equal text), `/` and non-ASCII characters left as they
/// are, control characters escaped. Numbers without a fraction are written as integers.
///
/// Every message the bridge sends (a Skype message body, a Mattermost post, an outbox row) is
/// written here; Foundation's `JSONEncoder` went through its generic `Encoder` machinery for
/// each value and cost more than the rest of an accepted send-API request together.
struct JSONWriter {
    /// A number JSON cannot carry (NaN or an infinity).
    struct Failure: Error, CustomStringConvertible {
        /// The number.
        var value: Double

        var description: String { "cannot write \(value) as JSON" }
    }

    private(set) var bytes: [UInt8] = []

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The text of `value`.
    static func bytes(of value: JSONValue) throws(Failure) -> [UInt8] {
        var writer = JSONWriter()
        writer.bytes.reserveCapacity(256)
        try writer.write(value)
        return writer.bytes
    }

    private mutating func write(_ value: JSONValue) throws(Failure) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case let .bool(flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case let .number(number): try write(number)
        case let .string(text): write(text)
        case let .array(elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case let .object(members):
            bytes.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(key)
                bytes.append(UInt8(ascii: ":"))
                try write(members[key] ?? .null)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func write(_ number: Double) throws(Failure) {
        guard number.isFinite else { throw Failure(value: number) }
        if number == number.rounded(), abs(number) < 9.007_199_254_740_992e15 {
            bytes.append(contentsOf: String(Int64(number)).utf8)
        } else {
            bytes.append(contentsOf: number.description.utf8)
        }
    }

    private mutating func write(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
