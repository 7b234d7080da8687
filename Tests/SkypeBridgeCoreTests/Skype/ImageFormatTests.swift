import Foundation
import SkypeBridgeCore
import Testing

/// Pictures are recognised by their first bytes, whatever the file is called.
@Suite struct ImageFormatTests {
    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], ImageFormat.png),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], .jpeg),
        (Array("GIF89a".utf8) + [0x01, 0x00], .gif),
        (Array("GIF87a".utf8), .gif),
        (Array("RIFF".utf8) + [0x24, 0x00, 0x00, 0x00] + Array("WEBPVP8 ".utf8), .webp),
        (Array("BM".utf8) + [0x36, 0x00, 0x0C, 0x00], .bmp),
    ] as [([UInt8], ImageFormat)])
    func picturesAreRecognisedByTheirSignature(bytes: [UInt8], format: ImageFormat) {
        #expect(ImageFormat(header: bytes) == format)
    }

    @Test(arguments: [
        Array("just text".utf8), [], [0x89, 0x50, 0x4E, 0x47], Array("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8), Array("%PDF-1.7".utf8), Array("BM".utf8),
    ])
    func otherBytesAreNotPictures(bytes: [UInt8]) {
        #expect(ImageFormat(header: bytes) == nil)
    }

    @Test func aFileIsJudgedByItsBytesNotItsName() throws {
        let directory = FileManager.default.temporaryDirectory.path + "/skypebridge-image-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("not a picture".utf8).write(to: URL(fileURLWithPath: directory + "/fake.png"))
        try Data([0xFF, 0xD8, 0xFF, 0xDB, 0x00]).write(to: URL(fileURLWithPath: directory + "/photo.txt"))
        #expect(ImageFormat(contentsOf: directory + "/fake.png") == nil)
        #expect(ImageFormat(contentsOf: directory + "/photo.txt") == .jpeg)
        #expect(ImageFormat(contentsOf: directory + "/missing.png") == nil)
    }
}
