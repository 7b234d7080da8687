import Foundation
import Logging
import SkypeBridgeCore
import SkypeBridgeSandbox
import Testing

@Suite("Skype attachments")
struct SkypeAttachmentTests {
    @Test("skpy's picture body (skype-web.md §7.3) is a picture with its name and object id")
    func skpyPicture() throws {
        let body = #"<URIObject type="Picture.1" uri="https://api.asm.skype.com/v1/objects/0-weu-d1-abc" url_thumbnail="https://api.asm.skype.com/v1/objects/0-weu-d1-abc/views/imgt1"><Title/><Description/><OriginalName v="a &amp; b.png"/><a href="https://api.asm.skype.com/s/i?0-weu-d1-abc">https://api.asm.skype.com/s/i?0-weu-d1-abc</a><meta type="photo" originalName="a &amp; b.png"/></URIObject>"#
        let attachment = try #require(SkypeAttachment.parse(content: body, messageType: "RichText/UriObject"))
        #expect(attachment.kind == .picture)
        #expect(attachment.objectID == "0-weu-d1-abc")
        #expect(attachment.name == "a & b.png")
        #expect(attachment.declaredSize == nil)
        #expect(attachment.contentView == "imgpsh_fullsize")
    }

    @Test("a file body gives name and declared size; tag names in any case (skpy lowercases them)")
    func fileAnyCase() throws {
        let body = #"<uriobject type="File.1" uri="https://x/v1/objects/0-cus-d2-ff"><title>Title: report.pdf</title><originalname v="report.pdf"/><filesize v="1048576"/></uriobject>"#
        let attachment = try #require(SkypeAttachment.parse(content: body, messageType: "RichText/Media_GenericFile"))
        #expect(attachment.kind == .file)
        #expect(attachment.name == "report.pdf")
        #expect(attachment.declaredSize == 1_048_576)
        #expect(attachment.contentView == "original")
    }

    @Test("hostile names lose directories and control characters; missing names fall back")
    func hostileNames() throws {
        let body = "<URIObject type=\"File.1\" uri=\"https://x/v1/objects/0-a-b-c\"><OriginalName v=\"../../etc/pass\u{7}wd\"/></URIObject>"
        #expect(try #require(SkypeAttachment.parse(content: body, messageType: "RichText/Media_GenericFile")).name == "....etcpasswd")
        let titled = #"<URIObject type="File.1" uri="https://x/v1/objects/0-a-b-c"><Title>Title: notes.txt</Title></URIObject>"#
        #expect(try #require(SkypeAttachment.parse(content: titled, messageType: "RichText/Media_GenericFile")).name == "notes.txt")
    }

    @Test("plain messages and URIObjects without a uri are not attachments")
    func notAttachments() {
        #expect(SkypeAttachment.parse(content: "hello <b>there</b>", messageType: "RichText") == nil)
        #expect(SkypeAttachment.parse(content: #"<URIObject type="Picture.1"></URIObject>"#, messageType: "RichText/UriObject") == nil)
    }

    @Test("a shared file downloads from the sandbox byte for byte; over the limit it fails and leaves no file")
    func downloadRoundTrip() async throws {
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let sandbox = Sandbox(options: Sandbox.Options(), services: Sandbox.defaultServices(options: Sandbox.Options(), logger: logger), logger: logger)
        let infos = try await sandbox.start()
        defer { Task { await sandbox.stop() } }
        let urls = try #require(infos["skype"]?.urls)
        func url(_ key: String, _ suffix: String = "") throws -> URL {
            let base = try #require(urls[key])
            return try #require(URL(string: base + suffix))
        }
        let services = SkypeServiceURLs(
            login: try url("login"), microsoftAccount: try url("msacc"), edge: try url("edge"), api: try url("api"),
            contacts: try url("contacts"), messaging: try url("messaging"), asm: try url("asm", "/v1/objects"), profile: try url("profile"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("attachment-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = try SkypeSession.make(
            settings: SkypeSettings(username: "bridge.bot", services: services), store: nil, environment: [:],
            password: { "bridge-pass" }, logger: logger)
        let client = SkypeClient(session: session)

        let original = directory + "/data.bin"
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: original))
        let since = Date().addingTimeInterval(-5)
        _ = try await client.sendFile(SkypeChatID("8:alice"), path: original, kind: .file)
        let message = try #require(try await client.messages(in: SkypeChatID("8:alice"), since: since).last)
        let attachment = try #require(SkypeAttachment.parse(content: message.content, messageType: message.messageType))
        #expect(attachment.name == "data.bin")
        #expect(attachment.declaredSize == 300_000)

        let copy = directory + "/copy.bin"
        try await client.download(attachment, to: copy)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(bytes))

        let refused = directory + "/refused.bin"
        var undeclared = attachment
        undeclared.declaredSize = nil
        await #expect(throws: HTTPError.self) { try await client.download(undeclared, to: refused, maxBytes: 100_000) }
        #expect(!FileManager.default.fileExists(atPath: refused))
    }
}
