import CPulse
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// libpulse-simple, loaded with `dlopen` the first time a PulseAudio stream is opened.
///
/// Linking libpulse would make every command load it and the ~26 libraries it depends on
/// (libsndfile and its codecs, X11, D-Bus, systemd, …) at start, though only calls with
/// `--audio pulse` use them; loaded on demand, `send` and `listen` start faster and smaller.
struct PulseLibrary: @unchecked Sendable {
    typealias New = @convention(c) (
        UnsafePointer<CChar>?, UnsafePointer<CChar>?, pa_stream_direction_t, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        UnsafePointer<pa_sample_spec>?, UnsafePointer<pa_channel_map>?, UnsafePointer<pa_buffer_attr>?, UnsafeMutablePointer<Int32>?
    ) -> OpaquePointer?
    typealias Read = @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, Int, UnsafeMutablePointer<Int32>?) -> Int32
    typealias Write = @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int, UnsafeMutablePointer<Int32>?) -> Int32
    typealias Drain = @convention(c) (OpaquePointer?, UnsafeMutablePointer<Int32>?) -> Int32
    typealias Free = @convention(c) (OpaquePointer?) -> Void
    typealias StrError = @convention(c) (Int32) -> UnsafePointer<CChar>?

    // Immutable C function pointers resolved once; calling them from any thread is what
    // libpulse-simple allows (one stream per thread, as PulseStream uses them).
    let new: New
    let read: Read
    let write: Write
    let drain: Drain
    let free: Free
    let strerror: StrError

    /// The shared library's soname on Debian (package libpulse0).
    static let soname = "libpulse-simple.so.0"

    /// The library, loaded on first use; the error says how to install it when it is missing.
    static let shared: Result<PulseLibrary, AudioError> = load(soname)

    /// Loads `name` and resolves the functions PulseStream calls.
    static func load(_ name: String) -> Result<PulseLibrary, AudioError> {
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(.pulseNotInstalled(reason))
        }
        func symbol<T>(_ symbolName: String, as type: T.Type) throws(AudioError) -> T {
            guard let address = dlsym(handle, symbolName) else { throw .pulseNotInstalled("\(name) has no \(symbolName)") }
            return unsafeBitCast(address, to: type)
        }
        do {
            return .success(PulseLibrary(
                new: try symbol("pa_simple_new", as: New.self), read: try symbol("pa_simple_read", as: Read.self),
                write: try symbol("pa_simple_write", as: Write.self), drain: try symbol("pa_simple_drain", as: Drain.self),
                free: try symbol("pa_simple_free", as: Free.self), strerror: try symbol("pa_strerror", as: StrError.self)))
        } catch {
            dlclose(handle)
            return .failure(error)
        }
    }
}
