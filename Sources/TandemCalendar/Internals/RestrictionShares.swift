import CLibical
import StableMatching

/// libical's RFC 5546 restriction check of a large calendar, spread over the cores.
///
/// `icalrestriction_check` looks every property kind up in its constant restriction table (a
/// linear search) for each component in turn: about 70 µs a VEVENT, a fifth of a second for
/// the coordinator's file of 2,500 pairs. It reads nothing but those tables and the tree it is
/// given (into which it may add X-LIC-ERROR properties), so calendars that each hold a share of
/// the components can be checked on threads of their own outside the libical lock, as
/// ``LibicalGate/runUnshared(_:)`` lets calendars be written. libical passes a calendar when
/// its own properties and each of its components pass, so the calendar passes exactly when
/// every share does.
final class RestrictionShares: @unchecked Sendable {
    /// The shares: calendars this object owns, each touched by one thread at a time.
    private let calendars: [OpaquePointer]

    /// Moves `calendar`'s components into `count` new calendars, each with copies of its
    /// properties (the METHOD among them), in order. Run inside ``LibicalGate/run(_:)``.
    /// - Returns: `nil` when libical cannot make a calendar or a copy (the caller then checks
    ///   `calendar` whole); `calendar` is left as it was.
    init?(splitting calendar: OpaquePointer, into count: Int) {
        let children = LibicalTree.children(of: calendar)
        let properties = LibicalTree.properties(of: calendar)
        var shares: [OpaquePointer] = []
        for _ in 0..<max(1, min(count, children.count)) {
            guard let share = Component.calendar(copying: properties) else {
                shares.forEach { icalcomponent_free($0) }
                return nil
            }
            shares.append(share.release())
        }
        for (index, child) in children.enumerated() {
            icalcomponent_remove_component(calendar, child)
            icalcomponent_add_component(shares[index * shares.count / children.count], child)
        }
        calendars = shares
    }

    deinit {
        calendars.forEach { icalcomponent_free($0) }
    }

    /// Whether libical's restriction check passes every share, each on a thread of its own.
    func allPass() -> Bool {
        Concurrently.map(calendars.count, threads: calendars.count) { index in
            icalrestriction_check(self.calendars[index]) != 0
        }.allSatisfy { $0 }
    }
}
