import Foundation

/// Records a call's received audio to a 16-bit 16 kHz mono WAV file that stays readable however
/// the process ends.
///
/// The header is written first with the sizes of an empty file, and the sizes are patched in
/// place every ``headerInterval`` frames and by ``finish()``; a process killed outright leaves a
/// valid file holding everything up to the last patch (the samples after it are in the file too,
/// outside the `data` chunk's stated length).
public actor WAVFileSink: AudioFrameSink {
    /// The file being written.
    public nonisolated let path: String
    /// Frames between header patches (50 = once per second of audio).
    public nonisolated let headerInterval: Int
    private var descriptor: Int32
    private var dataLength = 0
    private var framesSincePatch = 0

    /// Creates (or truncates) `path` and writes an empty file's header.
    /// - Throws: ``AudioError/cannotOpen(path:message:)`` or ``AudioError/writeFailed(destination:message:)``.
    public init(path: String, headerInterval: Int = 50) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AudioError.cannotOpen(path: path, message: String(cString: strerror(errno))) }
        self.path = path
        self.headerInterval = max(1, headerInterval)
        self.descriptor = descriptor
        do {
            try Self.write(WAVHeader.bytes(format: .call, dataLength: 0), to: descriptor, at: nil, path: path)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends one frame; patches the header when ``headerInterval`` frames have passed.
    /// - Throws: ``AudioError/writeFailed(destination:message:)``, also after ``finish()``.
    public func write(_ frame: [Int16]) async throws {
        guard descriptor >= 0 else { throw AudioError.writeFailed(destination: path, message: "the recording is finished") }
        let bytes = frame.map(\.littleEndian).withUnsafeBytes { [UInt8]($0) }
        try Self.write(bytes, to: descriptor, at: nil, path: path)
        dataLength += bytes.count
        framesSincePatch += 1
        if framesSincePatch >= headerInterval {
            try patchHeader()
        }
    }

    /// Writes the final sizes and closes the file; later calls do nothing.
    public func finish() async throws {
        guard descriptor >= 0 else { return }
        defer {
            close(descriptor)
            descriptor = -1
        }
        try patchHeader()
    }

    private func patchHeader() throws {
        framesSincePatch = 0
        try Self.write(WAVHeader.sizeField(dataLength + WAVHeader.canonicalSize - 8), to: descriptor, at: WAVHeader.riffSizeOffset, path: path)
        try Self.write(WAVHeader.sizeField(dataLength), to: descriptor, at: WAVHeader.dataSizeOffset, path: path)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, at offset: Int?, path: String) throws {
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                let start = buffer.baseAddress! + done
                if let offset {
                    return pwrite(descriptor, start, bytes.count - done, off_t(offset + done))
                }
                return Foundation.write(descriptor, start, bytes.count - done)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw AudioError.writeFailed(destination: path, message: String(cString: strerror(errno)))
            }
            done += count
        }
    }
}
