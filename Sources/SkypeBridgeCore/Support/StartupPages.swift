import Foundation

/// Handing back the pages a long-running command touched only while starting.
///
/// Starting a command runs a lot of code once (the runtime's type and conformance lookups, the
/// command-line parser, the dynamic linker resolving libcurl's dependencies) and the kernel maps
/// each touched page of the binary and its libraries, 64 KiB around every fault, into the
/// process for good. `listen` and `bridge run` then idle in a few small loops. Releasing the
/// read-only, never-written pages of the loaded images (`MADV_DONTNEED`) drops the start-up
/// ones from the process; what the loops use faults back in from the page cache on the next
/// touch. Data the process owns (heap, stacks, written or relocated pages) is never touched.
public enum StartupPages {
    /// Releases the resident pages of the read-only, private mappings of the executable and its
    /// shared libraries that hold only file contents. A mapping with a page of its own (a
    /// relocated `RELRO` page, for one) is left whole: releasing that page would bring back the
    /// file's unrelocated bytes.
    /// - Returns: the resident bytes released; 0 where `/proc/self/smaps` cannot be read.
    @discardableResult
    public static func release() -> Int {
        #if os(Linux)
        let mappings = FileMapping.current()
        let images = Set(mappings.filter { $0.permissions.contains("x") }.map(\.path))
        var released = 0
        for mapping in mappings where mapping.isReleasable && images.contains(mapping.path) {
            let start = UnsafeMutableRawPointer(bitPattern: mapping.start)
            if madvise(start, mapping.end - mapping.start, MADV_DONTNEED) == 0 { released += mapping.residentBytes }
        }
        return released
        #else
        return 0
        #endif
    }
}

/// One mapping of `/proc/self/smaps`, with the fields `StartupPages` decides on.
struct FileMapping: Equatable {
    var start: Int
    var end: Int
    var permissions: String
    var path: String
    var residentBytes = 0
    var privateBytes = 0
    var lockedBytes = 0

    /// Read-only, private, backed by a file, resident, and holding nothing but the file's bytes.
    var isReleasable: Bool {
        !permissions.contains("w") && permissions.hasSuffix("p") && path.hasPrefix("/") && !path.hasSuffix(" (deleted)")
            && residentBytes > 0 && privateBytes == 0 && lockedBytes == 0
    }

    /// The process's mappings now; empty where `/proc/self/smaps` cannot be read.
    static func current() -> [FileMapping] {
        readProcFile("/proc/self/smaps").map(parse) ?? []
    }

    /// The mappings of an smaps text: a header line per mapping (`start-end perms offset dev
    /// inode path`), then `Field: N kB` lines.
    static func parse(_ text: String) -> [FileMapping] {
        var mappings: [FileMapping] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard let first = fields.first else { continue }
            if first.hasSuffix(":") {
                guard !mappings.isEmpty, fields.count >= 2, let kilobytes = Int(fields[1]) else { continue }
                switch first {
                case "Rss:": mappings[mappings.count - 1].residentBytes = kilobytes * 1024
                case "Anonymous:": mappings[mappings.count - 1].privateBytes = kilobytes * 1024
                case "Locked:": mappings[mappings.count - 1].lockedBytes = kilobytes * 1024
                default: break
                }
                continue
            }
            let range = first.split(separator: "-")
            guard range.count == 2, fields.count >= 5, let start = Int(range[0], radix: 16), let end = Int(range[1], radix: 16)
            else { continue }
            let path = fields.count == 6 ? String(fields[5].drop { $0 == " " }) : ""
            mappings.append(FileMapping(start: start, end: end, permissions: String(fields[1]), path: path))
        }
        return mappings
    }

    /// The whole of a `/proc` file. Its size reads as 0, so it is read until end of file
    /// (`String(contentsOfFile:)` stops short on these).
    private static func readProcFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
