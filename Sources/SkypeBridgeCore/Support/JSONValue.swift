import Foundation

/// Any JSON value, for wire formats where fields vary in type between implementations
/// (a `clientmessageid` as string or number, an optional object that may be `null`).
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    /// Parses JSON bytes (any value, also a bare string or number).
    /// - Throws: when the bytes are not JSON.
    public static func parse(_ data: Data) throws -> JSONValue {
        try data.withUnsafeBytes { bytes throws(JSONReader.Failure) in try JSONReader.value(of: bytes) }
    }

    /// The member `key` of an object; nil otherwise.
    public subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    /// A string, or a number rendered without a fraction when whole (ids sent as numbers).
    public var string: String? {
        switch self {
        case let .string(value): value
        case let .number(value) where value == value.rounded() && abs(value) < 1e18: String(Int64(value))
        case let .number(value): String(value)
        default: nil
        }
    }

    /// A number, or a string holding one.
    public var number: Double? {
        switch self {
        case let .number(value): value
        case let .string(value): Double(value)
        default: nil
        }
    }

    /// A boolean, or the strings "true"/"false".
    public var bool: Bool? {
        switch self {
        case let .bool(value): value
        case let .string(value): value.lowercased() == "true" ? true : value.lowercased() == "false" ? false : nil
        default: nil
        }
    }

    /// The elements of an array; nil otherwise.
    public var array: [JSONValue]? {
        if case let .array(elements) = self { return elements }
        return nil
    }

    /// The members of an object; nil otherwise.
    public var object: [String: JSONValue]? {
        if case let .object(members) = self { return members }
        return nil
    }
}

extension JSONValue {
    /// Compact JSON text, keys sorted (``JSONWriter``).
    /// - Throws: when the value holds a number JSON cannot carry (NaN, an infinity).
    public func jsonString() throws -> String {
        String(decoding: try JSONWriter.bytes(of: self), as: UTF8.self)
    }

    /// Compact JSON bytes, keys sorted (``JSONWriter``).
    /// - Throws: when the value holds a number JSON cannot carry (NaN, an infinity).
    public func jsonData() throws -> Data {
        Data(try JSONWriter.bytes(of: self))
    }
}
