import Foundation

/// The parts of a WAV file before the samples: where the `data` chunk starts, how long it is,
/// and the format its samples have.
///
/// Reading accepts `WAVE_FORMAT_PCM`, `WAVE_FORMAT_IEEE_FLOAT` and `WAVE_FORMAT_EXTENSIBLE`
/// with either sub-format, skips unknown chunks (`LIST`, `fact`, ...) and treats a `data` size
/// of 0xFFFFFFFF (a streaming writer that never patched its header) as "up to the end".
public struct WAVHeader: Sendable, Equatable {
    /// The sample format from the `fmt ` chunk.
    public var format: WAVFormat
    /// Byte offset of the first sample.
    public var dataOffset: Int
    /// Length of the `data` chunk in bytes, or `nil` when unknown (read to the end of the file).
    public var dataLength: Int?

    /// Size in bytes of the canonical header that ``bytes(format:dataLength:)`` writes.
    public static let canonicalSize = 44

    /// Byte offset of the RIFF chunk size in a canonical header.
    static let riffSizeOffset = 4
    /// Byte offset of the `data` chunk size in a canonical header.
    static let dataSizeOffset = 40

    /// A canonical 44-byte header (`RIFF`, `fmt ` with format tag 1 or 3, `data`) for
    /// `dataLength` bytes of samples.
    public static func bytes(format: WAVFormat, dataLength: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(canonicalSize)
        bytes += Array("RIFF".utf8)
        append32(UInt32(clamping: dataLength + canonicalSize - 8), to: &bytes)
        bytes += Array("WAVEfmt ".utf8)
        append32(16, to: &bytes)
        append16(format.encoding.isFloat ? 3 : 1, to: &bytes)
        append16(UInt16(format.channels), to: &bytes)
        append32(UInt32(format.sampleRate), to: &bytes)
        append32(UInt32(format.sampleRate * format.bytesPerFrame), to: &bytes)
        append16(UInt16(format.bytesPerFrame), to: &bytes)
        append16(UInt16(format.encoding.bitsPerSample), to: &bytes)
        bytes += Array("data".utf8)
        append32(UInt32(clamping: dataLength), to: &bytes)
        return bytes
    }

    /// Little-endian bytes of a 32-bit size field.
    static func sizeField(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        append32(UInt32(clamping: value), to: &bytes)
        return bytes
    }

    /// Reads the header from the start of `file`, leaving it positioned at the first sample.
    /// - Throws: ``AudioError/notWAV(path:reason:)`` or ``AudioError/unsupportedWAV(path:reason:)``.
    public static func read(from file: FileHandle, path: String) throws -> WAVHeader {
        func readExactly(_ count: Int) throws -> [UInt8] {
            let data = (try? file.read(upToCount: count)) ?? Data()
            guard data.count == count else { throw AudioError.notWAV(path: path, reason: "file ends inside the header") }
            return [UInt8](data)
        }
        let riff = try readExactly(12)
        guard riff[0..<4].elementsEqual("RIFF".utf8), riff[8..<12].elementsEqual("WAVE".utf8) else {
            throw AudioError.notWAV(path: path, reason: "no RIFF/WAVE signature")
        }
        var offset = 12
        var format: WAVFormat?
        while true {
            let chunk = try readExactly(8)
            let size = Int(uint32(chunk, 4))
            offset += 8
            if chunk[0..<4].elementsEqual("data".utf8) {
                guard let format else { throw AudioError.notWAV(path: path, reason: "data chunk before fmt chunk") }
                return WAVHeader(format: format, dataOffset: offset, dataLength: size == 0xFFFF_FFFF ? nil : size)
            }
            let padded = size + size % 2
            if chunk[0..<4].elementsEqual("fmt ".utf8) {
                format = try parseFormat(readExactly(padded), path: path)
            } else {
                try file.seek(toOffset: UInt64(offset + padded))
            }
            offset += padded
        }
    }

    private static func parseFormat(_ body: [UInt8], path: String) throws -> WAVFormat {
        guard body.count >= 16 else { throw AudioError.notWAV(path: path, reason: "fmt chunk too short") }
        var tag = uint16(body, 0)
        let channels = Int(uint16(body, 2))
        let sampleRate = Int(uint32(body, 4))
        let bits = Int(uint16(body, 14))
        if tag == 0xFFFE {
            guard body.count >= 26 else { throw AudioError.notWAV(path: path, reason: "extensible fmt chunk too short") }
            tag = uint16(body, 24)
        }
        guard tag == 1 || tag == 3 else {
            throw AudioError.unsupportedWAV(path: path, reason: "format tag \(tag), not PCM or float")
        }
        guard let encoding = WAVSampleEncoding(isFloat: tag == 3, bitsPerSample: bits) else {
            throw AudioError.unsupportedWAV(path: path, reason: "\(bits)-bit \(tag == 3 ? "float" : "PCM")")
        }
        guard channels > 0, sampleRate > 0 else {
            throw AudioError.unsupportedWAV(path: path, reason: "\(channels) channels at \(sampleRate) Hz")
        }
        return WAVFormat(encoding: encoding, sampleRate: sampleRate, channels: channels)
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(uint16(bytes, offset)) | UInt32(uint16(bytes, offset + 2)) << 16
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes += [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        append16(UInt16(truncatingIfNeeded: value), to: &bytes)
        append16(UInt16(truncatingIfNeeded: value >> 16), to: &bytes)
    }
}
