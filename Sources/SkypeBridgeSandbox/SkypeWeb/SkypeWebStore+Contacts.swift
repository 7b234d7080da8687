import Foundation

extension SkypeWebStore {
    /// The body of `GET /api/users/self/profile`.
    func selfProfile(_ user: SkypeWebUser) -> String {
        SkypeWebJSON.encode(profileJSON(user))
    }

    /// A profile object (self profile and batch profile entries).
    func profileJSON(_ user: SkypeWebUser) -> [String: Any] {
        ["username": user.username, "firstname": user.firstName, "lastname": user.lastName,
         "displayname": user.displayName, "emails": [user.email], "language": "en", "country": "us",
         "avatarUrl": "\(origin)/api/users/\(user.username)/profile/avatar", "mood": NSNull(), "richMood": NSNull()]
    }

    /// `POST /api/users/batch/profiles`: profiles of contacts (or self); 403 when any is not a contact.
    func contactProfiles(_ usernames: [String], viewer: SkypeWebUser) throws(SkypeWebError) -> String {
        let profiles = try usernames.map { (name: String) throws(SkypeWebError) -> [String: Any] in
            guard let user = users[name], name == viewer.username || viewer.contacts.contains(name) else {
                throw .forbidden("Not a contact.")
            }
            return profileJSON(user)
        }
        return SkypeWebJSON.encode(profiles)
    }

    /// `POST /profile/v1/batch/profiles`: public profiles; unknown names get an entry with `status`.
    func publicProfiles(_ usernames: [String]) -> String {
        let profiles: [[String: Any]] = usernames.map { name in
            guard let user = users[name] else {
                return ["username": name, "status": ["code": 404, "text": "User not found"]]
            }
            return ["username": user.username, "firstname": user.firstName, "lastname": user.lastName,
                    "displayname": user.displayName, "avatarUrl": "\(origin)/api/users/\(user.username)/profile/avatar"]
        }
        return SkypeWebJSON.encode(profiles)
    }

    /// The body of `GET /contacts/v2/users/{id}` (whole document, or only `part` of it).
    func contacts(for viewer: SkypeWebUser, part: String? = nil) -> String {
        let document = contactDocument(for: viewer)
        guard let part else { return SkypeWebJSON.encode(document) }
        return SkypeWebJSON.encode([part: document[part] ?? []])
    }

    private func contactDocument(for viewer: SkypeWebUser) -> [String: Any] {
        let contacts: [[String: Any]] = viewer.contacts.sorted().compactMap { name in
            guard let user = users[name] else { return nil }
            return ["mri": user.mri, "display_name": user.displayName, "display_name_source": "identity_provider",
                    "authorized": true, "blocked": viewer.blocked.contains(name), "person_id": user.mri, "type": "skype",
                    "profile": ["name": ["first": user.firstName, "surname": user.lastName]]]
        }
        let blocklist = viewer.blocked.sorted().map { ["mri": "8:\($0)"] }
        return ["contacts": contacts, "groups": [[String: Any]](), "blocklist": blocklist, "count": contacts.count, "scope": "full"]
    }

    /// The body of `GET …/invites`: incoming requests as `invite_list` entries.
    func invites(for viewer: SkypeWebUser) -> String {
        let list: [[String: Any]] = viewer.invites.map { invite in
            let time = Int64(invite.time.timeIntervalSince1970 * 1000)
            return ["mri": "8:\(invite.from)", "displayname": users[invite.from]?.displayName ?? invite.from,
                    "invites": [["message": invite.message, "time": SkypeWebJSON.isoSeconds(time)]]]
        }
        return SkypeWebJSON.encode(["invite_list": list])
    }

    /// Sends a contact request from `from` to `to` (silently dropped when `to` blocked `from`).
    func invite(from: String, to: String, message: String) throws(SkypeWebError) {
        guard users[to] != nil, users[from] != nil, from != to else { throw .unknown("user") }
        guard users[to]?.blocked.contains(from) != true, users[to]?.contacts.contains(from) != true else { return }
        users[to]?.invites.removeAll { $0.from == from }
        users[to]?.invites.append(SkypeWebInvite(from: from, message: message, time: Date()))
    }

    /// Accepts (`accept == true`) or declines the request from `from`.
    func answerInvite(of viewer: String, from: String, accept: Bool) throws(SkypeWebError) {
        guard users[viewer]?.invites.contains(where: { $0.from == from }) == true else { throw .unknown("invite") }
        users[viewer]?.invites.removeAll { $0.from == from }
        if accept { makeContacts(viewer, from) }
    }

    /// Makes two users mutual contacts.
    func makeContacts(_ a: String, _ b: String) {
        users[a]?.contacts.insert(b)
        users[b]?.contacts.insert(a)
    }

    /// Removes `other` from `viewer`'s contact list.
    func removeContact(of viewer: String, _ other: String) {
        users[viewer]?.contacts.remove(other)
    }

    /// Blocks or unblocks `other`; blocking also drops their pending request.
    func setBlocked(of viewer: String, _ other: String, blocked: Bool) throws(SkypeWebError) {
        guard users[other] != nil else { throw .unknown("user") }
        if blocked {
            users[viewer]?.blocked.insert(other)
            users[viewer]?.invites.removeAll { $0.from == other }
        } else {
            users[viewer]?.blocked.remove(other)
        }
    }
}
