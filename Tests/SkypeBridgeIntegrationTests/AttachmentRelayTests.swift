import Foundation
import SkypeBridgeCore
import SkypeBridgeTestSupport
import Testing

/// Pictures and files through `bridge run`: copied both ways through a temporary file (memory
/// stays flat even for 40 MiB), same bytes, with a label instead when over `max_file_size`.
@Suite struct AttachmentRelayTests {
    /// Writes a file of `size` bytes, 1 MiB at a time, and returns its path.
    private func file(_ directory: String, _ name: String, size: Int) throws -> String {
        let path = directory + "/" + name
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var written = 0
        while written < size {
            let count = min(1 << 20, size - written)
            try handle.write(contentsOf: Data((0..<count).map { UInt8(truncatingIfNeeded: (written + $0) &* 2_654_435_761 >> 13) }))
            written += count
        }
        return path
    }

    /// Whether two files hold the same bytes, compared 1 MiB at a time (the test process stays small,
    /// so other tests measuring their own memory are not disturbed).
    private func sameBytes(_ first: String, _ second: String) throws -> Bool {
        let a = try FileHandle(forReadingFrom: URL(fileURLWithPath: first))
        let b = try FileHandle(forReadingFrom: URL(fileURLWithPath: second))
        defer {
            try? a.close()
            try? b.close()
        }
        while true {
            let left = try a.read(upToCount: 1 << 20) ?? Data()
            let right = try b.read(upToCount: 1 << 20) ?? Data()
            if left != right { return false }
            if left.isEmpty { return true }
        }
    }

    /// A running bridge with alice's chat bridged, alice on Skype and mia on Mattermost.
    private func bridgedChat() async throws -> (BridgeRunFixture, RunningBinary, SkypeClient, MattermostClient, MattermostChannelID) {
        let fixture = try await BridgeRunFixture()
        let bridge = try await fixture.startBridge()
        try await fixture.skypeSays("alice", "hello, files follow")
        _ = try await fixture.eventually { try await fixture.channelID("skype-8-alice") != nil }
        let channel = MattermostChannelID(try #require(try await fixture.channelID("skype-8-alice")))
        return (fixture, bridge, try fixture.skypeClient("alice"), try fixture.miaClient(), channel)
    }

    @Test func a40MiBFileGoesBothWaysWithTheSameBytesAndFlatMemory() async throws {
        let (fixture, bridge, alice, mia, channel) = try await bridgedChat()
        defer { bridge.terminate() }
        let directory = fixture.sandbox.directory
        // The bridge's own memory (RssAnon): its code pages, handed back after start-up, fault
        // back in while it works and say nothing about whether a file is held in memory.
        let idle = try #require(bridge.memoryKiB("RssAnon"))
        let sampling = Task {
            var peak = idle
            while !Task.isCancelled {
                peak = max(peak, bridge.memoryKiB("RssAnon") ?? 0)
                try? await Task.sleep(for: .milliseconds(20))
            }
            return peak
        }

        let big = try file(directory, "big.bin", size: 40 << 20)
        _ = try await alice.sendFile(SkypeChatID("8:bridge.bot"), path: big, kind: .file)
        var relayed: MattermostPost?
        #expect(try await fixture.eventually(timeout: .seconds(120)) {
            relayed = try await mia.posts(in: channel, since: 0).first { !$0.fileIDs.isEmpty }
            return relayed != nil
        })
        let post = try #require(relayed)
        let info = try await mia.fileInfo(id: post.fileIDs[0])
        #expect(info.name == "big.bin")
        #expect(info.size == Int64(40 << 20))
        try await mia.downloadFile(id: info.id, to: directory + "/big-on-mattermost.bin")
        #expect(try sameBytes(directory + "/big-on-mattermost.bin", big))

