import Logging

/// One outgoing call on an attached connection: places it, follows its statuses, moves its
/// audio, sends DTMF, enforces the ring timeout and duration, hangs up when asked, and
/// classifies how it ended.
///
/// Statuses of other calls, repeated statuses and unknown properties have no effect. Audio
/// starts at the first EARLYMEDIA or INPROGRESS: two loopback listeners, then `ALTER CALL <id>
/// SET_INPUT PORT="p"` and `SET_OUTPUT PORT="q"`. A client that closes an audio socket while
/// the call is on gets a hang-up. The session never throws after the call was placed.
public struct CallSession: Sendable {
    private enum Input: Sendable {
        case notification(SkypeAPINotification)
        case connectionClosed
        case ringTimeout
        case durationReached
        case hangupRequested
        case hangupGraceOver
        case audioEnded(CallAudioLink.Result)
    }

    private let connection: SkypeAPIConnection
    private let options: CallOptions
    private let pump: CallAudioPump
    private let interfaceName: String
    private let logger: Logger

    /// A session on `connection` (attached to the interface `interfaceName`).
    public init(connection: SkypeAPIConnection, interfaceName: String, options: CallOptions, pump: CallAudioPump, logger: Logger) {
        self.connection = connection
        self.interfaceName = interfaceName
        self.options = options
        self.pump = pump
        self.logger = logger
    }

