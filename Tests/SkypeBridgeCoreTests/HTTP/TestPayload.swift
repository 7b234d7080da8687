import Foundation

/// Deterministic, non-repeating test bytes and a checksum, shared by the test server and the tests.
enum TestPayload {
    /// The pattern is 1 MiB pseudo-random blocks, each rotated differently, so misplaced or
    /// repeated chunks show. Every run of bytes inside one block is a contiguous slice of the base
    /// block written twice (``doubledBlock``), so producing the pattern never computes byte by byte.
    static let blockSize = 1 << 20
    /// The base block followed by itself.
    static let doubledBlock: [UInt8] = {
        let block = (0..<blockSize).map { UInt8(truncatingIfNeeded: (UInt64($0) &* 0x9E37_79B9_7F4A_7C15) >> 29) }
        return block + block
    }()

    /// The ranges of ``doubledBlock`` that, concatenated, are the `count` pattern bytes at `offset`.
    static func segments(offset: Int, count: Int) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var index = offset
        while index < offset + count {
            let rotation = (index / blockSize) &* 7919 % blockSize
            let start = (index % blockSize + rotation) % blockSize
            let length = min(blockSize - index % blockSize, offset + count - index)
            segments.append(start..<start + length)
            index += length
        }
        return segments
    }

    /// `count` pattern bytes starting at `offset`.
    static func bytes(offset: Int, count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        for segment in segments(offset: offset, count: count) {
            result.append(contentsOf: doubledBlock[segment])
        }
        return result
    }

    /// FNV-1a over bytes, continued from `hash`.
    static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes, hash: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// FNV-1a of the first `count` pattern bytes.
    static func checksum(count: Int) -> UInt64 {
        var hash = fnv1a([])
        var offset = 0
        while offset < count {
            let chunk = min(1 << 20, count - offset)
            hash = fnv1a(bytes(offset: offset, count: chunk), hash: hash)
            offset += chunk
        }
        return hash
    }

    /// Size and FNV-1a of a file, read in 1 MiB chunks.
    static func fileDigest(_ path: String) throws -> (size: Int, checksum: UInt64) {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var size = 0
        var hash = fnv1a([])
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            size += chunk.count
            hash = fnv1a(chunk, hash: hash)
        }
        return (size, hash)
    }

    /// Writes the first `count` pattern bytes to a new file at `path`.
    static func writeFile(_ path: String, count: Int) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var offset = 0
        while offset < count {
            let chunk = min(1 << 20, count - offset)
            try handle.write(contentsOf: bytes(offset: offset, count: chunk))
            offset += chunk
        }
    }
}
