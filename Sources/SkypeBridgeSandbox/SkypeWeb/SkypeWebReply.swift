import Foundation
import Hummingbird

/// Builders for the responses the emulator sends.
enum SkypeWebReply {
    /// A JSON response from a JSON-serialisable object.
    static func json(_ status: HTTPResponse.Status, _ object: Any, headers: HTTPFields = [:]) -> Response {
        raw(status, SkypeWebJSON.encode(object), headers: headers)
    }

    /// A JSON response from already-encoded text.
    static func raw(_ status: HTTPResponse.Status, _ text: String, contentType: String = "application/json; charset=utf-8",
                    headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// An HTML page (login flows).
    static func html(_ text: String, headers: HTTPFields = [:]) -> Response {
        raw(.ok, text, contentType: "text/html; charset=utf-8", headers: headers)
    }

    /// A SOAP/XML document (always 200, §14.2).
    static func xml(_ text: String) -> Response {
        raw(.ok, text, contentType: "application/soap+xml; charset=utf-8")
    }

    /// Raw bytes (ASM downloads).
    static func bytes(_ bytes: [UInt8], contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A header field name the HTTP types module does not predefine.
    static func field(_ name: String) -> HTTPFields.Element.Name {
        HTTPFields.Element.Name(name)!
    }
}
