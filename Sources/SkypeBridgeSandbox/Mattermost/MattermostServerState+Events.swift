extension MattermostServerState {
    /// Numbers and sends an event to every connection (online or resumable) of the `recipients`.
    /// `perUser` adds data members for some recipients (the `mentions` of a `posted` event).
    func publish(_ event: String, data payload: [String: MattermostJSON], broadcast: MattermostBroadcast, to recipients: Set<MattermostUserID>, perUser: [MattermostUserID: [String: MattermostJSON]] = [:]) {
        guard !connections.isEmpty, !recipients.isEmpty else { return }
        let body = String(jsonString(MattermostEvent(event: event, data: payload, broadcast: broadcast)).dropLast())
        let now = ContinuousClock.now
        for id in Array(connections.keys) {
            guard let connection = connections[id], recipients.contains(connection.userId) else { continue }
            if connection.continuation == nil, now - connection.lastActive > limits.resumeWindow {
                connections[id] = nil
                continue
            }
            var frame = body
            if let extra = perUser[connection.userId] {
                let merged = payload.merging(extra) { _, new in new }
                frame = String(jsonString(MattermostEvent(event: event, data: merged, broadcast: broadcast)).dropLast())
            }
            connections[id]?.deliver(frame, bufferSize: limits.resumeBufferSize)
        }
    }

    /// How a socket asked to resume: the `connection_id` and `sequence_number` query parameters.
    struct ResumeRequest: Sendable {
        var connectionId: MattermostConnectionID
        var sequenceNumber: Int
    }

    /// Attaches a socket for `userId`. Resumes `resume` when its missed events are still buffered
    /// (replaying them, no hello); otherwise starts a new connection id with `hello` seq 0.
    /// - Returns: the connection id and the attachment number to pass to ``detach(_:attachment:)``.
    func attach(userId: MattermostUserID, continuation: AsyncStream<MattermostSocketFrame>.Continuation, resume: ResumeRequest?) -> (id: MattermostConnectionID, attachment: Int) {
        if let resume, var connection = connections[resume.connectionId], connection.userId == userId {
            let oldest = connection.buffer.first?.seq ?? connection.nextSeq
            if resume.sequenceNumber >= oldest && resume.sequenceNumber <= connection.nextSeq {
                connection.continuation?.yield(.close(abnormal: false))
                connection.continuation?.finish()
                connection.continuation = continuation
                connection.attachment += 1
                connection.lastActive = .now
                for entry in connection.buffer where entry.seq >= resume.sequenceNumber {
                    continuation.yield(.text(entry.frame))
                }
                connections[resume.connectionId] = connection
                return (connection.id, connection.attachment)
            }
            connections[resume.connectionId] = nil
        }
        var connection = MattermostConnection(id: .make(), userId: userId, continuation: continuation)
        let hello = MattermostEvent(
            event: "hello",
            data: ["server_version": .string(limits.serverVersion), "connection_id": .string(connection.id.rawValue), "server_hostname": .string("sandbox")],
            broadcast: .init(userId: userId))
        connection.deliver(String(jsonString(hello).dropLast()), bufferSize: limits.resumeBufferSize)
        connections[connection.id] = connection
        return (connection.id, connection.attachment)
    }

    /// Marks a connection offline (its events keep being buffered for resume).
    func detach(_ id: MattermostConnectionID, attachment: Int) {
        guard connections[id]?.attachment == attachment else { return }
        connections[id]?.continuation?.finish()
        connections[id]?.continuation = nil
        connections[id]?.lastActive = .now
    }

    /// `user_typing` action: `typing` to the channel's other members.
    func typing(userId: MattermostUserID, channelId: MattermostChannelID, parentId: MattermostPostID) {
        guard isMember(channelId, userId) else { return }
        publish(
            "typing", data: ["user_id": .string(userId.rawValue), "parent_id": .id(parentId)],
            broadcast: .init(omitUsers: [userId: true], channelId: channelId), to: members(of: channelId).subtracting([userId]))
    }

    /// Fault: closes every socket, normally (1000) or abnormally (1011); their ids stay resumable.
    func closeAllSockets(abnormal: Bool = false) -> Int {
        var closed = 0
        for id in Array(connections.keys) where connections[id]?.continuation != nil {
            connections[id]?.continuation?.yield(.close(abnormal: abnormal))
            connections[id]?.continuation?.finish()
            connections[id]?.continuation = nil
            connections[id]?.lastActive = .now
            closed += 1
        }
        return closed
    }

    /// Fault: forgets offline connections and every buffer, so the next resume gets a new hello.
    func loseResumeBuffers() {
        connections = connections.filter { $0.value.continuation != nil }
        for id in Array(connections.keys) { connections[id]?.buffer.removeAll() }
    }

    /// How many sockets are attached right now.
    func onlineSocketCount() -> Int {
        connections.values.filter { $0.continuation != nil }.count
    }
}
