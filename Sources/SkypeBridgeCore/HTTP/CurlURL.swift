import CCurl

/// URL checks done with curl's own parser, so what passes is exactly what curl will fetch.
enum CurlURL {
    /// Throws ``HTTPError/invalidURL(_:)`` unless `url` is an absolute `http` or `https` URL with a host.
    static func validate(_ url: String) throws(HTTPError) {
        guard let handle = curl_url() else { throw .transferFailed("curl_url failed") }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, 0) == CURLUE_OK,
              let scheme = part(handle, CURLUPART_SCHEME), ["http", "https"].contains(scheme.lowercased()),
              let host = part(handle, CURLUPART_HOST), !host.isEmpty
        else { throw .invalidURL(url) }
    }

    private static func part(_ handle: OpaquePointer, _ which: CURLUPart) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, which, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
