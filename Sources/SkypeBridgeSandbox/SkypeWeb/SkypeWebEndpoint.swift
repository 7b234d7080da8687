/// A registered messaging endpoint: its event subscription, queue and waiting long-poll.
struct SkypeWebEndpoint: Sendable {
    /// Events kept for an endpoint that does not poll; older ones are dropped beyond this.
    static let queueLimit = 5000

    let id: String
    let username: String
    /// Whether `POST …/subscriptions` was made (poll answers 404 otherwise).
    var subscribed = false
    /// Contacts whose presence this endpoint asked for (`…/subscriptions/0?name=interestedResources`).
    var presenceContacts: Set<String> = []
    /// Encoded event envelopes not yet delivered.
    var queue: [String] = []
    var nextEventId = 1000
    /// The long-poll waiting for events, if any, and a serial to match its timeout.
    var waiter: CheckedContinuation<[String], Never>?
    var waiterSerial = 0

    init(id: String, username: String) {
        self.id = id
        self.username = username
    }

    /// Appends an event envelope with the endpoint's next event id; wakes the waiting poll.
    mutating func push(resourceType: String, resourceLink: String, resource: String, time: String) {
        let envelope = "{\"id\":\(nextEventId),\"type\":\"EventMessage\",\"resourceType\":\"\(resourceType)\",\"time\":\"\(time)\",\"resourceLink\":\(SkypeWebJSON.quote(resourceLink)),\"resource\":\(resource)}"
        nextEventId += 1
        if let waiter {
            self.waiter = nil
            waiter.resume(returning: [envelope])
            return
        }
        queue.append(envelope)
        if queue.count > Self.queueLimit {
            queue.removeFirst(queue.count - Self.queueLimit)
        }
    }

    /// Resumes the waiting poll (if any) with no events.
    mutating func releaseWaiter() {
        waiter?.resume(returning: [])
        waiter = nil
    }
}
