import CCurl
import Foundation
import Synchronization

/// One attempt of one ``HTTPRequest`` as a configured curl easy handle, with the state its
/// callbacks fill in (status, headers, body sink, upload source).
///
/// Built on the calling task, then owned by ``CurlMultiDriver``'s thread until it resumes
/// ``continuation``; after that only the task reads it again. That hand-off (through the driver's
/// mutex and the continuation) is why the class can be `@unchecked Sendable`.
final class CurlTransfer: @unchecked Sendable {
    /// What the task awaits: the response or the error, delivered exactly once.
    typealias Continuation = CheckedContinuation<Result<HTTPResponse, HTTPError>, Never>

    /// The most bytes of a non-2xx body kept when the destination is a file.
    static let errorBodyLimit = 64 << 10

    let easy: UnsafeMutableRawPointer
    var continuation: Continuation?
    /// Body bytes received, after content decoding.
    private(set) var bytesReceived = 0
    /// Body bytes sent.
    private(set) var bytesSent = 0
    /// Whether this attempt opened a new connection.
    private(set) var openedConnection = false

    private let destination: HTTPResponseDestination
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private let cancelled = Atomic<Bool>(false)
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var mime: OpaquePointer?
    private var upload: (fd: Int32, path: String)?
    private var output: Int32 = -1
    private var memory = Data()
    private var status = 0
    private var headerFields: [HTTPHeaders.Field] = []
    private var createdOutput = false
    private var callbackFailure: HTTPError?

    /// Configures an easy handle for `request` under `configuration`.
    init(request: HTTPRequest, configuration: HTTPClientConfiguration) throws(HTTPError) {
        guard let easy = curl_easy_init() else { throw .transferFailed("curl_easy_init failed") }
        self.easy = easy
        self.destination = request.destination
        errorBuffer[0] = 0
        try CurlURL.validate(request.url)
        try configure(request, configuration)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_mime_free(mime)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
        closeFiles()
    }

    /// Whether ``markCancelled()`` was called.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Records that the task was cancelled, so a transfer not yet started never starts.
    func markCancelled() { cancelled.store(true, ordering: .releasing) }

    // MARK: - Completion (driver thread)

    /// Turns curl's result into the response or error and resumes the task.
    func complete(_ code: CURLcode) {
        openedConnection = sb_curl_num_connects(easy) > 0
        bytesSent = sb_curl_getinfo_off(easy, CURLINFO_SIZE_UPLOAD_T)
        guard code == CURLE_OK else {
            let message = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
            finish(.failure(callbackFailure ?? CurlErrorMapping.error(for: code, message: message)))
            return
        }
        var body = HTTPResponse.Body.bytes(memory)
        if case .file(let path, _) = destination, (200..<300).contains(status) {
            if output < 0, let failure = openOutput(path) {
                finish(.failure(failure))
                return
            }
            body = .file(path: path)
        }
        finish(.success(HTTPResponse(status: status, headers: HTTPHeaders(headerFields), body: body, openedConnection: openedConnection)))
    }

    /// Resumes the task with `result` (once), closing files; a failed download's file is removed.
    func finish(_ result: Result<HTTPResponse, HTTPError>) {
        closeFiles()
        if case .failure = result, createdOutput, case .file(let path, _) = destination {
            unlink(path)
        }
        continuation?.resume(returning: result)
        continuation = nil
    }

    // MARK: - Callbacks (driver thread)

