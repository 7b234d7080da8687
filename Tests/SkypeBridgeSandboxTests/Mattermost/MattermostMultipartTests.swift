import Testing

@testable import SkypeBridgeSandbox

@Suite struct MattermostMultipartTests {
    @Test func readsFieldsAndFilePartsWithBinaryBodies() throws {
        let body = Array("--XyZ\r\nContent-Disposition: form-data; name=\"channel_id\"\r\n\r\nchan\r\n--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            + [0, 13, 10, 255] + Array("\r\n--XyZ--\r\n".utf8)
        let form = try #require(MattermostMultipart(body: body, contentType: "multipart/form-data; boundary=XyZ"))
        #expect(form.parts.map(\.name) == ["channel_id", "files"])
        #expect(form.parts[0].filename == nil)
        #expect(String(decoding: form.parts[0].body, as: UTF8.self) == "chan")
        #expect(form.parts[1].filename == "a.bin")
        #expect(form.parts[1].contentType == "application/octet-stream")
        #expect(form.parts[1].body == [0, 13, 10, 255])
    }

    @Test func isNilForOtherContentTypes() {
        #expect(MattermostMultipart(body: [], contentType: "application/json") == nil)
    }
}
