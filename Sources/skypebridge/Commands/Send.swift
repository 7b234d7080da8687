import ArgumentParser
import Foundation
import SkypeBridgeCore

/// `skypebridge send`: one message to a Skype chat or contact.
struct Send: SkypeBridgeCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send one message to a Skype chat or contact.",
        discussion: """
            The text comes from the arguments, or from stdin when TEXT is '-' or absent and \
            stdin is not a terminal (newlines and UTF-8 kept; one trailing newline dropped). \
            The target is a chat id (8:alice, 19:ops@thread.skype), a Skype name or live: id, \
            or a contact's display name. Prints the new message id; the exit code says whether \
            it arrived.

            Examples:
              skypebridge send 8:alice 'build finished'
              printf 'line one\\nline two' | skypebridge send 8:alice
              skypebridge send --rich 19:ops@thread.skype '**deploy** done :smile:'
              skypebridge send --json live:bob 'hi' | jq -r .id
              skypebridge send --image chart.png 8:bob
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Chat id, live: id or contact name.", valueName: "chat-id|contact"))
    var target: String

    @Argument(help: ArgumentHelp("The message; '-' or nothing reads stdin.", valueName: "text"))
    var text: [String] = []

    @Flag(help: "Treat the text as Markdown-style input and send Skype rich text.")
    var rich = false

    @Flag(help: "Send the text as raw Skype RichText (HTML-like markup).")
    var html = false

    @Flag(help: "Send an emote (/me).")
    var me = false

    @Option(help: ArgumentHelp("Send a file.", valueName: "path"), completion: .file())
    var file: String?

    @Option(help: ArgumentHelp("Send a picture (PNG, JPEG, GIF, WebP or BMP, judged by its bytes).", valueName: "path"), completion: .file(extensions: ["png", "jpg", "jpeg", "gif", "webp", "bmp"]))
    var image: String?

    func validate() throws {
        if rich && html { throw ValidationError("--rich and --html cannot be combined.") }
        if file != nil && image != nil { throw ValidationError("--file and --image cannot be combined; send them one at a time.") }
        if (file != nil || image != nil) && (rich || html || me) {
            throw ValidationError("--rich, --html and --me apply to text messages, not to --file or --image.")
        }
    }

    func run(_ context: CommandContext) async throws {
        let client = SkypeClient(session: try context.skypeSession())
        if let path = file ?? image {
            let chat = try await client.resolveTarget(target)
            let sent = try await client.sendFile(chat, path: path, kind: image != nil ? .picture : .file)
            return try report(sent)
        }
        let body = try MessageBody.read(arguments: text)
        let chat = try await client.resolveTarget(target)
        let message = OutgoingSkypeMessage(text: body, format: rich ? .markdown : html ? .richText : .plain)
        let sent: SkypeClient.SentMessage
        if me {
            let name = try await client.session.credentials().userID.rawValue
            sent = try await client.send(chat, content: "\(name) \(message.content)", messageType: message.messageType, emoteOffset: name.count + 1)
        } else {
            sent = try await client.send(chat, content: message.content, messageType: message.messageType)
        }
        try report(sent)
    }

    private func report(_ sent: SkypeClient.SentMessage) throws {
        if output.json {
            try output.output.jsonLine(SentReport(sent))
        } else {
            try output.output.line(sent.id?.rawValue ?? sent.clientMessageID.rawValue)
        }
    }
}

/// What `send --json` prints.
struct SentReport: Encodable {
    var id: String?
    var clientMessageID: String
    var chat: String
    var arrivalTime: Date

    enum CodingKeys: String, CodingKey {
        case id, clientMessageID = "client_message_id", chat, arrivalTime = "arrival_time"
    }

    init(_ sent: SkypeClient.SentMessage) {
        id = sent.id?.rawValue
        clientMessageID = sent.clientMessageID.rawValue
        chat = sent.chat.rawValue
        arrivalTime = sent.arrival
    }
}
