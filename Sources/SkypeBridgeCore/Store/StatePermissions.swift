import Foundation
import Logging

/// Creates the state directory `0700` and file `0600`, and tightens them when found looser.
enum StatePermissions {
    static let directoryMode: mode_t = 0o700
    static let fileMode: mode_t = 0o600

    /// Makes sure `path`'s directory and file exist with private permissions before SQLite opens it.
    static func prepare(path: String, tightenExistingDirectory: Bool, logger: Logger) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try ensureDirectory(directory, tightenExisting: tightenExistingDirectory, logger: logger)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, fileMode)
        guard fd >= 0 else {
            throw StoreError.filesystem(path: path, message: String(cString: strerror(errno)))
        }
        close(fd)
        try tighten(path, to: fileMode, logger: logger)
    }

    /// SQLite creates `-wal` and `-shm` with the main file's mode; enforce it anyway.
    static func tightenCompanions(of path: String) throws {
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            if chmod(path + suffix, fileMode) != 0 {
                throw StoreError.filesystem(path: path + suffix, message: String(cString: strerror(errno)))
            }
        }
    }

    private static func ensureDirectory(_ directory: String, tightenExisting: Bool, logger: Logger) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.filesystem(path: directory, message: "not a directory")
            }
            if tightenExisting { try tighten(directory, to: directoryMode, logger: logger) }
            return
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw StoreError.filesystem(path: parent, message: "\(error.localizedDescription)")
            }
        }
        if mkdir(directory, directoryMode) != 0, errno != EEXIST {
            throw StoreError.filesystem(path: directory, message: String(cString: strerror(errno)))
        }
        try tighten(directory, to: directoryMode, logger: logger)
    }

    private static func tighten(_ path: String, to mode: mode_t, logger: Logger) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StoreError.filesystem(path: path, message: String(cString: strerror(errno)))
        }
        let current = info.st_mode & 0o777
        guard current & ~mode != 0 else { return }
        guard chmod(path, mode) == 0 else {
            throw StoreError.filesystem(path: path, message: String(cString: strerror(errno)))
        }
        logger.warning(
            "tightened permissions on state path",
            metadata: ["sb.path": "\(path)", "sb.was": "\(String(current, radix: 8))", "sb.now": "\(String(mode, radix: 8))"]
        )
    }
}
