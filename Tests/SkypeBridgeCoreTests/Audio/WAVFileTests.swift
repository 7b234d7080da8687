import Foundation
import SkypeBridgeCore
import Testing

@Suite struct WAVFileTests {
    /// A 16 kHz signal whose samples every encoding (even 8-bit) represents exactly.
    private let exact: [Int16] = (0..<1_000).map { Int16(clamping: (($0 * 37) % 200 - 100) * 256) }

    @Test(arguments: WAVSampleEncoding.allCases)
    func monoFilesAt16kHzReadBackSampleExactInEveryEncoding(_ encoding: WAVSampleEncoding) async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("exact.wav")
        try AudioSignals.writeWAV(path, format: WAVFormat(encoding: encoding, sampleRate: 16_000, channels: 1), interleaved: exact.map { Float($0) / 32_768 })
        let source = try WAVFileSource(path: path)
        #expect(source.format.encoding == encoding)
        let samples = try await AudioSignals.readAll(source)
        #expect(samples.count == 4 * CallAudioFormat.frameSamples)
        #expect(Array(samples.prefix(exact.count)) == exact)
        #expect(samples.dropFirst(exact.count).allSatisfy { $0 == 0 })
    }

    @Test(arguments: WAVSampleEncoding.allCases)
    func stereoFilesAreMixedToMono(_ encoding: WAVSampleEncoding) async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("stereo.wav")
        let interleaved: [Float] = exact.flatMap { sample -> [Float] in [Float(sample) / 32_768, 0.25] }
        try AudioSignals.writeWAV(path, format: WAVFormat(encoding: encoding, sampleRate: 16_000, channels: 2), interleaved: interleaved)
        let samples = try await AudioSignals.readAll(try WAVFileSource(path: path))
        let expected = exact.map { (Int($0) + 8_192) / 2 }
        #expect(zip(samples, expected).allSatisfy { abs(Int($0) - $1) <= 1 })
    }

    @Test(arguments: [
        (WAVSampleEncoding.pcm16, 44_100, 2), (.pcm24, 48_000, 2), (.float32, 48_000, 1), (.pcm8, 8_000, 1), (.pcm32, 22_050, 2), (.float64, 32_000, 1),
    ])
    func otherRatesAreConvertedTo16kHzKeepingPitchAndLength(_ encoding: WAVSampleEncoding, _ rate: Int, _ channels: Int) async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("tone.wav")
        let tone = AudioSignals.sine(1_000, rate: rate, count: rate, amplitude: 0.5)
        try AudioSignals.writeWAV(path, format: WAVFormat(encoding: encoding, sampleRate: rate, channels: channels), interleaved: tone.flatMap { sample -> [Float] in Array(repeating: sample, count: channels) })
        let samples = try await AudioSignals.readAll(try WAVFileSource(path: path))
        #expect(samples.count == 50 * CallAudioFormat.frameSamples)
        let middle = Array(samples[2_000..<14_000])
        #expect(abs(AudioSignals.dominantFrequency(middle) - 1_000) <= 1)
        #expect(abs(AudioSignals.rms(middle) - 0.5 / 2.0.squareRoot()) < 0.01)
    }

    @Test func sinkFilesReadBackExactly() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("out.wav")
        let sink = try WAVFileSink(path: path)
        let frames = (0..<7).map { index in (0..<CallAudioFormat.frameSamples).map { Int16(truncatingIfNeeded: index * 1_000 + $0 * 3 - 500) } }
        for frame in frames { try await sink.write(frame) }
        try await sink.write([1, 2, 3])
        try await sink.finish()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let expectedLength = WAVHeader.canonicalSize + 7 * CallAudioFormat.frameBytes + 6
        #expect(data.count == expectedLength)
        let source = try WAVFileSource(path: path)
        #expect(source.format == .call)
        let samples = try await AudioSignals.readAll(source)
        let written: [Int16] = frames.flatMap { $0 } + [1, 2, 3]
        #expect(Array(samples.prefix(written.count)) == written)
    }

    @Test func headerIsPatchedPeriodicallySoAnUnfinishedRecordingIsReadable() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("killed.wav")
        let sink = try WAVFileSink(path: path, headerInterval: 50)
        #expect(try headerSizes(path) == (36, 0))
        for _ in 0..<120 { try await sink.write([Int16](repeating: 1_000, count: 320)) }
        #expect(try headerSizes(path) == (36 + 100 * 640, 100 * 640))
        let source = try WAVFileSource(path: path)
        #expect(try await AudioSignals.readAll(source).count == 100 * 320)
        try await sink.finish()
        #expect(try headerSizes(path) == (36 + 120 * 640, 120 * 640))
    }

    @Test func writingAfterFinishFails() async throws {
        let directory = try TemporaryDirectory()
        let sink = try WAVFileSink(path: directory.file("done.wav"))
        try await sink.finish()
        try await sink.finish()
        await #expect(throws: AudioError.self) { try await sink.write([0]) }
    }

    @Test func extensibleHeadersAndExtraChunksAreUnderstood() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("extensible.wav")
        let samples: [Int16] = [100, -200, 300, -400]
        var fmt: [UInt8] = [0xFE, 0xFF, 1, 0] + le32(16_000) + le32(32_000) + [2, 0, 16, 0, 22, 0, 16, 0, 4, 0, 0, 0]
        fmt += [1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71]
        let data = samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        var file = Array("RIFF".utf8) + le32(0) + Array("WAVE".utf8)
        file += Array("LIST".utf8) + le32(3) + [1, 2, 3, 0]
        file += Array("fmt ".utf8) + le32(fmt.count) + fmt
        file += Array("data".utf8) + le32(0xFFFF_FFFF) + data
        try Data(file).write(to: URL(fileURLWithPath: path))
        let read = try await AudioSignals.readAll(try WAVFileSource(path: path))
        #expect(Array(read.prefix(4)) == samples)
    }

    @Test func nonWAVAndUnsupportedFilesAreDataErrors() throws {
        let directory = try TemporaryDirectory()
        let text = try directory.write("notes.wav", "hello, this is not audio at all")
        #expect(throws: AudioError.notWAV(path: text, reason: "no RIFF/WAVE signature")) { try WAVFileSource(path: text) }
        let alaw = directory.file("alaw.wav")
        let header = Array("RIFF".utf8) + le32(36) + Array("WAVEfmt ".utf8) + le32(16) + [6, 0, 1, 0] + le32(8_000) + le32(8_000) + [1, 0, 8, 0] + Array("data".utf8) + le32(0)
        try Data(header).write(to: URL(fileURLWithPath: alaw))
        #expect(throws: AudioError.unsupportedWAV(path: alaw, reason: "format tag 6, not PCM or float")) { try WAVFileSource(path: alaw) }
        #expect(AudioError.unsupportedWAV(path: alaw, reason: "").category == .dataError)
        #expect(throws: AudioError.self) { try WAVFileSource(path: directory.file("missing.wav")) }
    }

    private func le32(_ value: Int) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private func headerSizes(_ path: String) throws -> (Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)).prefix(44))
        func field(_ offset: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
        return (field(4), field(40))
    }
}
