import Foundation
import WSClient

extension MattermostStreamSession {
    /// The socket URL; with `connection_id` and `sequence_number` when resuming.
    func socketURL(resuming: Bool) -> String {
        guard resuming, let connectionID, var components = URLComponents(url: websocketURL, resolvingAgainstBaseURL: false) else {
            return websocketURL.absoluteString
        }
        var items = components.queryItems ?? []
        items.removeAll { $0.name == "connection_id" || $0.name == "sequence_number" }
        items += [URLQueryItem(name: "connection_id", value: connectionID), URLQueryItem(name: "sequence_number", value: String(nextSeq))]
        components.queryItems = items
        return components.string ?? websocketURL.absoluteString
    }

    /// WSClient proxy settings for an `http://` or `socks5(h)://` proxy URL; nil for other schemes.
    static func proxySettings(_ proxy: URL) -> WebSocketProxySettings? {
        guard let host = proxy.host else { return nil }
        switch proxy.scheme?.lowercased() {
        case "http": return WebSocketProxySettings(host: host, port: proxy.port ?? 80, type: .http())
        case "socks5", "socks5h", "socks": return WebSocketProxySettings(host: host, port: proxy.port ?? 1080, type: .socks)
        default: return nil
        }
    }
}
