import Synchronization

/// Notifier batches being sent now. A batch handed to a plugin runs to its answer and the answer is recorded, so a
/// stop never leaves messages sent but unrecorded; the daemon's stop deadline waits while one is in flight.
public enum DeliveryInFlight {
    private static let batches = Atomic<Int>(0)

    /// How many batches are in flight.
    public static var count: Int { batches.load(ordering: .acquiring) }

    static func enter() {
        batches.add(1, ordering: .releasing)
    }

    static func leave() {
        batches.subtract(1, ordering: .releasing)
    }
}
