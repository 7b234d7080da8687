import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Minimal JSON-over-HTTP calls to a sandbox control API, for tests acting as people.
public enum ControlClient {
    /// Sends `body` (JSON-encoded) and returns the decoded JSON answer (or `[:]`).
    @discardableResult
    public static func call(_ method: String, _ url: String, body: [String: any Sendable]? = nil) async throws -> Any {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw ControlError(status: status, body: String(decoding: data, as: UTF8.self))
        }
        return data.isEmpty ? [String: Any]() : try JSONSerialization.jsonObject(with: data)
    }
}

/// A control call that did not answer 2xx.
public struct ControlError: Error, CustomStringConvertible {
    public var status: Int
    public var body: String
    public var description: String { "control API answered \(status): \(body)" }
}
