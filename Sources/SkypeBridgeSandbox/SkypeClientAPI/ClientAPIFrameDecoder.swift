import NIOCore

/// Splits the byte stream of a Skype client API connection into messages: each message is UTF-8
/// text ended by one NUL byte. Invalid UTF-8 is repaired rather than dropped.
struct ClientAPIFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    /// Messages longer than this close the connection instead of growing the buffer forever.
    static let maximumLength = 1 << 20

    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: 0) else {
            if buffer.readableBytes > Self.maximumLength { throw ClientAPIFrameTooLong() }
            return .needMoreData
        }
        let length = end - buffer.readerIndex
        let bytes = buffer.readBytes(length: length) ?? []
        buffer.moveReaderIndex(forwardBy: 1)
        context.fireChannelRead(wrapInboundOut(String(decoding: bytes, as: UTF8.self)))
        return .continue
    }

    func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

/// A peer sent more than ``ClientAPIFrameDecoder/maximumLength`` bytes without a NUL.
struct ClientAPIFrameTooLong: Error {}
