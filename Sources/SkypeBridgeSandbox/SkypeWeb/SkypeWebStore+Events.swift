import Foundation

extension SkypeWebStore {
    /// Queues an event for every endpoint of `username` (subscribed or not yet subscribed).
    func deliver(to username: String, resourceType: String, resourceLink: String, resource: String, time: Int64) {
        guard let ids = userEndpoints[username] else { return }
        let stamp = SkypeWebJSON.isoSeconds(time)
        for id in ids {
            endpoints[id]?.push(resourceType: resourceType, resourceLink: resourceLink, resource: resource, time: stamp)
        }
    }

    /// Marks the endpoint subscribed (`POST …/endpoints/{id}/subscriptions`).
    func subscribe(endpointId: String) {
        endpoints[endpointId]?.subscribed = true
    }

    /// Records the contacts whose presence the endpoint follows and sends their current presence.
    func subscribePresence(endpointId: String, resources: [String]) throws(SkypeWebError) {
        guard let endpoint = endpoints[endpointId], endpoint.subscribed else {
            throw .notFound(code: 450, message: "Subscription requested could not be found.")
        }
        let prefix = "/v1/users/ME/contacts/8:"
        let contacts = Set(resources.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
        endpoints[endpointId]?.presenceContacts = contacts
        let now = SkypeWebJSON.nowMillis()
        for contact in contacts.sorted() {
            guard let user = users[contact] else { continue }
            let (link, resource) = presenceResource(user, time: now)
            endpoints[endpointId]?.push(resourceType: "UserPresence", resourceLink: link, resource: resource,
                                        time: SkypeWebJSON.isoSeconds(now))
        }
    }

    /// Sets a user's presence and notifies every endpoint that follows it.
    func setPresence(_ username: String, status: String) throws(SkypeWebError) {
        let allowed = ["Offline", "Hidden", "Busy", "Away", "Idle", "Online"]
        guard allowed.contains(status) else { throw .badRequest("Unknown presence status.") }
        users[username]?.presence = status
        guard let user = users[username] else { return }
        let now = SkypeWebJSON.nowMillis()
        let (link, resource) = presenceResource(user, time: now)
        let stamp = SkypeWebJSON.isoSeconds(now)
        for (id, endpoint) in endpoints where endpoint.presenceContacts.contains(username) {
            endpoints[id]?.push(resourceType: "UserPresence", resourceLink: link, resource: resource, time: stamp)
        }
    }

    private func presenceResource(_ user: SkypeWebUser, time: Int64) -> (String, String) {
        let link = "\(messagingBase)/users/\(user.mri)/presenceDocs/messagingService"
        let shown = user.presence == "Hidden" ? "Offline" : user.presence
        let resource: [String: Any] = [
            "id": "messagingService", "type": "UserPresenceDoc", "selfLink": link,
            "availability": shown == "Offline" ? "Offline" : "Online", "status": shown,
            "capabilities": "Seamless | Video", "lastSeenAt": SkypeWebJSON.isoMillis(time), "endpointPresenceDocLinks": [],
        ]
        return (link, SkypeWebJSON.encode(resource))
    }

    /// Long-poll: returns queued events at once, otherwise waits up to the configured timeout.
    /// Throws 404 (errorCode 450) when the endpoint has no subscription.
    func poll(endpointId: String) async throws(SkypeWebError) -> [String] {
        guard let endpoint = endpoints[endpointId], endpoint.subscribed else {
            throw .notFound(code: 450, message: "Subscription requested could not be found.")
        }
        if !endpoint.queue.isEmpty {
            endpoints[endpointId]?.queue = []
            return endpoint.queue
        }
        endpoints[endpointId]?.releaseWaiter()
        pollSerial += 1
        let serial = pollSerial
        let timeout = options.pollTimeout
        return await withCheckedContinuation { continuation in
            endpoints[endpointId]?.waiter = continuation
            endpoints[endpointId]?.waiterSerial = serial
            Task { [weak self] in
                try? await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                await self?.expirePoll(endpointId: endpointId, serial: serial)
            }
        }
    }

    private func expirePoll(endpointId: String, serial: Int) {
        guard endpoints[endpointId]?.waiterSerial == serial else { return }
        endpoints[endpointId]?.releaseWaiter()
    }

    /// Forgets an endpoint's subscription, so its next poll gets 404 and the client re-subscribes.
    func dropSubscription(endpointId: String) {
        endpoints[endpointId]?.releaseWaiter()
        endpoints[endpointId]?.subscribed = false
    }

    /// The user's endpoints as presence docs (`GET /v1/users/ME/presenceDocs/messagingService`).
    func endpointDocs(for username: String) -> String {
        let docs: [[String: Any]] = (userEndpoints[username] ?? []).map { id in
            let link = "\(messagingBase)/users/ME/endpoints/\(id)/presenceDocs/messagingService"
            return ["id": "messagingService", "type": "EndpointPresenceDoc", "selfLink": link, "link": link,
                    "privateInfo": ["epname": "skype"], "publicInfo": ["capabilities": "", "typ": "1"]]
        }
        return SkypeWebJSON.encode(["endpointPresenceDocs": docs])
    }

    /// Releases every waiting long-poll (on shutdown).
    func releaseAllPolls() {
        for id in endpoints.keys { endpoints[id]?.releaseWaiter() }
    }
}
