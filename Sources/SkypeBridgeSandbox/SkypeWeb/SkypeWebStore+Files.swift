import Foundation

extension SkypeWebStore {
    /// Creates an ASM object owned by `owner`; `permissions` maps MRIs to rights.
    func createFile(owner: String, type: String, filename: String?, permissions: [String: Any]) -> String {
        let hex = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let id = "0-weu-d1-\(hex)"
        let readers = Set(permissions.keys.map { $0.hasPrefix("8:") ? String($0.dropFirst(2)) : $0 })
        files[id] = SkypeWebFile(id: id, type: type, filename: filename, owner: owner, readers: readers)
        return id
    }

    /// Stores uploaded bytes; only the owner may upload.
    func upload(_ id: String, kind: String, bytes: [UInt8], by user: String) throws(SkypeWebError) {
        guard let file = files[id] else { throw .unknown("object") }
        guard file.owner == user else { throw .forbidden("Only the owner can upload content.") }
        files[id]?.contents[kind] = bytes
    }

    /// The object, if `user` may read it.
    func readableFile(_ id: String, by user: String) throws(SkypeWebError) -> SkypeWebFile {
        guard let file = files[id] else { throw .unknown("object") }
        guard file.owner == user || file.readers.contains(user) else { throw .forbidden("No read permission.") }
        return file
    }
}