    fileprivate func receiveHeader(_ line: UnsafeRawBufferPointer) {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == UInt8(ascii: "\r") || line[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        let bytes = line[line.startIndex..<end]
        guard let first = bytes.first else { return }
        if bytes.starts(with: "HTTP/".utf8) {
            let parts = bytes.split(separator: UInt8(ascii: " "), maxSplits: 2)
            status = parts.count > 1 ? Int(String(decoding: parts[1], as: UTF8.self)) ?? 0 : 0
            headerFields.removeAll()
        } else if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t"), !headerFields.isEmpty {
            headerFields[headerFields.count - 1].value += " " + String(decoding: Self.trimmed(bytes), as: UTF8.self)
        } else if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let value = Self.trimmed(bytes[(colon + 1)...])
            headerFields.append(HTTPHeaders.Field(
                name: String(decoding: bytes[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
        }
    }

    /// `bytes` without leading and trailing spaces and tabs.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    fileprivate func receiveBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        switch destination {
        case .file(let path, let maxBytes) where (200..<300).contains(status):
            if output < 0, let failure = openOutput(path) {
                callbackFailure = failure
                return 0
            }
            guard Int64(bytesReceived) + Int64(chunk.count) <= maxBytes else {
                callbackFailure = .tooLarge(limit: Int(clamping: maxBytes))
                return 0
            }
            var offset = 0
            while offset < chunk.count {
                let written = write(output, chunk.baseAddress! + offset, chunk.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    callbackFailure = .fileAccess(path: path, reason: HTTPError.errnoReason())
                    return 0
                }
                offset += written
            }
        case .file:
            memory.append(contentsOf: chunk.prefix(max(Self.errorBodyLimit - memory.count, 0)))
        case .memory(let maxBytes):
            guard memory.count + chunk.count <= maxBytes else {
                callbackFailure = .tooLarge(limit: maxBytes)
                return 0
            }
            memory.append(contentsOf: chunk)
        }
        bytesReceived += chunk.count
        return chunk.count
    }

    fileprivate func sendBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let upload else { return 0 }
        while true {
            let count = read(upload.fd, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            callbackFailure = .fileAccess(path: upload.path, reason: HTTPError.errnoReason())
            return Int(CURL_READFUNC_ABORT)
        }
    }

    private func openOutput(_ path: String) -> HTTPError? {
        output = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard output >= 0 else { return .fileAccess(path: path, reason: HTTPError.errnoReason()) }
        createdOutput = true
        return nil
    }

    private func closeFiles() {
        if output >= 0 { close(output) }
        output = -1
        if let upload { close(upload.fd) }
        upload = nil
    }

    // MARK: - Configuration

    private func configure(_ request: HTTPRequest, _ configuration: HTTPClientConfiguration) throws(HTTPError) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0)
        try set(CURLOPT_MAXREDIRS, 10)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout.milliseconds))
        try set(CURLOPT_TIMEOUT_MS, Int(max((request.timeout ?? configuration.requestTimeout).milliseconds, 1)))
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        try set(CURLOPT_PROXY_SSL_VERIFYPEER, 1)
        try set(CURLOPT_PROXY_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile {
            try set(CURLOPT_CAINFO, caFile)
            try set(CURLOPT_PROXY_CAINFO, caFile)
        }
        // An empty proxy also stops curl from reading the *_proxy environment variables.
        try set(CURLOPT_PROXY, configuration.proxy ?? "")
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try check(sb_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(sb_curl_setopt_write_function(easy, curlWriteCallback))
        try check(sb_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, me))
        try check(sb_curl_setopt_header_function(easy, curlHeaderCallback))
        try check(sb_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, me))
        try configureBody(request, context: me)
        try configureHeaders(request.headers)
    }

    private func configureBody(_ request: HTTPRequest, context: UnsafeMutableRawPointer) throws(HTTPError) {
        var body = request.body
        if case .none = body, [.post, .put, .patch].contains(request.method) { body = .bytes(Data()) }
        switch body {
        case .none:
            switch request.method {
            case .get: try set(CURLOPT_HTTPGET, 1)
            case .head: try set(CURLOPT_NOBODY, 1)
            default: try set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
            }
            return
        case .bytes(let data):
            try check(sb_curl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(data.count)))
            let code = data.isEmpty
                ? sb_curl_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
                : data.withUnsafeBytes { sb_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
            try check(code)
        case .file(let path):
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            var info = stat()
            guard fd >= 0, fstat(fd, &info) == 0 else {
                let reason = HTTPError.errnoReason()
                if fd >= 0 { close(fd) }
                throw .fileAccess(path: path, reason: reason)
            }
            upload = (fd, path)
            try set(CURLOPT_UPLOAD, 1)
            try check(sb_curl_setopt_off(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(info.st_size)))
            try check(sb_curl_setopt_read_function(easy, curlReadCallback))
            try check(sb_curl_setopt_pointer(easy, CURLOPT_READDATA, context))
        case .multipart(let parts):
            mime = try CurlMultipart.build(parts, for: easy)
            try check(sb_curl_setopt_mime(easy, mime))
        }
        let implied: HTTPMethod = if case .file = body { .put } else { .post }
        if request.method != implied { try set(CURLOPT_CUSTOMREQUEST, request.method.rawValue) }
    }

    private func configureHeaders(_ fields: HTTPHeaders) throws(HTTPError) {
        var lines = fields.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        if !fields.contains("Expect") { lines.append("Expect:") }
        for line in lines {
            guard let list = curl_slist_append(headerList, line) else { throw .transferFailed("out of memory") }
            headerList = list
        }
        try check(sb_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList))
    }

    private func set(_ option: CURLoption, _ value: Int) throws(HTTPError) {
        try check(sb_curl_setopt_long(easy, option, value))
    }

    private func set(_ option: CURLoption, _ value: String) throws(HTTPError) {
        try check(sb_curl_setopt_string(easy, option, value))
    }

    private func check(_ code: CURLcode) throws(HTTPError) {
        guard code == CURLE_OK else { throw .transferFailed(String(cString: curl_easy_strerror(code))) }
    }
}

private func transfer(_ context: UnsafeMutableRawPointer?) -> CurlTransfer {
    Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
}

private let curlWriteCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    transfer($3).receiveBody(UnsafeRawBufferPointer(start: $0, count: $1 * $2))
}

private let curlHeaderCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    transfer($3).receiveHeader(UnsafeRawBufferPointer(start: $0, count: $1 * $2))
    return $1 * $2
}

private let curlReadCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    transfer($3).sendBody(into: UnsafeMutableRawBufferPointer(start: $0, count: $1 * $2))
}
