import NIOCore

/// One SMTP reply: its code and the text of its (possibly several) lines.
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    /// `550 mailbox unavailable`: the code and the first line, short enough for the outbox page.
    var summary: String { "\(code) \(lines.first ?? "")".trimmingCharacters(in: .whitespaces).prefix(200).description }
}

/// Reads SMTP replies off the connection (RFC 5321 4.2: `250-first`, `250 last`) and hands them out
/// one at a time. Lives on its channel's event loop only; `next` is called there.
final class SMTPReplyReader: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private var pending: [UInt8] = []
    private var lines: [String] = []
    private var replies = CircularBuffer<Result<SMTPReply, SMTPError>>()
    private var waiter: EventLoopPromise<SMTPReply>?
    private var ended: SMTPError?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(pending[..<newline])
            pending.removeSubrange(...newline)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            parse(line)
        }
        if pending.count > 64 * 1024 { fail(.temporary("antwoord van de server te lang")) }
    }

    private func parse(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), (200...599).contains(code) else {
            deliver(.failure(.temporary("onverwacht antwoord: \(text.prefix(80))")))
            return
        }
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if bytes.count == 3 || bytes[3] != UInt8(ascii: "-") {
            deliver(.success(SMTPReply(code: code, lines: lines)))
            lines = []
        }
    }

    private func deliver(_ reply: Result<SMTPReply, SMTPError>) {
        if let waiter {
            self.waiter = nil
            waiter.completeWith(reply.mapError { $0 as any Error })
        } else {
            replies.append(reply)
        }
    }

    private func fail(_ error: SMTPError) {
        if ended == nil { ended = error }
        if let waiter {
            self.waiter = nil
            waiter.fail(error)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.temporary("verbinding verbroken door de server"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(SMTPError.from(error))
        context.close(promise: nil)
    }

    /// The next reply, failing after `timeout` without one.
    func next(on loop: any EventLoop, timeout: TimeAmount) -> EventLoopFuture<SMTPReply> {
        loop.preconditionInEventLoop()
        if let reply = replies.popFirst() { return loop.makeCompletedFuture(reply.mapError { $0 as any Error }) }
        if let ended { return loop.makeFailedFuture(ended) }
        let promise = loop.makePromise(of: SMTPReply.self)
        waiter = promise
        let timer = loop.scheduleTask(in: timeout) { [weak self] in
            guard let self, let waiter = self.waiter, waiter.futureResult === promise.futureResult else { return }
            self.waiter = nil
            waiter.fail(SMTPError.temporary("geen antwoord van de server (time-out)"))
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        return promise.futureResult
    }
}
