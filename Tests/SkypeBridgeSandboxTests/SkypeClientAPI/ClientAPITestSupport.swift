import Foundation
import Logging
import SkypeBridgeSandbox
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fast timings so scripted calls finish in well under a second.
let fastTiming = SkypeClientAPISeed.Timing(stepMilliseconds: 20, answerMilliseconds: 100, noAnswerSeconds: 0.3, incomingRingSeconds: 5)

/// The default endpoints with ``fastTiming``.
let fastSeed = SkypeClientAPISeed(endpoints: SkypeClientAPISeed.default.endpoints, timing: fastTiming)

/// Starts an emulator of `seed` on loopback, runs `body`, and always stops it.
func withEmulator<T>(_ seed: SkypeClientAPISeed = fastSeed, _ body: (SandboxServiceInfo) async throws -> T) async throws -> T {
    var logger = Logger(label: "test.client-api")
    logger.logLevel = .critical
    let emulator = SkypeClientAPIEmulator(seed: seed, logger: logger)
    let info = try await emulator.start(host: "127.0.0.1")
    do {
        let result = try await body(info)
        await emulator.stop()
        return result
    } catch {
        await emulator.stop()
        throw error
    }
}

/// A connected, attached raw client on endpoint `name`.
func attachedClient(_ info: SandboxServiceInfo, _ name: String = "desk1") async throws -> RawAPIClient {
    let client = try await RawAPIClient.connect(info.urls["endpoint.\(name)"]!)
    try await client.attach()
    return client
}

/// Calls the control API: `method` on `path` under the control URL, with an optional JSON body.
@discardableResult
func control(_ info: SandboxServiceInfo, _ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> (status: Int, json: Any?) {
    var request = URLRequest(url: URL(string: info.urls["control"]! + path)!)
    request.httpMethod = method
    if let body {
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    return (status, data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data))
}

/// The call report of `id` from `GET /calls/<id>`.
func callReport(_ info: SandboxServiceInfo, _ id: Int) async throws -> [String: Any] {
    try await control(info, "GET", "/calls/\(id)").json as? [String: Any] ?? [:]
}

/// The call id in a `CALL <id> STATUS …` reply.
func callID(_ reply: String) -> Int? {
    let words = reply.split(separator: " ")
    return words.count >= 2 && words[0] == "CALL" ? Int(words[1]) : nil
}
