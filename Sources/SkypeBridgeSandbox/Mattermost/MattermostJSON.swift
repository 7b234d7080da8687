import Foundation

/// A free-form JSON value, for post `props`, event `data` and request bodies whose shape varies.
enum MattermostJSON: Codable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([MattermostJSON])
    case object([String: MattermostJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: MattermostJSON].self) {
            self = .object(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .array(try container.decode([MattermostJSON].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// A typed id as a JSON string.
    static func id<Kind>(_ id: MattermostTypedID<Kind>) -> MattermostJSON {
        .string(id.rawValue)
    }

    /// The string, when this is a string.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The string as a typed id, when this is a string.
    func typedID<Kind>() -> MattermostTypedID<Kind>? {
        stringValue.map(MattermostTypedID.init)
    }

    /// The number as an integer, when this is a number.
    var intValue: Int? {
        if case .number(let value) = self { return Int(value) }
        return nil
    }

    /// The boolean, when this is a boolean.
    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The members, when this is an object.
    var objectValue: [String: MattermostJSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    var arrayValue: [MattermostJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The member `key`, when this is an object.
    subscript(key: String) -> MattermostJSON? {
        objectValue?[key]
    }

    /// Parses a request body; an empty body is an empty object.
    static func parse(_ bytes: [UInt8]) throws -> MattermostJSON {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .object([:])
        }
        return try JSONDecoder().decode(MattermostJSON.self, from: Data(bytes))
    }
}
