/// How one sample is stored in a WAV file's `data` chunk.
///
/// Samples convert to and from `Float` in -1...1: integer PCM scales by 2^(bits-1) (8-bit is
/// unsigned with a 128 offset, as the WAV format defines), float is stored as is.
public enum WAVSampleEncoding: Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// 8-bit unsigned integer PCM.
    case pcm8
    /// 16-bit signed little-endian PCM (the call format).
    case pcm16
    /// 24-bit signed little-endian PCM, packed in 3 bytes.
    case pcm24
    /// 32-bit signed little-endian PCM.
    case pcm32
    /// 32-bit IEEE float.
    case float32
    /// 64-bit IEEE float.
    case float64

    /// Bytes per sample of one channel.
    public var bytesPerSample: Int {
        switch self {
        case .pcm8: 1
        case .pcm16: 2
        case .pcm24: 3
        case .pcm32, .float32: 4
        case .float64: 8
        }
    }

    /// Bits per sample, as the `fmt ` chunk states them.
    public var bitsPerSample: Int { bytesPerSample * 8 }

    /// Whether the `fmt ` chunk says float (format tag 3) rather than integer PCM (tag 1).
    public var isFloat: Bool { self == .float32 || self == .float64 }

    /// The encoding with this float flag and bit depth, or `nil` for one that is not supported.
    public init?(isFloat: Bool, bitsPerSample: Int) {
        let match = Self.allCases.first { $0.isFloat == isFloat && $0.bitsPerSample == bitsPerSample }
        guard let match else { return nil }
        self = match
    }

    /// The name used in messages, e.g. `16-bit PCM`.
    public var description: String { "\(bitsPerSample)-bit \(isFloat ? "float" : "PCM")" }

    /// Decodes `count` samples from little-endian `bytes`, appending them to `output`.
    public func decode(_ bytes: UnsafeRawBufferPointer, count: Int, into output: inout [Float]) {
        output.reserveCapacity(output.count + count)
        for index in 0..<count {
            let offset = index * bytesPerSample
            switch self {
            case .pcm8:
                output.append((Float(bytes[offset]) - 128) / 128)
            case .pcm16:
                let raw = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
                output.append(Float(Int16(bitPattern: raw)) / 32_768)
            case .pcm24:
                let raw = UInt32(bytes[offset]) << 8 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 24
                output.append(Float(Int32(bitPattern: raw) >> 8) / 8_388_608)
            case .pcm32:
                output.append(Float(Double(Int32(bitPattern: Self.uint32(bytes, offset))) / 2_147_483_648))
            case .float32:
                output.append(Float(bitPattern: Self.uint32(bytes, offset)))
            case .float64:
                let raw = UInt64(Self.uint32(bytes, offset)) | UInt64(Self.uint32(bytes, offset + 4)) << 32
                output.append(Float(Double(bitPattern: raw)))
            }
        }
    }

    /// Encodes samples in -1...1 (values outside are clipped) as little-endian bytes.
    public func encode(_ samples: [Float]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(samples.count * bytesPerSample)
        for sample in samples {
            let value = Double(min(max(sample, -1), 1))
            switch self {
            case .pcm8:
                bytes.append(UInt8(min(max((value * 128 + 128).rounded(), 0), 255)))
            case .pcm16:
                Self.appendInteger(Int64(min(max((value * 32_768).rounded(), -32_768), 32_767)), bytes: 2, to: &bytes)
            case .pcm24:
                Self.appendInteger(Int64(min(max((value * 8_388_608).rounded(), -8_388_608), 8_388_607)), bytes: 3, to: &bytes)
            case .pcm32:
                Self.appendInteger(Int64(min(max((value * 2_147_483_648).rounded(), -2_147_483_648), 2_147_483_647)), bytes: 4, to: &bytes)
            case .float32:
                Self.appendInteger(Int64(Float(value).bitPattern), bytes: 4, to: &bytes)
            case .float64:
                let pattern = value.bitPattern
                Self.appendInteger(Int64(pattern & 0xFFFF_FFFF), bytes: 4, to: &bytes)
                Self.appendInteger(Int64(pattern >> 32), bytes: 4, to: &bytes)
            }
        }
        return bytes
    }

    private static func uint32(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    private static func appendInteger(_ value: Int64, bytes count: Int, to bytes: inout [UInt8]) {
        let pattern = UInt64(bitPattern: value)
        for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: pattern >> (8 * index))) }
    }
}