    /// Places the call to `target` and runs it to its end.
    /// - Parameters:
    ///   - hangupSignal: returns when the user asks to hang up (SIGINT/SIGTERM); cancelled at the end.
    ///   - events: called for every ``CallEvent`` as it happens (DTMF events may come from another task).
    /// - Throws: ``CallError/unrecognisedTarget(_:)`` and other errors of `CALL` itself.
    public func run(
        target: String, hangupSignal: @escaping @Sendable () async -> Void, events: @escaping @Sendable (CallEvent) async -> Void
    ) async throws -> CallResult {
        let callID = try await connection.placeCall(to: target)
        await events(.placed(callID))
        let (inputs, feed) = AsyncStream.makeStream(of: Input.self)
        let connection = connection
        let options = options
        return await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await notification in connection.notifications { feed.yield(.notification(notification)) }
                feed.yield(.connectionClosed)
            }
            group.addTask {
                guard (try? await Task.sleep(for: options.ringTimeout)) != nil else { return }
                feed.yield(.ringTimeout)
            }
            group.addTask {
                await hangupSignal()
                if !Task.isCancelled { feed.yield(.hangupRequested) }
            }
            var run = Run(callID: callID)
            loop: for await input in inputs {
                switch input {
                case let .notification(notification):
                    if await handle(notification, run: &run, group: &group, feed: feed, events: events) { break loop }
                case .connectionClosed:
                    run.connectionLost = true
                    break loop
                case .ringTimeout where !run.answered:
                    await hangUp(.ringTimeout, run: &run, group: &group, feed: feed, events: events)
                case .durationReached:
                    await hangUp(.durationReached, run: &run, group: &group, feed: feed, events: events)
                case .hangupRequested:
                    await hangUp(.interrupted, run: &run, group: &group, feed: feed, events: events)
                case let .audioEnded(result) where result.ending == .remoteClosed:
                    await hangUp(.audioClosed, run: &run, group: &group, feed: feed, events: events)
                case .hangupGraceOver:
                    break loop
                default:
                    break
                }
            }
            group.cancelAll()
            feed.finish()
            var audio: CallAudioLink.Result?
            if let audioTask = run.audioTask {
                audioTask.cancel()
                let result = await audioTask.value
                audio = result
                await events(.audioEnded(result))
            }
            let ended = ContinuousClock.now
            return CallResult(
                outcome: CallOutcome.classify(
                    finalStatus: run.lastStatus, answered: run.answered, hangup: run.hangup, connectionLost: run.connectionLost),
                callID: callID, interface: interfaceName, finalStatus: run.lastStatus, failureReason: run.failureReason,
                answered: run.answered, talkTime: run.answeredAt.map { ended - $0 } ?? .zero, hangup: run.hangup, audio: audio)
        }
    }

    /// What the session knows about its call so far.
    private struct Run {
        let callID: SkypeCallID
        var lastStatus: CallStatus?
        var answered = false
        var answeredAt: ContinuousClock.Instant?
        var failureReason: Int?
        var hangup: CallHangupReason?
        var connectionLost = false
        var audioTask: Task<CallAudioLink.Result, Never>?
        var audioStarted = false
    }

    /// Acts on one notification; true when the call has ended.
    private func handle(
        _ notification: SkypeAPINotification, run: inout Run, group: inout TaskGroup<Void>, feed: AsyncStream<Input>.Continuation,
        events: @escaping @Sendable (CallEvent) async -> Void
    ) async -> Bool {
        switch notification {
        case let .callStatus(id, status) where id == run.callID:
            guard status != run.lastStatus else { return false }
            run.lastStatus = status
            await events(.status(status))
            if status.carriesMedia && !run.audioStarted {
                run.audioStarted = true
                await startAudio(run: &run, group: &group, feed: feed, events: events)
            }
            if status == .inProgress && !run.answered {
                run.answered = true
                run.answeredAt = .now
                startAnsweredTasks(callID: run.callID, group: &group, feed: feed, events: events)
            }
            return status.isTerminal
        case let .callFailureReason(id, reason) where id == run.callID:
            run.failureReason = reason
            await events(.failureReason(reason))
        case let .callDTMF(id, digit) where id == run.callID:
            await events(.dtmfReceived(digit))
        default:
            break
        }
        return false
    }

    private func startAudio(
        run: inout Run, group: inout TaskGroup<Void>, feed: AsyncStream<Input>.Continuation, events: @escaping @Sendable (CallEvent) async -> Void
    ) async {
        let link: CallAudioLink
        do {
            link = try await CallAudioLink.open(lowLatency: options.lowLatencyAudio)
        } catch {
            logger.warning("cannot open the call's audio ports", metadata: ["sb.error": "\(error)"])
            return
        }
        await events(.audioPorts(input: link.inputPort, output: link.outputPort))
        let pump = pump
        let task = Task { await link.run(pump: pump) }
        run.audioTask = task
        group.addTask {
            let result = await task.value
            feed.yield(.audioEnded(result))
        }
        for command in ["ALTER CALL \(run.callID) SET_INPUT PORT=\"\(link.inputPort)\"", "ALTER CALL \(run.callID) SET_OUTPUT PORT=\"\(link.outputPort)\""] {
            do {
                _ = try await connection.send(command, timeout: .seconds(10))
            } catch {
                logger.warning("the Skype client refused the audio ports", metadata: ["sb.error": "\(error)"])
            }
        }
    }

    private func startAnsweredTasks(
        callID: SkypeCallID, group: inout TaskGroup<Void>, feed: AsyncStream<Input>.Continuation, events: @escaping @Sendable (CallEvent) async -> Void
    ) {
        if let duration = options.duration {
            group.addTask {
                guard (try? await Task.sleep(for: duration)) != nil else { return }
                feed.yield(.durationReached)
            }
        }
        guard !options.dtmf.isEmpty else { return }
        let connection = connection
        let options = options
        let logger = logger
        group.addTask {
            for digit in options.dtmf.map(String.init) {
                guard !Task.isCancelled else { return }
                guard "0123456789*#".contains(digit) else {
                    await events(.dtmfDropped(digit))
                    continue
                }
                do {
                    _ = try await connection.send("ALTER CALL \(callID) DTMF \(digit)", timeout: .seconds(10))
                    await events(.dtmfSent(digit))
                } catch {
                    logger.warning("DTMF digit not sent", metadata: ["sb.digit": "\(digit)", "sb.error": "\(error)"])
                }
                guard (try? await Task.sleep(for: options.dtmfInterval)) != nil else { return }
            }
        }
    }

    private func hangUp(
        _ reason: CallHangupReason, run: inout Run, group: inout TaskGroup<Void>, feed: AsyncStream<Input>.Continuation,
        events: @escaping @Sendable (CallEvent) async -> Void
    ) async {
        guard run.hangup == nil, run.lastStatus?.isTerminal != true else { return }
        run.hangup = reason
        await events(.hangingUp(reason))
        do {
            _ = try await connection.send("ALTER CALL \(run.callID) END HANGUP", timeout: .seconds(5))
        } catch {
            logger.debug("hang-up refused; waiting for the call's end anyway", metadata: ["sb.error": "\(error)"])
        }
        let grace = options.hangupGrace
        group.addTask {
            guard (try? await Task.sleep(for: grace)) != nil else { return }
            feed.yield(.hangupGraceOver)
        }
    }
}
