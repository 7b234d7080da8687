import Foundation
import HTTPTypes
import Hummingbird

/// Builds responses with the server's exact conventions (`Content-Type: application/json`, no charset).
enum MattermostResponse {
    /// A JSON response of an `Encodable` value.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONEncoder().encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON response of already encoded JSON text.
    static func json(text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `{"status":"OK"}`.
    static func statusOK() -> Response {
        json(["status": "OK"])
    }

    /// An `AppError` body.
    static func error(_ error: MattermostAPIError, requestId: String) -> Response {
        let body: [String: MattermostJSON] = [
            "id": .string(error.id), "message": .string(error.message), "detailed_error": .string(""),
            "request_id": .string(requestId), "status_code": .number(Double(error.status.code)),
        ]
        return json(body, status: error.status)
    }

    /// Raw bytes with a content type (file downloads, `ok` from webhooks).
    static func bytes(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
