import Foundation

/// The call commands (`CALL`, `GET/SET/ALTER CALL`) and the scripted call lifecycle.
extension ClientAPIWorld {
    /// `CALL <target>[, <target>…]`: replies `CALL <id> STATUS UNPLACED` and plays the target's script.
    func placeCall(_ request: ClientAPIRequest, from session: ClientAPISession) {
        let target = request.rest(after: 1).split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !target.isEmpty else {
            reply(session, request, "ERROR 91 CALL: no target")
            return
        }
        let outcome = ClientAPICallOutcome(target: target, timing: seed.timing)
        if outcome == .invalid {
            reply(session, request, "ERROR 92 CALL: Unrecognised identity")
            return
        }
        let source: ClientAPIAudioSource = if case let .answer(_, source, _) = outcome { source } else { .tone(440) }
        let outputLimit: Duration? = if case let .dropAudio(seconds) = outcome { .milliseconds(Int(seconds * 1000)) } else { nil }
        let call = ClientAPICall(
            id: nextID(), endpoint: session.endpoint, direction: .outgoing, pstn: outcome == .pstn, partnerHandle: target,
            partnerDisplayName: target, timestamp: Int(Date().timeIntervalSince1970), audio: ClientAPIAudio(source: source, outputLimit: outputLimit),
            ringGroup: nil, history: ["UNPLACED"]
        )
        calls[call.id] = call
        if endpoints[session.endpoint]?.seed.bareCallReply == true {
            reply(session, request, "OK")
            notify(session.endpoint, "CALL \(call.id) STATUS UNPLACED")
        } else {
            reply(session, request, "CALL \(call.id) STATUS UNPLACED")
        }
        startTask(for: call.id) { world in await world.runOutgoing(call.id, outcome) }
    }

    /// Plays an outgoing call's script; stops as soon as the call has ended.
    private func runOutgoing(_ id: Int, _ outcome: ClientAPICallOutcome) async {
        let step = seed.timing.stepMilliseconds
        guard await pause(id, milliseconds: step) else { return }
        setStatus(id, "ROUTING")
        guard await pause(id, milliseconds: step) else { return }
        switch outcome {
        case .busy:
            setStatus(id, "BUSY")
        case .refuse:
            setStatus(id, "RINGING")
            guard await pause(id, milliseconds: step) else { return }
            setStatus(id, "REFUSED")
        case let .noAnswer(seconds):
            setStatus(id, "RINGING")
            guard await pause(id, milliseconds: Int(seconds * 1000)) else { return }
            setStatus(id, "MISSED")
        case let .fail(reason):
            fail(id, reason: reason)
        case let .answer(milliseconds, _, hangUpAfter):
            setStatus(id, "RINGING")
            guard await pause(id, milliseconds: milliseconds) else { return }
            setStatus(id, "INPROGRESS")
            if let hangUpAfter, await pause(id, milliseconds: Int(hangUpAfter * 1000)) {
                setStatus(id, "FINISHED")
            }
        case .dropAudio:
            setStatus(id, "RINGING")
            guard await pause(id, milliseconds: seed.timing.answerMilliseconds) else { return }
            setStatus(id, "INPROGRESS")
        case .pstn:
            guard let call = calls[id], balance(of: user(of: call.endpoint)) >= seed.pstnRatePerMinute else {
                fail(id, reason: 1)
                return
            }
            setStatus(id, "EARLYMEDIA")
            guard await pause(id, milliseconds: seed.timing.answerMilliseconds) else { return }
            setStatus(id, "INPROGRESS")
        case .invalid:
            break
        }
    }

    private func fail(_ id: Int, reason: Int) {
        guard let call = calls[id], !call.isTerminal else { return }
        calls[id]?.failureReason = reason
        notify(call.endpoint, "CALL \(id) FAILUREREASON \(reason)")
        setStatus(id, "FAILED")
    }

