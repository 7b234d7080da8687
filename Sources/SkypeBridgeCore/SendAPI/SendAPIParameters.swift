import Foundation

/// The named values of a send API request, gathered from the query, a JSON object body or a
/// form body — whichever the client used — with the body winning over the query.
struct SendAPIParameters {
    private var values: [String: String] = [:]

    /// Reads `request`'s query and body; throws a rejection for a body that cannot be read.
    init(_ request: SendAPIHTTPRequest) throws(SendAPIRejection) {
        if let query = request.query {
            merge(FormEncoding.decode(query))
        }
        guard !request.body.isEmpty else { return }
        let contentType = (request.header("Content-Type") ?? "").lowercased()
        let firstByte = request.body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if contentType.hasPrefix("application/json") || (!contentType.hasPrefix("application/x-www-form-urlencoded") && firstByte == UInt8(ascii: "{")) {
            try mergeJSON(request.body)
        } else if contentType.isEmpty || contentType.hasPrefix("application/x-www-form-urlencoded") || contentType.hasPrefix("text/plain") {
            merge(FormEncoding.decode(String(decoding: request.body, as: UTF8.self)))
        } else {
            throw .malformedBody("unsupported Content-Type \(contentType); send JSON or a form")
        }
    }

    /// The value of the first of `names` present (exact spelling first, then case-insensitive).
    subscript(_ names: String...) -> String? {
        for name in names {
            if let value = values[name] { return value }
        }
        for name in names {
            if let value = values.first(where: { $0.key.lowercased() == name.lowercased() })?.value { return value }
        }
        return nil
    }

    /// Whether any of `names` is present, in any case.
    func contains(anyOf names: [String]) -> Bool {
        values.keys.contains { key in names.contains { $0.lowercased() == key.lowercased() } }
    }

    private mutating func merge(_ pairs: [(String, String)]) {
        for (name, value) in pairs {
            values[name] = value
        }
    }

    private mutating func mergeJSON(_ body: [UInt8]) throws(SendAPIRejection) {
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(Data(body))
        } catch {
            throw .malformedBody("not valid JSON")
        }
        guard case .object(let members) = parsed else { throw .malformedBody("expected a JSON object") }
        for (name, value) in members {
            switch value {
            case .string(let text): values[name] = text
            case .number(let number): values[name] = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case .bool(let flag): values[name] = String(flag)
            case .null, .array, .object: continue
            }
        }
    }
}
