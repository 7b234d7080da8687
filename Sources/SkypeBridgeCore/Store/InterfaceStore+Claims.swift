import Foundation
import GRDB

extension InterfaceStore {
    /// Where a call goes: placed by us or received.
    public enum Direction: String, Sendable {
        /// `call originate`.
        case outbound
        /// A call that rang on the interface.
        case inbound
    }

    /// Claims an interface for one call, atomically across processes.
    ///
    /// Round robin takes the first IDLE interface from the cursor and moves the cursor past it;
    /// a named interface may be IDLE or DOWN (the call then tries to attach). The interface
    /// becomes SELECTED, owned by `pid`, its total counter for `direction` goes up, and a `call`
    /// row is opened.
    /// - Throws: ``CallError/noIdleInterface``, ``CallError/unknownInterface(_:)``,
    ///   ``CallError/interfaceBusy(_:)``.
    public func claim(_ selection: InterfaceSelection, pid: Int32, direction: Direction, partner: String, excluding: Set<InterfaceID> = [])
        throws -> InterfaceClaim
    {
        try immediate { db in
            try releaseStale(db)
            let interfaces = try Self.fetchAll(db)
            let chosen: InterfaceRecord
            switch selection {
            case .roundRobin:
                guard let start = try Self.cursorPosition(db, interfaces: interfaces),
                    let startIndex = interfaces.firstIndex(where: { $0.id == start })
                else { throw CallError.noIdleInterface }
                let ordered = interfaces[startIndex...] + interfaces[..<startIndex]
                guard let idle = ordered.first(where: { $0.state == .idle && !excluding.contains($0.id) }) else {
                    throw CallError.noIdleInterface
                }
                chosen = idle
                try Self.setSetting(db, Self.cursorKey, String(idle.id.rawValue + 1))
            case let .named(name):
                guard let found = interfaces.first(where: { $0.name == name }) else { throw CallError.unknownInterface(name) }
                guard !found.state.isBusy else { throw CallError.interfaceBusy(found.name) }
                chosen = found
            }
            let now = Date().timeIntervalSince1970
            try db.execute(
                sql: "INSERT INTO call (interface_name, target, direction, state, started_at) VALUES (?, ?, ?, 'SELECTED', ?)",
                arguments: [chosen.name, partner, direction.rawValue, now])
            let callRow = db.lastInsertedRowID
            let counter = direction == .outbound ? "outbound_total" : "inbound_total"
            try db.execute(
                sql: """
                    UPDATE interface SET state = 'SELECTED', busy_pid = ?, current_call = ?, \(counter) = \(counter) + 1, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [pid, String(callRow), now, chosen.id.rawValue])
            return InterfaceClaim(interface: try Self.fetchOne(db, id: chosen.id)!, callRowID: callRow, pid: pid)
        }
    }

    /// Records the state of a claimed interface and, once known, the Skype client's call id.
    public func update(_ claim: InterfaceClaim, state: InterfaceState, skypeCallID: SkypeCallID? = nil, answered: Bool = false) throws {
        try immediate { db in
            let now = Date().timeIntervalSince1970
            try db.execute(
                sql: "UPDATE interface SET state = ?, updated_at = ? WHERE id = ? AND busy_pid = ?",
                arguments: [state.rawValue, now, claim.interface.id.rawValue, claim.pid])
            try db.execute(
                sql: """
                    UPDATE call SET state = ?, remote_call_id = COALESCE(?, remote_call_id),
                        answered_at = CASE WHEN ? AND answered_at IS NULL THEN ? ELSE answered_at END
                    WHERE id = ?
                    """,
                arguments: [state.rawValue, skypeCallID?.description, answered, now, claim.callRowID])
        }
    }

    /// Gives a claimed interface back: IDLE (or DOWN when `down`), its failed counter up when the
    /// call was never answered, and the `call` row closed with `outcome` and byte counts.
    public func release(_ claim: InterfaceClaim, outcome: String, answered: Bool, bytesIn: Int = 0, bytesOut: Int = 0, down: Bool = false) throws {
        try immediate { db in
            let now = Date().timeIntervalSince1970
            let direction = try String.fetchOne(db, sql: "SELECT direction FROM call WHERE id = ?", arguments: [claim.callRowID])
            let counter = direction == Direction.inbound.rawValue ? "inbound_failed" : "outbound_failed"
            try db.execute(
                sql: """
                    UPDATE interface SET state = ?, busy_pid = NULL, current_call = NULL, updated_at = ?,
                        \(counter) = \(counter) + ?
                    WHERE id = ? AND busy_pid = ?
                    """,
                arguments: [(down ? InterfaceState.down : .idle).rawValue, now, answered ? 0 : 1, claim.interface.id.rawValue, claim.pid])
            try db.execute(
                sql: "UPDATE call SET state = 'ENDED', outcome = ?, bytes_in = ?, bytes_out = ?, ended_at = ? WHERE id = ?",
                arguments: [outcome, bytesIn, bytesOut, now, claim.callRowID])
        }
    }
}