    /// Sleeps; true when the call is still going afterwards.
    func pause(_ id: Int, milliseconds: Int) async -> Bool {
        do {
            try await Task.sleep(for: .milliseconds(milliseconds))
        } catch {
            return false
        }
        return calls[id].map { !$0.isTerminal } ?? false
    }

    /// Runs `body` as a task that is cancelled when the call ends.
    func startTask(for id: Int, _ body: @escaping @Sendable (ClientAPIWorld) async -> Void) {
        let task = Task { await body(self) }
        callTasks[id, default: []].append(task)
    }

    /// Moves a call to `status`, notifies its endpoint and drives audio, DURATION ticks and charges.
    func setStatus(_ id: Int, _ status: String) {
        guard var call = calls[id], !call.isTerminal else { return }
        call.status = status
        call.history.append(status)
        calls[id] = call
        notify(call.endpoint, "CALL \(id) STATUS \(status)")
        if endpoints[call.endpoint]?.seed.noisy == true {
            notify(call.endpoint, "CALL \(id) CONF_ID 0")
            notify(call.endpoint, "CALL \(id) STATUS \(status)")
            notify(call.endpoint, "CALL \(id) VIDEO_STATUS VIDEO_NONE")
        }
        switch status {
        case "EARLYMEDIA":
            call.audio.setPhase(.earlyMedia)
        case "INPROGRESS":
            call.audio.setPhase(.connected)
            if !call.history.dropLast().contains("INPROGRESS") {
                if call.pstn && call.direction == .outgoing { charge(call) }
                startTask(for: id) { world in await world.tickDuration(id) }
            }
        case "LOCALHOLD", "REMOTEHOLD", "ONHOLD":
            call.audio.setPhase(.held)
        default:
            guard call.isTerminal else { return }
            call.audio.stop()
            for task in callTasks.removeValue(forKey: id) ?? [] { task.cancel() }
        }
    }

    private func tickDuration(_ id: Int) async {
        while await pause(id, milliseconds: 1000) {
            guard let call = calls[id] else { return }
            calls[id]?.duration += 1
            notify(call.endpoint, "CALL \(id) DURATION \(call.duration + 1)")
            if call.pstn && call.direction == .outgoing && (call.duration + 1) % 60 == 0 { charge(call) }
        }
    }

    /// Takes one started minute of SkypeOut from the caller's balance and announces the new balance.
    private func charge(_ call: ClientAPICall) {
        let user = user(of: call.endpoint)
        let balance = max(balance(of: user) - seed.pstnRatePerMinute, 0)
        balances[user] = balance
        notify(user: user, "PROFILE PSTN_BALANCE \(balance)")
    }

    /// Rings every client of `user` with one incoming call; unanswered calls become MISSED.
    func ringIncoming(user: String, from handle: String, displayName: String, pstn: Bool, source: ClientAPIAudioSource) -> [ClientAPICall] {
        let group = nextID()
        var ringing: [ClientAPICall] = []
        for endpoint in endpointNames(of: user) {
            let call = ClientAPICall(
                id: nextID(), endpoint: endpoint, direction: .incoming, pstn: pstn, partnerHandle: handle, partnerDisplayName: displayName,
                timestamp: Int(Date().timeIntervalSince1970), audio: ClientAPIAudio(source: source), ringGroup: group, status: "RINGING",
                history: ["RINGING"]
            )
            calls[call.id] = call
            notify(endpoint, "CALL \(call.id) STATUS RINGING")
            ringing.append(call)
            let seconds = seed.timing.incomingRingSeconds
            startTask(for: call.id) { world in
                if await world.pause(call.id, milliseconds: Int(seconds * 1000)) { await world.setStatus(call.id, "MISSED") }
            }
        }
        return ringing
    }

    /// The remote party hangs up: FINISHED once answered, MISSED or CANCELLED before.
    func remoteHangUp(_ id: Int) -> Bool {
        guard let call = calls[id], !call.isTerminal else { return false }
        if Self.liveStatuses.contains(call.status) {
            setStatus(id, "FINISHED")
        } else {
            setStatus(id, call.direction == .incoming ? "MISSED" : "REFUSED")
        }
        return true
    }

