import Foundation

/// An account held by the emulator, with its contact list and incoming requests.
struct SkypeWebUser: Sendable, Codable {
    var username: String
    var password: String
    var firstName: String
    var lastName: String
    var role: String
    /// Authorised contacts (Skype names).
    var contacts: Set<String> = []
    /// Blocked people (Skype names).
    var blocked: Set<String> = []
    /// Incoming contact requests, oldest first.
    var invites: [SkypeWebInvite] = []
    /// The presence status last set (one of the six names skpy knows).
    var presence: String = "Online"

    var email: String { "\(username)@example.com" }
    var displayName: String { lastName.isEmpty ? firstName : "\(firstName) \(lastName)" }
    var mri: String { "8:\(username)" }
}

/// A contact request waiting for an answer.
struct SkypeWebInvite: Sendable, Codable {
    var from: String
    var message: String
    var time: Date
}
