/// The rotations of a many-to-one instance and the order in which they can be eliminated.
///
/// Every stable matching is obtained from the resident-optimal one by eliminating a set of
/// rotations that is closed under predecessors, and each such set gives exactly one stable
/// matching (Irving & Leather 1986; Gusfield & Irving 1989, for hospitals/residents through
/// the reduction that splits a hospital of capacity `c` into `c` slots). So optimising over the
/// stable matchings is optimising over the closed sets of this poset.
///
/// A rotation here is a cycle of hospitals `h0, h1, …, hk-1`, each full, in which the worst
/// resident of each `hi` moves to `h(i+1 mod k)`, the first hospital after `hi` on that
/// resident's list that is full and prefers the resident to its own worst one. This is the
/// slot-split rotation with the moves inside a hospital left out, so nothing is ever split:
/// a hospital of capacity 1,000 costs what a hospital of capacity 1 costs.
///
/// Rotations are numbered in the order they were found, which is an elimination order: every
/// predecessor of a rotation has a smaller number. The stored precedence relation is a
/// generating set, not the transitive closure and not its reduction: `ρ′` is recorded before
/// `ρ` when `ρ′` is the previous rotation to involve one of `ρ`'s hospitals, or when a
/// resident of `ρ` skips over a hospital `h` that `ρ′` made too good for it (`ρ′` is the
/// rotation that raised `h`'s worst resident above that resident). Rotations sharing a
/// hospital are totally ordered, which is what lets these two rules stand in for the slot
/// rules of the split instance.
public struct RotationPoset: Sendable {
    /// The instance the rotations belong to.
    public let instance: MatchingInstance
    /// The resident-optimal stable matching: no rotation eliminated.
    public let residentOptimal: Matching
    /// The hospital-optimal stable matching: every rotation eliminated.
    public let hospitalOptimal: Matching
    /// Offsets into the move arrays; `rotationCount + 1` values starting at 0.
    public let moveStart: ContiguousArray<Int32>
    /// The resident of each move.
    public let moveResidents: ContiguousArray<Int32>
    /// The resident-side entry (an index into `instance.residentLists`) each move leaves.
    public let moveFromEntries: ContiguousArray<Int32>
    /// The resident-side entry each move goes to; further down the same resident's list.
    public let moveToEntries: ContiguousArray<Int32>
    /// Offsets into ``predecessors``; `rotationCount + 1` values starting at 0.
    public let predecessorStart: ContiguousArray<Int32>
    /// The recorded predecessors of each rotation, all with smaller indices, without
    /// duplicates within one rotation.
    public let predecessors: ContiguousArray<Int32>

    /// For each hospital-side list position `p` of hospital `h`, the rotation in which the
    /// rank of `h`'s worst resident became smaller than `p`'s rank, or -1 if it never did.
    let hospitalCrossing: ContiguousArray<Int32>
    /// For each resident-side entry `e` of resident `r`, the rotation that moved `r` from
    /// before `e` in its list to `e` or beyond, or -1 if none did.
    let residentCrossing: ContiguousArray<Int32>

    /// The number of rotations.
    ///
    /// - Complexity: O(1).
    public var rotationCount: Int { moveStart.count - 1 }

    /// The total number of moves over all rotations (at most the number of list entries).
    ///
    /// - Complexity: O(1).
    public var moveCount: Int { moveResidents.count }

    /// The number of recorded precedence pairs (at most twice the number of list entries).
    ///
    /// - Complexity: O(1).
    public var precedenceCount: Int { predecessors.count }

    /// The positions in the move arrays of `rotation`'s moves, in cycle order.
    ///
    /// - Precondition: `rotation` is in `0..<rotationCount`.
    /// - Complexity: O(1).
    public func moves(of rotation: Int) -> Range<Int> {
        Int(moveStart[rotation])..<Int(moveStart[rotation + 1])
    }

    /// The recorded predecessors of `rotation`; its full set of predecessors is their
    /// transitive closure.
    ///
    /// - Precondition: `rotation` is in `0..<rotationCount`.
    /// - Complexity: O(1).
    public func predecessors(of rotation: Int) -> ArraySlice<Int32> {
        predecessors[Int(predecessorStart[rotation])..<Int(predecessorStart[rotation + 1])]
    }

    /// The stable matching obtained by eliminating the flagged rotations from
    /// ``residentOptimal``.
    ///
    /// - Parameter eliminated: One flag per rotation (missing flags count as `false`); the set
    ///   should be closed under predecessors, or the result need not be stable or even valid.
    /// - Returns: For a closed set, the stable matching that set stands for.
    /// - Complexity: O(R + moves).
    public func matching(eliminating eliminated: ContiguousArray<Bool>) -> Matching {
        var hospitalOfResident = residentOptimal.hospitalOfResident
        let lists = instance.residentLists
        // Rotations are in elimination order and each resident's rotations form a chain, so
        // the last flagged move of a resident is where it ends.
        for rotation in 0..<min(rotationCount, eliminated.count) where eliminated[rotation] {
            for move in moves(of: rotation) {
                hospitalOfResident[Int(moveResidents[move])] = lists[Int(moveToEntries[move])]
            }
        }
        return Matching(hospitalOfResident: hospitalOfResident)
    }

    /// The smallest predecessor-closed set of rotations containing the flagged ones.
    ///
    /// - Parameter rotations: One flag per rotation (missing flags count as `false`).
    /// - Returns: One flag per rotation.
    /// - Complexity: O(rotations + precedence pairs), iteratively.
    public func downwardClosure(of rotations: ContiguousArray<Bool>) -> ContiguousArray<Bool> {
        var closed = ContiguousArray<Bool>(repeating: false, count: rotationCount)
        var pending = ContiguousArray<Int32>()
        for rotation in 0..<min(rotationCount, rotations.count) where rotations[rotation] {
            closed[rotation] = true
            pending.append(Int32(truncatingIfNeeded: rotation))
        }
        while let rotation = pending.popLast() {
            for predecessor in predecessors(of: Int(rotation)) where !closed[Int(predecessor)] {
                closed[Int(predecessor)] = true
                pending.append(predecessor)
            }
        }
        return closed
    }
}