    /// Sends DTMF digits from the remote party as `CALL <id> DTMF <d>` notifications.
    func injectDTMF(_ id: Int, digits: String) -> Bool {
        guard let call = calls[id], Self.liveStatuses.contains(call.status) else { return false }
        for digit in digits {
            calls[id]?.dtmfReceived.append(String(digit))
            notify(call.endpoint, "CALL \(id) DTMF \(digit)")
        }
        return true
    }

    /// Statuses in which media flows (or is held).
    static let liveStatuses: Set<String> = ["INPROGRESS", "ONHOLD", "LOCALHOLD", "REMOTEHOLD"]
    /// The DTMF digits Skype relays.
    static let dtmfDigits: Set<String> = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"]

    // MARK: Commands on calls

    /// The call named by word `index`, or an `ERROR 11` reply.
    private func call(_ request: ClientAPIRequest, at index: Int, from session: ClientAPISession) -> ClientAPICall? {
        guard let id = Int(request.word(index)), let call = calls[id], call.endpoint == session.endpoint else {
            reply(session, request, "ERROR 11 Invalid call id")
            return nil
        }
        return call
    }

    func getCall(_ request: ClientAPIRequest, from session: ClientAPISession) {
        guard let call = call(request, at: 2, from: session) else { return }
        let property = request.keyword(3)
        let value: String? =
            switch property {
            case "STATUS": call.status
            case "TYPE": call.type
            case "PARTNER_HANDLE": call.partnerHandle
            case "PARTNER_DISPNAME": call.partnerDisplayName
            case "TIMESTAMP": String(call.timestamp)
            case "DURATION": String(call.duration)
            case "FAILUREREASON": String(call.failureReason)
            case "CONF_ID": "0"
            case "PSTN_NUMBER": call.pstn ? call.partnerHandle : ""
            case "PSTN_STATUS", "SUBJECT", "TARGET_IDENTITY", "FORWARDED_BY": ""
            case "RATE": call.pstn ? String(seed.pstnRatePerMinute) : "0"
            case "RATE_CURRENCY": call.pstn ? seed.currency : ""
            case "RATE_PRECISION": "2"
            case "INPUT": call.input
            case "OUTPUT": call.output
            case "VIDEO_STATUS": "VIDEO_NONE"
            case "SEEN": "TRUE"
            case "VM_DURATION", "VM_ALLOWED_DURATION": "0"
            default: nil
            }
        guard let value else {
            reply(session, request, "ERROR 21 Unknown/disallowed call prop")
            return
        }
        reply(session, request, "CALL \(call.id) \(property) \(value)")
    }

    func setCall(_ request: ClientAPIRequest, from session: ClientAPISession) {
        guard let call = call(request, at: 2, from: session) else { return }
        switch request.keyword(3) {
        case "DTMF":
            sendDTMF(request, call: call, digit: request.word(4), from: session, echo: "CALL \(call.id) DTMF \(request.word(4))")
        case "STATUS" where request.keyword(4) == "FINISHED":
            hangUp(request, call: call, from: session, echo: "CALL \(call.id) STATUS FINISHED")
        case "STATUS" where request.keyword(4) == "INPROGRESS":
            answer(request, call: call, from: session, echo: "CALL \(call.id) STATUS INPROGRESS")
        case "SEEN":
            reply(session, request, "CALL \(call.id) SEEN TRUE")
        default:
            reply(session, request, "ERROR 21 Unknown/disallowed call prop")
        }
    }

