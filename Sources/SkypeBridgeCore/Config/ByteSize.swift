/// An amount of bytes from the configuration, such as a maximum file or body size.
///
/// Written as `"50MiB"`, `"1KiB"`, `"10MB"` (decimal units are powers of 1000, binary ones of 1024),
/// `"512B"`, or a bare integer number of bytes.
public struct ByteSize: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number of bytes.
    public var bytes: Int64

    /// The units, largest first within each family; binary units are preferred when printing.
    private static let units: [(suffix: String, factor: Int64)] = [
        ("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10),
        ("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("B", 1),
    ]

    /// Creates a size of `bytes` bytes.
    public init(bytes: Int64) {
        self.bytes = bytes
    }

    /// A size of `count` mebibytes (1024 × 1024 bytes).
    public static func mebibytes(_ count: Int64) -> ByteSize { ByteSize(bytes: count << 20) }

    /// A size of `count` kibibytes (1024 bytes).
    public static func kibibytes(_ count: Int64) -> ByteSize { ByteSize(bytes: count << 10) }

    /// Parses `"50MiB"`, `"10 MB"`, `"1kib"` (units are case-insensitive) or `"2048"`; nil for
    /// anything else, including negative and overflowing amounts.
    public init?(configText text: String) {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, let amount = Int64(digits) else { return nil }
        let suffix = text.dropFirst(digits.count).drop(while: { $0 == " " }).lowercased()
        let factor: Int64
        if suffix.isEmpty {
            factor = 1
        } else if let unit = Self.units.first(where: { $0.suffix.lowercased() == suffix }) {
            factor = unit.factor
        } else {
            return nil
        }
        let (bytes, overflow) = amount.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        self.bytes = bytes
    }

    /// The size in the largest unit that divides it exactly, such as `"50MiB"` or `"1500B"`.
    public var description: String {
        guard bytes != 0, let unit = Self.units.first(where: { bytes % $0.factor == 0 }) else { return "0B" }
        return "\(bytes / unit.factor)\(unit.suffix)"
    }

    /// Orders sizes by their number of bytes.
    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }
}
