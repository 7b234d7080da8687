import NIOCore

/// Splits a Skype client API byte stream into messages: UTF-8 text, each ended by one NUL byte.
struct SkypeAPIFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    /// Longer messages without a NUL close the connection.
    static let maximumLength = 1 << 20

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: 0) else {
            if buffer.readableBytes > Self.maximumLength { throw CallError.protocolViolation("a message longer than 1 MiB") }
            return .needMoreData
        }
        let bytes = buffer.readBytes(length: end - buffer.readerIndex) ?? []
        buffer.moveReaderIndex(forwardBy: 1)
        context.fireChannelRead(wrapInboundOut(String(decoding: bytes, as: UTF8.self)))
        return .continue
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
