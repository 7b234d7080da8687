import Hummingbird

/// The HTTP control API of the client API emulator, under `/_control` (README.md in this folder):
/// inject incoming calls, chats and authorization requests, drop connections, read statistics.
enum ClientAPIControlRouter {
    /// The path prefix of every control route.
    static let prefix = "/_control"

    /// Builds the router over `world`; `urls` maps endpoint names to their bound URLs.
    static func make(world: ClientAPIWorld, urls: [String: String]) -> Router<BasicRequestContext> {
        let router = Router()
        let control = router.group(RouterPath(prefix))
        control.get("endpoints") { _, _ in
            var endpoints: [ClientAPIControlWire.Endpoint] = []
            for endpoint in world.seed.endpoints {
                let counts = await world.connectionCounts(endpoint: endpoint.name)
                endpoints.append(.init(name: endpoint.name, skypeUser: endpoint.skypeUser, url: urls[endpoint.name] ?? "", connected: counts.connected, attached: counts.attached))
            }
            return EndpointList(endpoints: endpoints)
        }
        control.get("endpoints/:name/log") { _, context in
            let name = try endpointName(context, world)
            return ClientAPIControlWire.Log(commands: await world.log(of: name))
        }
        control.post("endpoints/:name/drop") { _, context in
            let name = try endpointName(context, world)
            return ClientAPIControlWire.Dropped(dropped: await world.drop(endpoint: name))
        }
        control.post("incoming-call") { request, context in
            let body = try await request.decode(as: ClientAPIControlWire.IncomingCall.self, context: context)
            guard let source = ClientAPIAudioSource(name: body.audio ?? "tone") else {
                throw HTTPError(.badRequest, message: "audio must be echo, tone, tone:<hz> or silence")
            }
            let calls = await world.ringIncoming(
                user: body.to, from: body.from, displayName: body.displayName ?? body.from, pstn: body.pstn ?? false, source: source)
            guard !calls.isEmpty else { throw HTTPError(.notFound, message: "no endpoint is logged in as \(body.to)") }
            return ClientAPIControlWire.CreatedList(created: calls.map { .init(endpoint: $0.endpoint, id: $0.id) })
        }
        control.post("chat") { request, context in
            let body = try await request.decode(as: ClientAPIControlWire.Chat.self, context: context)
            let messages = await world.receiveChatMessage(user: body.to, from: body.from, displayName: body.displayName ?? body.from, body: body.body)
            guard !messages.isEmpty else { throw HTTPError(.notFound, message: "no endpoint is logged in as \(body.to)") }
            return ClientAPIControlWire.CreatedList(created: messages.map { .init(endpoint: $0.endpoint, id: $0.id) })
        }
        control.post("auth-request") { request, context in
            let body = try await request.decode(as: ClientAPIControlWire.AuthRequest.self, context: context)
            let endpoints = await world.receiveAuthorizationRequest(user: body.to, from: body.from, text: body.text ?? "Please add me")
            guard !endpoints.isEmpty else { throw HTTPError(.notFound, message: "no endpoint is logged in as \(body.to)") }
            return ClientAPIControlWire.CreatedList(created: endpoints.map { .init(endpoint: $0, id: 0) })
        }
        control.get("calls") { _, _ in
            ClientAPIControlWire.Calls(calls: await world.callReports())
        }
        control.get("calls/:id") { _, context in
            let id = try context.parameters.require("id", as: Int.self)
            guard let report = await world.callReports().first(where: { $0.id == id }) else { throw HTTPError(.notFound, message: "no call \(id)") }
            return report
        }
        control.post("calls/:id/dtmf") { request, context in
            let id = try context.parameters.require("id", as: Int.self)
            let body = try await request.decode(as: ClientAPIControlWire.DTMF.self, context: context)
            guard !body.digits.isEmpty, body.digits.allSatisfy({ ClientAPIWorld.dtmfDigits.contains(String($0)) }) else {
                throw HTTPError(.badRequest, message: "digits must be 0-9, * or #")
            }
            guard await world.injectDTMF(id, digits: body.digits) else { throw HTTPError(.conflict, message: "call \(id) is not in progress") }
            return HTTPResponse.Status.noContent
        }
        control.post("calls/:id/hangup") { _, context in
            let id = try context.parameters.require("id", as: Int.self)
            guard await world.remoteHangUp(id) else { throw HTTPError(.conflict, message: "call \(id) has already ended") }
            return HTTPResponse.Status.noContent
        }
        control.get("chat-messages") { _, _ in
            ClientAPIControlWire.ChatMessages(messages: await world.chatMessageReports())
        }
        control.get("users/:user") { _, context in
            let user = try context.parameters.require("user")
            return await world.userReport(user)
        }
        return router
    }

    private static func endpointName(_ context: BasicRequestContext, _ world: ClientAPIWorld) throws -> String {
        let name = try context.parameters.require("name")
        guard world.seed.endpoints.contains(where: { $0.name == name }) else { throw HTTPError(.notFound, message: "no endpoint \(name)") }
        return name
    }

    /// Reply of `GET /_control/endpoints`.
    struct EndpointList: ResponseEncodable {
        var endpoints: [ClientAPIControlWire.Endpoint]
    }
}
