import Foundation

/// Plays a WAV file into a call: any ``WAVSampleEncoding``, rate and channel count, mixed to
/// mono and converted to 16 kHz by a ``Resampler``.
///
/// The file is read in 100 ms pieces as frames are asked for, so long files cost little memory.
/// The last frame is padded with silence; after it ``nextFrame()`` returns `nil`.
public actor WAVFileSource: AudioFrameSource {
    /// The file's own format (before conversion).
    public nonisolated let format: WAVFormat
    private let path: String
    private let file: FileHandle
    private var remaining: Int?
    private var resampler: Resampler
    private var ready: [Int16] = []
    private var readyStart = 0
    private var ended = false

    /// Opens `path` and reads its header.
    /// - Throws: ``AudioError/cannotOpen(path:message:)``, ``AudioError/notWAV(path:reason:)``
    ///   or ``AudioError/unsupportedWAV(path:reason:)``.
    public init(path: String) throws {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw AudioError.cannotOpen(path: path, message: String(cString: strerror(errno)))
        }
        let header = try WAVHeader.read(from: file, path: path)
        self.path = path
        self.file = file
        format = header.format
        remaining = header.dataLength
        resampler = Resampler(inputRate: header.format.sampleRate, outputRate: CallAudioFormat.sampleRate)
    }

    /// The next 320-sample frame at 16 kHz mono, or `nil` after the end of the file.
    /// - Throws: ``AudioError/readFailed(source:message:)``.
    public func nextFrame() async throws -> [Int16]? {
        let size = CallAudioFormat.frameSamples
        while ready.count - readyStart < size && !ended {
            try readPiece()
        }
        guard ready.count > readyStart else { return nil }
        let end = min(readyStart + size, ready.count)
        var frame = Array(ready[readyStart..<end])
        readyStart = end
        if frame.count < size { frame += [Int16](repeating: 0, count: size - frame.count) }
        if readyStart > 16 * size {
            ready.removeFirst(readyStart)
            readyStart = 0
        }
        return frame
    }

    private func readPiece() throws {
        let frameBytes = format.bytesPerFrame
        var wanted = max(1, format.sampleRate / 10) * frameBytes
        if let remaining { wanted = min(wanted, remaining - remaining % frameBytes) }
        let data: Data
        do {
            data = wanted > 0 ? try file.read(upToCount: wanted) ?? Data() : Data()
        } catch {
            throw AudioError.readFailed(source: path, message: "\(error)")
        }
        let frames = data.count / frameBytes
        if let remaining { self.remaining = remaining - data.count }
        var interleaved: [Float] = []
        data.withUnsafeBytes { format.encoding.decode($0, count: frames * format.channels, into: &interleaved) }
        var converted = resampler.process(SampleConversion.mono(interleaved, channels: format.channels))
        if frames == 0 || data.count < wanted {
            ended = true
            converted += resampler.flush()
            try? file.close()
        }
        ready += SampleConversion.int16(converted)
    }
}
