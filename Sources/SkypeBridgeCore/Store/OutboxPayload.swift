import Foundation

/// The JSON an outbox row keeps its ``OutboxRequest`` in (the `payload` column):
///
/// ```json
/// {"action":"post","target":"skype",
///  "message":{"transactionID":"…","chat":"8:alice","body":"…","senderName":"…","replyTo":"…",
///             "attachment":{"side":"mattermost","reference":"…","name":"a.png","size":12,"isImage":true}},
///  "origin":{"side":"mattermost","chat":"…","id":"…"}}
/// ```
///
/// Optional members are left out when absent. Written and read with ``JSONWriter`` and
/// ``JSONReader``: every relayed message and accepted send-API request passes through here twice.
enum OutboxPayload {
    /// Why a payload could not be read back.
    struct Failure: Error, CustomStringConvertible {
        /// What is wrong with it.
        var reason: String

        var description: String { "unreadable outbox payload: \(reason)" }
    }

    /// The payload text of `request`.
    static func text(of request: OutboxRequest) -> String {
        var root: [String: JSONValue] = [
            "action": .string(request.action.rawValue), "target": .string(request.target.rawValue), "message": json(request.message),
        ]
        if let origin = request.origin {
            root["origin"] = .object(["side": .string(origin.side.rawValue), "chat": .string(origin.chat.rawValue), "id": .string(origin.id.rawValue)])
        }
        return (try? JSONValue.object(root).jsonString()) ?? "{}"
    }

    /// The request a payload holds.
    static func request(from text: String) throws(Failure) -> OutboxRequest {
        let root: JSONValue
        do {
            root = try JSONValue.parse(Data(text.utf8))
        } catch {
            throw Failure(reason: "\(error)")
        }
        guard let action = root["action"]?.string.flatMap(OutboxRequest.Action.init(rawValue:)) else { throw Failure(reason: "no action") }
        let target = try side(root["target"], "target")
        guard let message = root["message"] else { throw Failure(reason: "no message") }
        var origin: MessageOrigin?
        if let value = root["origin"], value != .null {
            origin = MessageOrigin(side: try side(value["side"], "origin side"), chat: BridgeChatID(try string(value["chat"], "origin chat")),
                                   id: RemoteMessageID(try string(value["id"], "origin id")))
        }
        return OutboxRequest(action: action, target: target, message: try outgoing(message), origin: origin)
    }

    private static func json(_ message: OutgoingMessage) -> JSONValue {
        var object: [String: JSONValue] = [
            "transactionID": .string(message.transactionID.rawValue), "chat": .string(message.chat.rawValue), "body": .string(message.body),
        ]
        if let sender = message.senderName { object["senderName"] = .string(sender) }
        if let reply = message.replyTo { object["replyTo"] = .string(reply.rawValue) }
        if let attachment = message.attachment {
            var file: [String: JSONValue] = [
                "side": .string(attachment.side.rawValue), "reference": .string(attachment.reference), "name": .string(attachment.name),
                "isImage": .bool(attachment.isImage),
            ]
            if let size = attachment.size { file["size"] = .number(Double(size)) }
            object["attachment"] = .object(file)
        }
        return .object(object)
    }

    private static func outgoing(_ value: JSONValue) throws(Failure) -> OutgoingMessage {
        var attachment: BridgeAttachment?
        if let file = value["attachment"], file != .null {
            attachment = BridgeAttachment(
                side: try side(file["side"], "attachment side"), reference: try string(file["reference"], "attachment reference"),
                name: try string(file["name"], "attachment name"), size: file["size"]?.number.map { Int64($0) },
                isImage: file["isImage"]?.bool ?? false)
        }
        return OutgoingMessage(
            transactionID: TransactionID(try string(value["transactionID"], "transaction id")), chat: BridgeChatID(try string(value["chat"], "chat")),
            body: try string(value["body"], "body"), senderName: value["senderName"]?.string, replyTo: value["replyTo"]?.string.map { RemoteMessageID($0) },
            attachment: attachment)
    }

    private static func side(_ value: JSONValue?, _ what: String) throws(Failure) -> BridgeSideKind {
        guard let side = value?.string.flatMap(BridgeSideKind.init(rawValue:)) else { throw Failure(reason: "no \(what)") }
        return side
    }

    private static func string(_ value: JSONValue?, _ what: String) throws(Failure) -> String {
        guard case let .string(text) = value else { throw Failure(reason: "no \(what)") }
        return text
    }
}
