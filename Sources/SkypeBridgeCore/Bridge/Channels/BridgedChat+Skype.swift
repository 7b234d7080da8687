extension BridgedChat {
    /// Every chat of the signed-in Skype account, in the service's order (latest activity
    /// first): a 1:1 chat is named after the contact's display name, a group after its topic,
    /// anything else (or a nameless one) after its id.
    public static func all(from client: SkypeClient) async throws -> [BridgedChat] {
        async let listed = client.conversations()
        let names = Dictionary(
            try await client.contacts().compactMap { contact in contact.displayName.map { (contact.user.mri, $0) } },
            uniquingKeysWith: { first, _ in first })
        return try await listed.map { conversation in
            let name = conversation.isGroup ? conversation.topic : names[conversation.id]
            return BridgedChat(id: conversation.id, displayName: name ?? conversation.id.rawValue)
        }
    }
}
