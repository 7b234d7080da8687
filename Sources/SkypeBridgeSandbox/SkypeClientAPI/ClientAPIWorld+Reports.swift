/// What the control API reads from the emulator's state.
extension ClientAPIWorld {
    /// Every call, oldest first.
    func callReports() -> [ClientAPICallReport] {
        calls.values.sorted { $0.id < $1.id }.map(\.report)
    }

    /// Every chat message object, oldest first.
    func chatMessageReports() -> [ClientAPIControlWire.ChatMessage] {
        chatMessages.values.sorted { $0.id < $1.id }.map {
            .init(id: $0.id, endpoint: $0.endpoint, chatname: $0.chatName, from: $0.fromHandle, body: $0.body, status: $0.status)
        }
    }

    /// Balance, authorizations and pending requests of `user`.
    func userReport(_ user: String) -> ClientAPIControlWire.User {
        ClientAPIControlWire.User(
            user: user, endpoints: endpointNames(of: user), balance: balance(of: user), currency: seed.currency,
            authorized: authorizedHandles(of: user), authRequests: (authorizationRequests[user] ?? [:]).keys.sorted()
        )
    }

    /// Closes every connection and ends every call; used when the emulator stops.
    func shutdown() {
        for name in endpoints.keys { _ = drop(endpoint: name) }
        for call in calls.values where !call.isTerminal { call.audio.stop() }
    }
}
