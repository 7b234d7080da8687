/// A frame source whose reads block (a pipe, a PulseAudio record stream). It is created, used
/// and closed on one dedicated thread by ``FrameReaderThread``, so it need not be `Sendable`.
protocol BlockingFrameReader: AnyObject {
    /// Blocks until a whole frame is there; `nil` at the end of the input.
    func readFrame() throws -> [Int16]?
    /// Releases the device or descriptor.
    func close()
}
