/// A frame destination whose writes block (a pipe, a PulseAudio playback stream), used only on
/// the dedicated thread of a ``FrameWriterThread``.
protocol BlockingFrameWriter: AnyObject {
    /// Blocks until the frame is accepted.
    func writeFrame(_ frame: [Int16]) throws
    /// Waits until everything written has been played or delivered, then releases the device.
    func drainAndClose() throws
}
