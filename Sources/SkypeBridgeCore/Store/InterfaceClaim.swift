/// An interface a process owns for one call, as ``InterfaceStore/claim(_:pid:direction:partner:)``
/// granted it; give it back with ``InterfaceStore/release(_:outcome:answered:bytesIn:bytesOut:)``.
public struct InterfaceClaim: Sendable, Hashable {
    /// The interface as it was claimed.
    public var interface: InterfaceRecord
    /// The row of the `call` table for this call.
    public var callRowID: Int64
    /// The owning process.
    public var pid: Int32
}