    func alterCall(_ request: ClientAPIRequest, from session: ClientAPISession) {
        guard let call = call(request, at: 2, from: session) else { return }
        let echo = request.text
        switch request.keyword(3) {
        case "ANSWER":
            answer(request, call: call, from: session, echo: echo)
        case "HANGUP", "END":
            hangUp(request, call: call, from: session, echo: echo)
        case "HOLD":
            guard call.status == "INPROGRESS" else { return reply(session, request, "ERROR 22 Cannot hold this call at the moment") }
            reply(session, request, echo)
            setStatus(call.id, "LOCALHOLD")
        case "RESUME":
            guard call.status == "LOCALHOLD" || call.status == "ONHOLD" else { return reply(session, request, "ERROR 23 Cannot resume this call at the moment") }
            reply(session, request, echo)
            setStatus(call.id, "INPROGRESS")
        case "DTMF":
            sendDTMF(request, call: call, digit: request.word(4), from: session, echo: echo)
        case "SET_INPUT", "SET_OUTPUT", "SET_CAPTURE_MIC":
            setAudio(request, call: call, from: session, echo: echo)
        case "TRANSFER":
            transfer(request, call: call, from: session, echo: echo)
        default:
            reply(session, request, "ERROR 560 ALTER CALL: unknown action")
        }
    }

    private func answer(_ request: ClientAPIRequest, call: ClientAPICall, from session: ClientAPISession, echo: String) {
        guard call.direction == .incoming, call.status == "RINGING" else {
            return reply(session, request, "ERROR 559 ALTER CALL: action failed")
        }
        reply(session, request, echo)
        setStatus(call.id, "INPROGRESS")
        for other in calls.values where other.ringGroup == call.ringGroup && other.id != call.id {
            setStatus(other.id, "MISSED")
        }
    }

    private func hangUp(_ request: ClientAPIRequest, call: ClientAPICall, from session: ClientAPISession, echo: String) {
        guard !call.isTerminal else { return reply(session, request, "ERROR 24 Cannot hangup inactive call") }
        reply(session, request, echo)
        if Self.liveStatuses.contains(call.status) {
            setStatus(call.id, "FINISHED")
        } else {
            setStatus(call.id, call.direction == .incoming ? "REFUSED" : "CANCELLED")
        }
    }

    private func sendDTMF(_ request: ClientAPIRequest, call: ClientAPICall, digit: String, from session: ClientAPISession, echo: String) {
        guard Self.dtmfDigits.contains(digit) else { return reply(session, request, "ERROR 42 Invalid DTMF code") }
        guard Self.liveStatuses.contains(call.status) || call.status == "EARLYMEDIA" else {
            return reply(session, request, "ERROR 41 Call not active")
        }
        calls[call.id]?.dtmfSent.append(digit)
        reply(session, request, echo)
    }

    private func setAudio(_ request: ClientAPIRequest, call: ClientAPICall, from session: ClientAPISession, echo: String) {
        guard !call.isTerminal else { return reply(session, request, "ERROR 559 ALTER CALL: action failed") }
        let device = request.rest(after: 4)
        let port = Self.port(in: device)
        guard port != nil || device.uppercased().hasPrefix("SOUNDCARD=") || device.uppercased().hasPrefix("FILE=") else {
            return reply(session, request, "ERROR 50 cannot set device")
        }
        reply(session, request, echo)
        switch request.keyword(3) {
        case "SET_INPUT":
            calls[call.id]?.input = device
            if let port { call.audio.connectInput(port: port) }
        case "SET_OUTPUT":
            calls[call.id]?.output = device
            if let port { call.audio.connectOutput(port: port) }
        default:
            break
        }
    }

    /// The port of `PORT="p"` (quotes optional) in a device list.
    static func port(in device: String) -> Int? {
        for part in device.split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].uppercased() == "PORT" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            if let port = Int(value), (1...65535).contains(port) { return port }
        }
        return nil
    }

    private func transfer(_ request: ClientAPIRequest, call: ClientAPICall, from session: ClientAPISession, echo: String) {
        let target = request.rest(after: 4).split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !call.isTerminal, !endpointNames(of: target).isEmpty else {
            return reply(session, request, "ERROR 559 ALTER CALL: action failed")
        }
        reply(session, request, echo)
        setStatus(call.id, "TRANSFERRING")
        setStatus(call.id, "TRANSFERRED")
        _ = ringIncoming(user: target, from: call.partnerHandle, displayName: call.partnerDisplayName, pstn: call.pstn, source: .tone(440))
    }
}
