import Foundation

extension MattermostServerState {
    /// `POST /files`: stores one uploaded file for `channelId` (unattached until a post lists it).
    func uploadFile(by userId: MattermostUserID, channelId: MattermostChannelID, name: String, mimeType: String, bytes: [UInt8]) throws(MattermostAPIError) -> MattermostFileInfo {
        if channelId.isEmpty { throw .invalidBody("channel_id") }
        let channel = try readableChannel(channelId, for: userId)
        guard isMember(channel.id, userId) || isAdmin(userId) else { throw .permissions }
        if bytes.count > limits.maxFileSize {
            throw MattermostAPIError(
                status: .contentTooLarge, id: "api.file.upload_file.too_large_detailed.app_error",
                message: "Unable to upload file \(name). \(bytes.count) bytes exceeds the maximum allowed \(limits.maxFileSize) bytes.")
        }
        let time = now()
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        let mime = mimeType.isEmpty ? "application/octet-stream" : mimeType
        let size = mime.hasPrefix("image/") ? Self.imageSize(bytes) : nil
        let info = MattermostFileInfo(
            id: .make(), userId: userId, postId: nil, channelId: channel.id, createAt: time, updateAt: time,
            name: name, extension: ext, size: bytes.count, mimeType: mime, width: size?.width ?? (mime.hasPrefix("image/") ? 0 : nil),
            height: size?.height ?? (mime.hasPrefix("image/") ? 0 : nil), hasPreviewImage: mime.hasPrefix("image/") ? true : nil)
        data.files[info.id] = info
        data.fileBlobs[info.id] = Data(bytes)
        return info
    }

    /// `GET /files/{id}/info`: the uploader, or anyone who can read the post's channel.
    func fileInfo(_ id: MattermostFileID, for userId: MattermostUserID) throws(MattermostAPIError) -> MattermostFileInfo {
        guard let info = data.files[id], info.deleteAt == 0 else { throw .fileMissing }
        if info.userId == userId { return info }
        guard info.postId != nil, let channel = data.channels[info.channelId], canRead(channel, userId) else {
            throw .permissions
        }
        return info
    }

    /// `GET /files/{id}`: the info and the bytes.
    func file(_ id: MattermostFileID, for userId: MattermostUserID) throws(MattermostAPIError) -> (MattermostFileInfo, Data) {
        let info = try fileInfo(id, for: userId)
        return (info, data.fileBlobs[id] ?? Data())
    }

    /// Width and height from a PNG or GIF header, when recognisable.
    static func imageSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            let be = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
            return (be(16), be(20))
        }
        if bytes.count >= 10, bytes.starts(with: Array("GIF".utf8)) {
            return (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
        }
        return nil
    }

    // MARK: Incoming webhooks

    /// Creates an incoming webhook owned by `userId`, posting into `channelId`.
    func createHook(channelId: MattermostChannelID, userId: MattermostUserID, displayName: String, username: String, channelLocked: Bool) throws(MattermostAPIError) -> MattermostIncomingHook {
        guard let channel = data.channels[channelId] else { throw .channelMissing }
        _ = try user(userId)
        let hook = MattermostIncomingHook(
            id: .make(), channelId: channelId, userId: userId, teamId: channel.teamId, displayName: displayName,
            username: username, channelLocked: channelLocked)
        data.hooks[hook.id] = hook
        return hook
    }

    /// `POST /hooks/{id}`: posts the payload's text as the hook's owner with the webhook props.
    func executeHook(_ id: MattermostHookID, payload: MattermostJSON) throws(MattermostAPIError) {
        guard let hook = data.hooks[id] else {
            throw .invalid("web.incoming_webhook.invalid.app_error", "Invalid webhook.")
        }
        let text = payload["text"]?.stringValue ?? ""
        let attachments = payload["attachments"]?.arrayValue ?? []
        if text.isEmpty && attachments.isEmpty {
            throw .invalid("web.incoming_webhook.text.app_error", "No text specified.")
        }
        let channelId = try hookChannel(hook, requested: payload["channel"]?.stringValue ?? "")
        var props: [String: MattermostJSON] = payload["props"]?.objectValue ?? [:]
        for reserved in ["from_webhook", "override_username", "override_icon_url", "override_icon_emoji", "webhook_display_name", "from_bot"] {
            props[reserved] = nil
        }
        props["from_webhook"] = .string("true")
        props["webhook_display_name"] = .string(hook.displayName)
        if !attachments.isEmpty { props["attachments"] = .array(attachments) }
        if limits.usernameOverride {
            let name = payload["username"]?.stringValue ?? ""
            props["override_username"] = .string(!name.isEmpty ? name : (!hook.username.isEmpty ? hook.username : "webhook"))
            if let icon = payload["icon_url"]?.stringValue, !icon.isEmpty { props["override_icon_url"] = .string(icon) }
        }
        let runes = Array(text)
        var start = 0
        repeat {
            let end = min(runes.count, start + limits.maxPostRunes)
            _ = try createPost(by: hook.userId, PostDraft(channelId: channelId, message: String(runes[start..<end]), props: props))
            start = end
        } while start < runes.count
    }

    private func hookChannel(_ hook: MattermostIncomingHook, requested: String) throws(MattermostAPIError) -> MattermostChannelID {
        guard !requested.isEmpty else { return hook.channelId }
        let channelId: MattermostChannelID
        if requested.hasPrefix("@") {
            guard let other = userByName(String(requested.dropFirst())) else { throw .channelMissing }
            channelId = try directChannel(hook.userId, other.id, by: hook.userId).id
        } else {
            let name = requested.hasPrefix("#") ? String(requested.dropFirst()) : requested
            guard let channel = data.channels.values.first(where: { $0.teamId == hook.teamId && $0.name == name }) else {
                throw .channelMissing
            }
            channelId = channel.id
        }
        if hook.channelLocked && channelId != hook.channelId {
            throw MattermostAPIError(status: .forbidden, id: "web.incoming_webhook.channel_locked.app_error", message: "This webhook is not permitted to post to the requested channel.")
        }
        return channelId
    }
}
