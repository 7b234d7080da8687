import CCurl

/// Maps curl result codes to ``HTTPError``.
enum CurlErrorMapping {
    /// The error for a failed transfer; `message` is curl's detailed text.
    static func error(for code: CURLcode, message: String) -> HTTPError {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            .timeout
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT,
             CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
             CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
             CURLE_PROXY, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            .connectionFailed(message)
        default:
            .transferFailed(message)
        }
    }
}