        let back = try file(directory, "back.bin", size: 40 << 20)
        let uploaded = try await mia.uploadFile(channel: channel, path: back, name: "back.bin")
        _ = try await mia.createPost(NewMattermostPost(channelID: channel, message: "and back", fileIDs: [uploaded.id]))
        var shared: SkypeAttachment?
        #expect(try await fixture.eventually(timeout: .seconds(120)) {
            shared = try await alice.messages(in: SkypeChatID("8:bridge.bot"), since: Date().addingTimeInterval(-600))
                .compactMap { SkypeAttachment.parse(content: $0.content, messageType: $0.messageType) }.first { $0.name == "back.bin" }
            return shared != nil
        })
        try await alice.download(try #require(shared), to: directory + "/back-on-skype.bin")
        #expect(try sameBytes(directory + "/back-on-skype.bin", back))
        #expect(try await fixture.eventually { try await fixture.bridgeMessagesOnSkype().contains { ($0["content"] as? String ?? "").contains("and back") } })

        sampling.cancel()
        let peak = await sampling.value
        #expect(peak - idle < 24 * 1024, "anonymous RSS grew from \(idle) KiB to a peak of \(peak) KiB while copying 40 MiB files")
    }

    @Test func picturesStayPicturesBothWaysAndAnImageThatIsNotOneGoesAsAFile() async throws {
        let (fixture, bridge, alice, mia, channel) = try await bridgedChat()
        defer { bridge.terminate() }
        let directory = fixture.sandbox.directory
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 300)
        try Data(png).write(to: URL(fileURLWithPath: directory + "/chart.png"))
        _ = try await alice.sendFile(SkypeChatID("8:bridge.bot"), path: directory + "/chart.png", kind: .picture)
        var relayed: MattermostPost?
        #expect(try await fixture.eventually {
            relayed = try await mia.posts(in: channel, since: 0).first { !$0.fileIDs.isEmpty }
            return relayed != nil
        })
        let info = try await mia.fileInfo(id: try #require(relayed?.fileIDs.first))
        #expect(info.name == "chart.png" && info.mimeType == "image/png")

        try Data(png).write(to: URL(fileURLWithPath: directory + "/photo.png"))
        try Data("only words\n".utf8).write(to: URL(fileURLWithPath: directory + "/fake.png"))
        for name in ["photo.png", "fake.png"] {
            let uploaded = try await mia.uploadFile(channel: channel, path: directory + "/" + name, name: name)
            _ = try await mia.createPost(NewMattermostPost(channelID: channel, message: "", fileIDs: [uploaded.id]))
        }
        var types: [String: String] = [:]
        #expect(try await fixture.eventually {
            for message in try await alice.messages(in: SkypeChatID("8:bridge.bot"), since: Date().addingTimeInterval(-600)) {
                if let name = SkypeAttachment.parse(content: message.content, messageType: message.messageType)?.name {
                    types[name] = message.messageType
                }
            }
            return types["photo.png"] != nil && types["fake.png"] != nil
        }, "\(types)")
        #expect(types["photo.png"] == "RichText/UriObject", "\(types)")
        #expect(types["fake.png"] == "RichText/Media_GenericFile")
    }

    @Test func aFileOverMaxFileSizeBecomesALabelWithNameAndSize() async throws {
        let fixture = try await BridgeRunFixture(bridgeSettings: #"max_file_size = "100KiB""#)
        let bridge = try await fixture.startBridge()
        defer { bridge.terminate() }
        let alice = try fixture.skypeClient("alice")
        let big = try file(fixture.sandbox.directory, "too big.pdf", size: 300_000)
        _ = try await alice.sendFile(SkypeChatID("8:bridge.bot"), path: big, kind: .file)
        #expect(try await fixture.eventually { try await fixture.channelID("skype-8-alice") != nil })
        let channel = try #require(try await fixture.channelID("skype-8-alice"))
        #expect(try await fixture.eventually {
            try await fixture.posts(channel).contains { post in
                let message = post["message"] as? String ?? ""
                return message.contains("too big.pdf") && message.contains("not copied") && message.contains("larger than 100KiB")
                    && (post["file_ids"] as? [Any] ?? []).isEmpty
            }
        })
    }
}
