import Foundation
import Logging
import Testing
@testable import SkypeBridgeCore

/// Large transfers stream between disk and socket with flat memory. Serialized, so the two
/// RSS measurements do not see each other's buffers; each warms the pool first.
@Suite(.serialized) struct CurlTransportStreamingTests {
    private func transport() throws -> CurlTransport {
        try CurlTransport(configuration: HTTPClientConfiguration(retryPolicy: .never), logger: Logger(label: "skypebridge.test.http"))
    }

    @Test func largeDownloadStreamsToDiskWithFlatMemory() async throws {
        let size = 64 << 20
        let directory = try TemporaryDirectory()
        let path = directory.file("download.bin")
        try await TestHTTPServer.run { server in
            let client = try transport()
            let request = HTTPRequest(url: server.url("/bytes?size=\(size)"), destination: .file(path: path))
            _ = try await client.send(HTTPRequest(url: server.url("/bytes?size=\(1 << 20)"), destination: .file(path: path)))
            let (response, before, peak) = try await ResidentMemory.peak { try await client.send(request) }
            #expect(response.status == 200)
            #expect(response.body == .file(path: path))
            let growth = peak - before
            print("64 MiB download: RSS before \(before >> 20) MiB, peak \(peak >> 20) MiB, growth \(growth >> 10) KiB")
            #expect(growth < 24 << 20)
        }
        try expectFileMatchesPayload(path, size: size)
    }

    @Test func fileUploadStreamsFromDisk() async throws {
        let size = 16 << 20
        let directory = try TemporaryDirectory()
        let path = directory.file("upload.bin")
        try TestPayload.writeFile(path, count: size)
        try await TestHTTPServer.run { server in
            let client = try transport()
            let request = HTTPRequest(
                method: .put, url: server.url("/upload"), headers: ["Content-Type": "application/octet-stream"],
                body: .file(path: path))
            _ = try await client.send(HTTPRequest(method: .put, url: server.url("/upload"), body: .bytes(Data(count: 1 << 20))))
            let (response, before, peak) = try await ResidentMemory.peak { try await client.send(request).checked() }
            print("16 MiB upload: RSS growth \((peak - before) >> 10) KiB")
            #expect(response.text == "PUT size=\(size) fnv=\(TestPayload.checksum(count: size)) type=application/octet-stream")
            #expect(peak - before < 12 << 20)

            let post = try await client.send(HTTPRequest(method: .post, url: server.url("/upload"), body: .file(path: path)))
            #expect(post.text.hasPrefix("POST size=\(size) "))
        }
    }

    private func expectFileMatchesPayload(_ path: String, size: Int) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var offset = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            guard chunk == Data(TestPayload.bytes(offset: offset, count: chunk.count)) else {
                Issue.record("file differs from the payload in the MiB at offset \(offset)")
                return
            }
            offset += chunk.count
        }
        #expect(offset == size)
    }
}
