/// The Skype web emulator's URL layout, seed and test control API.
///
/// `SkypeWebEmulator` (service name `skype`) serves the consumer Skype web protocol described in
/// `/work/shared/protocols/skype-web.md` on one plain-HTTP origin, closely enough that unmodified
/// skpy 0.11 works against it (see `Tests/interop/test_skype_*.py`).
///
/// ## URL layout
///
/// | name in `SandboxServiceInfo.urls` | path | stands in for | skpy attribute |
/// |---|---|---|---|
/// | `base` | `/` | the origin | — |
/// | `messaging` | `/v1` | `client-s.gateway.messenger.live.com/v1` | `API_MSGSHOST` |
/// | `msacc` | `/live` | `login.live.com` (`/RST.srf`, `/ppsecure/post.srf`) | `API_MSACC` |
/// | `login` | `/login` | `login.skype.com/login` (`/oauth/microsoft`, `/microsoft`, `/login`) | `API_LOGIN` |
/// | `edge` | `/edge/skypetoken` | `edge.skype.com/rps/v1/rps/skypetoken` | `API_EDGE` |
/// | `api` | `/api` | `api.skype.com` | `API_USER` |
/// | `profile` | `/profile/v1` | `profile.skype.com/profile/v1` | `API_PROFILE` |
/// | `contacts` | `/contacts/v2` | `contacts.skype.com/contacts/v2` | `API_CONTACTS` |
/// | `asm` | `/asm` | `https://api.asm.skype.com` (so objects are `/asm/v1/objects`) | rewrite adapter |
/// | `control` | `/_control/skype` | the test control API below | — |
///
/// Because the emulator is HTTP-only, endpoint registration never sends `Location` (§1.4). Every
/// token header form of §1.5 is accepted. Message ids are digit strings (arrival epoch ms, bumped by
/// one when two messages of a conversation share a millisecond); `originalarrivaltime` is the real
/// arrival time. Events go to every endpoint of every participant, the sender's own included
/// (typing: other participants only). An endpoint keeps at most 5,000 undelivered events.
///
/// ## Seed
///
/// `SkypeWebSeed.standard`: `bridge.bot` / `bridge-pass` (role `bridge`), `alice` / `alice-pass`,
/// `bob` / `bob-pass`, `carol` / `carol-pass`. Each can also log in as `<name>@example.com` (SOAP).
/// bridge.bot, alice and bob are mutual contacts and share the group
/// `19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.skype` ("Team chat", bridge.bot admin); carol has a
/// pending contact request to bridge.bot.
///
/// ## Control API
///
/// All bodies and answers are JSON. `$C` below is `urls["control"]`, e.g.
/// `C=http://127.0.0.1:4123/_control/skype`.
///
/// | request | effect |
/// |---|---|
/// | `GET $C/state` | users (contacts, blocked, pending invites, endpoint count) and conversations (members, message count) |
/// | `PUT $C/settings` `{"pollTimeout": 2, "skypeTokenLifetime": 60, "registrationTokenLifetime": 60}` | change the poll timeout (s) and lifetimes (s) of tokens issued from now on; any subset; answers the current values |
/// | `POST $C/users` `{"username", "password", "firstName", "lastName"}` | create an account (400 if the name is taken) |
/// | `POST $C/contacts` `{"a", "b"}` | make two users mutual contacts |
/// | `POST $C/invites` `{"from", "to", "message"}` | contact request from one user to another |
/// | `POST $C/threads` `{"creator", "members": [...], "topic"}` | create a group; answers `{"id"}` |
/// | `POST $C/messages` `{"from", "to", "content", "messagetype"}` | post as `from` to a user (`bob` or `8:bob`) or a group (`19:…`); events fan out as for a client post; answers `{"id", "conversation", "arrival"}` |
/// | `POST $C/messages` `{"from", "to", "contents": [...], "messagetype"}` | the same for each of `contents`, in order, in one request (load generation); answers `{"ids", "conversation"}` |
/// | `GET $C/messages?user=alice&conversation=8:bob` | every stored message of that conversation, oldest first, as `user` sees it |
/// | `POST $C/users/{name}/expire` `{"skypetoken": true, "registration": true}` | expire that user's tokens now (further calls get 401) |
/// | `POST $C/faults` (see below) | arm a fault for the next matching requests |
/// | `GET $C/faults` / `DELETE $C/faults` | list / clear armed faults |
///
/// A fault: `{"kind", "pathContains", "method", "count", "status", "retryAfter", "delayMilliseconds"}`.
/// It applies to the next `count` (default 1) requests whose path contains `pathContains` (and whose
/// method is `method`, if given); control requests are never affected. Kinds:
///
/// * `status`: answer `status` (default 503) with `{"errorCode", "message"}`.
/// * `rateLimit`: answer 429 `{"errorCode": 800, …}` with `Retry-After: retryAfter` (default 5).
/// * `drop`: send a header promising a body, then close the connection.
/// * `delay`: wait `delayMilliseconds` (default 1000), then handle the request normally.
/// * `subscriptionLost`: for polls, forget the endpoint's subscription and answer 404
///   `{"errorCode": 450}`; the client must re-subscribe (skpy does so on its own).
/// * `otherCloud`: for endpoint registrations, answer 404 `{"errorCode": 752}` with a `Location`
///   on the other messaging host `<origin>/cloud2/v1` (the same emulator); an `http://` Location,
///   so not for skpy, which only follows `https://`.
///
/// ```sh
/// C=http://127.0.0.1:4123/_control/skype
/// curl -s $C/state
/// curl -s -X PUT $C/settings -d '{"pollTimeout": 2}'
/// curl -s -X POST $C/users -d '{"username": "dave", "password": "dave-pass", "firstName": "Dave"}'
/// curl -s -X POST $C/invites -d '{"from": "dave", "to": "bridge.bot", "message": "hi"}'
/// curl -s -X POST $C/messages -d '{"from": "alice", "to": "bridge.bot", "content": "Hello <b>bridge</b>"}'
/// curl -s "$C/messages?user=bridge.bot&conversation=8:alice"
/// curl -s -X POST $C/users/bridge.bot/expire -d '{"registration": true}'
/// curl -s -X POST $C/faults -d '{"kind": "rateLimit", "pathContains": "/messages", "method": "POST", "retryAfter": 3}'
/// curl -s -X POST $C/faults -d '{"kind": "subscriptionLost", "pathContains": "/poll"}'
/// curl -s -X POST $C/faults -d '{"kind": "otherCloud", "pathContains": "/endpoints", "method": "POST"}'
/// curl -s -X POST $C/faults -d '{"kind": "status", "pathContains": "/v1/users/ME/conversations", "count": 2, "status": 500}'
/// curl -s -X DELETE $C/faults
/// ```
///
/// ## Persistence
///
/// `persistentState()` is JSON of users (passwords, contacts, blocked, invites, presence),
/// conversations (members, thread properties, per-member properties, messages) and ASM files
/// (bytes included). Tokens and endpoints are not kept: clients log in again after a restart.
public enum SkypeWebControlAPI {
    /// The path prefix of the control API on the emulator's origin.
    public static let pathPrefix = "/_control/skype"
}
