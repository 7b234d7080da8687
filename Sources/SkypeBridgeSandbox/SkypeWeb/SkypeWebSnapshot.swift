/// What `sandbox --persist` keeps of the Skype emulator: accounts (with contacts and invites),
/// conversations with their messages, and uploaded files. Tokens and endpoints are not kept.
struct SkypeWebSnapshot: Sendable, Codable {
    var users: [SkypeWebUser]
    var conversations: [SkypeWebConversation]
    var files: [SkypeWebFile]
}
