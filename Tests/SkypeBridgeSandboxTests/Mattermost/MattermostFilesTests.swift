import Foundation
import Testing

@Suite struct MattermostFilesTests {
    private func multipart(channel: String, name: String, type: String, bytes: Data) -> (Data, String) {
        let boundary = "b-\(UUID().uuidString)"
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"channel_id\"\r\n\r\n\(channel)\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n".utf8))
        body.append(bytes)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    @Test func uploadAttachAndDownloadRoundTrips() async throws {
        try await MattermostTestServer.with { server in
            let channel = try await server.channel(members: ["bridge-bot", "mia"])
            let bytes = Data((0..<300).map { UInt8($0 % 251) })
            let (body, type) = multipart(channel: channel, name: "blob.bin", type: "application/octet-stream", bytes: bytes)
            let upload = try await server.request("POST", "/files", token: server.botToken, body: body, contentType: type)
            #expect(upload.status == 201)
            let info = (upload.object["file_infos"] as? [[String: Any]])?.first ?? [:]
            let fileId = info["id"] as? String ?? ""
            #expect(info["size"] as? Int == 300)
            #expect(info["extension"] as? String == "bin")
            let hidden = try await server.request("GET", "/files/\(fileId)/info", token: server.miaToken)
            #expect(hidden.status == 403)
            let post = try await server.post("file", in: channel, token: server.botToken, extra: ["file_ids": [fileId]])
            #expect(post["file_ids"] as? [String] == [fileId])
            let download = try await server.request("GET", "/files/\(fileId)", token: server.miaToken)
            #expect(download.data == bytes)
            #expect(download.headers["content-type"] == "application/octet-stream")
            let infoAfter = try await server.request("GET", "/files/\(fileId)/info", token: server.miaToken).object
            #expect(infoAfter["post_id"] as? String == post["id"] as? String)
        }
    }

    @Test func uploadOverTheLimitIs413() async throws {
        try await MattermostTestServer.with(.init(maxFileSize: 100)) { server in
            let channel = try await server.channel(members: ["bridge-bot"])
            let (body, type) = multipart(channel: channel, name: "big.bin", type: "application/octet-stream", bytes: Data(count: 101))
            let reply = try await server.request("POST", "/files", token: server.botToken, body: body, contentType: type)
            #expect(reply.status == 413)
            #expect(reply.object["id"] as? String == "api.file.upload_file.too_large_detailed.app_error")
        }
    }
}
