extension RotationPoset {
    /// Finds every rotation of `instance` and the precedence between them.
    ///
    /// This is Gusfield's walk (Gusfield 1987; Gusfield & Irving 1989) on hospitals instead of slots.
    /// Starting from the resident-optimal matching, a stack holds a path of full hospitals in
    /// which each one's worst resident points to the next hospital it would move to; when the
    /// path reaches a hospital already on the stack, the cycle on top of the stack is an exposed
    /// rotation and is eliminated at once. The rest of the stack stays a valid path (only the
    /// hospitals of the rotation improved), so the walk resumes from the new top.
    ///
    /// Every pointer moves one way: a resident's search pointer only down its list, a hospital's
    /// worst-resident pointer only up its list, and each hospital is pushed once per move it
    /// takes part in, so the whole construction is linear. No recursion is used.
    ///
    /// - Parameter instance: The market; lists are mutual by construction.
    /// - Complexity: O(R + H + L) time and memory, including the two deferred-acceptance runs.
    public init(_ instance: MatchingInstance) {
        let residentOptimal = DeferredAcceptance.solve(instance, optimal: .residentOptimal)
        let hospitalOptimal = DeferredAcceptance.solve(instance, optimal: .hospitalOptimal)
        var builder = Builder(
            instance: instance, residentOptimal: residentOptimal, hospitalOptimal: hospitalOptimal)
        builder.run()
        self.instance = instance
        self.residentOptimal = residentOptimal
        self.hospitalOptimal = hospitalOptimal
        moveStart = builder.moveStart
        moveResidents = builder.moveResidents
        moveFromEntries = builder.moveFromEntries
        moveToEntries = builder.moveToEntries
        predecessorStart = builder.predecessorStart
        predecessors = builder.predecessors
        hospitalCrossing = builder.hospitalCrossing
        residentCrossing = builder.residentCrossing
    }

    /// The working state of the construction.
    struct Builder {
        let residentStart: ContiguousArray<Int32>
        let residentLists: ContiguousArray<Int32>
        let hospitalStart: ContiguousArray<Int32>
        let hospitalLists: ContiguousArray<Int32>
        /// For each resident-side entry, the resident's 0-based rank in the hospital's list.
        let rankAtHospital: ContiguousArray<Int32>
        /// Whether a hospital is full with at least one place; only those ever change.
        let isFull: ContiguousArray<Bool>

        /// The entry of each resident's current hospital, or -1 if unmatched.
        var current: ContiguousArray<Int32>
        /// The entry of each resident's hospital in the hospital-optimal matching, or -1.
        let final: ContiguousArray<Int32>
        /// Where each resident's search for its next hospital resumes.
        var next: ContiguousArray<Int32>
        /// Hospital-side list positions currently assigned.
        var held: ContiguousArray<Bool>
        /// Each hospital's worst held rank, kept exact for full hospitals (the hot scan in
        /// `nextEntry(of:)` then reads one small array instead of the scattered `held` flags).
        var worst: ContiguousArray<Int32>
        /// The last rotation each hospital took part in, or -1.
        var lastRotation: ContiguousArray<Int32>
        /// Each hospital's position on the stack, or -1.
        var stackPosition: ContiguousArray<Int32>
        var stack = ContiguousArray<Int32>()
        /// The last rotation that recorded each rotation as a predecessor (deduplication).
        var recordedFor = ContiguousArray<Int32>()

        var moveStart: ContiguousArray<Int32> = [0]
        var moveResidents = ContiguousArray<Int32>()
        var moveFromEntries = ContiguousArray<Int32>()
        var moveToEntries = ContiguousArray<Int32>()
        var predecessorStart: ContiguousArray<Int32> = [0]
        var predecessors = ContiguousArray<Int32>()
        var hospitalCrossing: ContiguousArray<Int32>
        var residentCrossing: ContiguousArray<Int32>

        init(instance: MatchingInstance, residentOptimal: Matching, hospitalOptimal: Matching) {
            residentStart = instance.residentListStart
            residentLists = instance.residentLists
            hospitalStart = instance.hospitalListStart
            hospitalLists = instance.hospitalLists
            rankAtHospital = DeferredAcceptance.ranks(instance)
            let residentCount = instance.residentCount
            let hospitalCount = instance.hospitalCount
            current = Self.entries(of: residentOptimal, start: residentStart, lists: residentLists)
            final = Self.entries(of: hospitalOptimal, start: residentStart, lists: residentLists)
            next = ContiguousArray(repeating: 0, count: residentCount)
            held = ContiguousArray(repeating: false, count: instance.entryCount)
            var fill = ContiguousArray<Int32>(repeating: 0, count: hospitalCount)
            for resident in 0..<residentCount where current[resident] >= 0 {
                let entry = Int(current[resident])
                let hospital = Int(residentLists[entry])
                held[Int(hospitalStart[hospital]) &+ Int(rankAtHospital[entry])] = true
                fill[hospital] &+= 1
                next[resident] = Int32(truncatingIfNeeded: entry &+ 1)
            }
            var isFull = ContiguousArray<Bool>(repeating: false, count: hospitalCount)
            worst = ContiguousArray(repeating: 0, count: hospitalCount)
            for hospital in 0..<hospitalCount {
                isFull[hospital] = fill[hospital] > 0 && fill[hospital] >= instance.capacities[hospital]
                worst[hospital] = hospitalStart[hospital + 1] &- hospitalStart[hospital] &- 1
            }
            self.isFull = isFull
            lastRotation = ContiguousArray(repeating: -1, count: hospitalCount)
            stackPosition = ContiguousArray(repeating: -1, count: hospitalCount)
            hospitalCrossing = ContiguousArray(repeating: -1, count: instance.entryCount)
            residentCrossing = ContiguousArray(repeating: -1, count: instance.entryCount)
            for hospital in 0..<hospitalCount where isFull[hospital] { lowerWorst(of: hospital) }
        }

        /// The resident-side entry of each resident's hospital in `matching`, or -1.
        ///
        /// - Complexity: O(R + L).
        static func entries(
            of matching: Matching, start: ContiguousArray<Int32>, lists: ContiguousArray<Int32>
        ) -> ContiguousArray<Int32> {
            var entries = ContiguousArray<Int32>(repeating: -1, count: start.count - 1)
            for resident in 0..<(start.count - 1) {
                let hospital = matching.hospitalOfResident[resident]
                guard hospital >= 0 else { continue }
                for position in Int(start[resident])..<Int(start[resident + 1])
                where lists[position] == hospital {
                    entries[resident] = Int32(truncatingIfNeeded: position)
                    break
                }
            }
            return entries
        }

        /// Moves `hospital`'s worst-rank pointer up to the worst resident it now holds; the
        /// pointer only ever moves up the list.
        ///
        /// - Complexity: amortised O(1) over the construction.
        @discardableResult
        mutating func lowerWorst(of hospital: Int) -> Int {
            let base = Int(hospitalStart[hospital])
            var rank = Int(worst[hospital])
            while rank > 0 && !held[base &+ rank] { rank &-= 1 }
            worst[hospital] = Int32(truncatingIfNeeded: rank)
            return rank
        }

        /// The worst resident a full `hospital` holds.
        func worstResident(of hospital: Int) -> Int {
            Int(hospitalLists[Int(hospitalStart[hospital]) &+ Int(worst[hospital])])
        }

        /// The entry of the first hospital after `resident`'s current one that is full and
        /// prefers it to its worst resident, or `nil` if there is none.
        mutating func nextEntry(of resident: Int) -> Int? {
            let end = Int(residentStart[resident + 1])
            var position = Int(next[resident])
            while position < end {
                let hospital = Int(residentLists[position])
                if isFull[hospital] && rankAtHospital[position] < worst[hospital] {
                    break
                }
                position &+= 1
            }
            next[resident] = Int32(truncatingIfNeeded: position)
            return position < end ? position : nil
        }

        mutating func push(_ hospital: Int) {
            stackPosition[hospital] = Int32(truncatingIfNeeded: stack.count)
            stack.append(Int32(truncatingIfNeeded: hospital))
        }

        /// Walks from every full hospital whose worst resident can still move, eliminating
        /// rotations as they appear.
        mutating func run() {
            for start in 0..<isFull.count where isFull[start] {
                while true {
                    if stack.isEmpty {
                        let resident = worstResident(of: start)
                        guard current[resident] != final[resident] else { break }
                        push(start)
                    }
                    let top = Int(stack[stack.count - 1])
                    let resident = worstResident(of: top)
                    // A resident that can still move always has a next hospital, no later
                    // than its hospital-optimal one (Gusfield & Irving 1989, on the split
                    // instance); were that ever to fail, stop with the rotations found so far
                    // rather than loop or trap.
                    guard let entry = nextEntry(of: resident) else {
                        assertionFailure("no next hospital for resident \(resident)")
                        for hospital in stack { stackPosition[Int(hospital)] = -1 }
                        stack.removeAll()
                        return
                    }
                    let hospital = Int(residentLists[entry])
                    let position = Int(stackPosition[hospital])
                    if position >= 0 {
                        eliminate(from: position)
                    } else {
                        push(hospital)
                    }
                }
            }
        }

        /// Records and eliminates the rotation formed by `stack[first...]`.
        mutating func eliminate(from first: Int) {
            let rotation = Int32(truncatingIfNeeded: moveStart.count - 1)
            recordedFor.append(-1)
            let moveBase = moveResidents.count
            for index in first..<stack.count {
                let resident = worstResident(of: Int(stack[index]))
                moveResidents.append(Int32(truncatingIfNeeded: resident))
                moveFromEntries.append(current[resident])
                moveToEntries.append(next[resident])
            }

            // Precedence, before anything changes.
            for index in first..<stack.count {
                let hospital = Int(stack[index])
                record(lastRotation[hospital], before: rotation)
                lastRotation[hospital] = rotation
            }
            for move in moveBase..<moveResidents.count {
                // Hospitals skipped on the way down are full and already prefer their worst
                // resident to this one; the rotation that made them so comes first.
                for entry in Int(moveFromEntries[move] &+ 1)..<Int(moveToEntries[move]) {
                    let hospital = Int(residentLists[entry])
                    guard isFull[hospital] else { continue }
                    let position = Int(hospitalStart[hospital]) &+ Int(rankAtHospital[entry])
                    record(hospitalCrossing[position], before: rotation)
                }
            }

            // The moves: each resident leaves its hospital for the next one in the cycle.
            for move in moveBase..<moveResidents.count {
                let resident = Int(moveResidents[move])
                let from = Int(moveFromEntries[move])
                let to = Int(moveToEntries[move])
                held[Int(hospitalStart[Int(residentLists[from])]) &+ Int(rankAtHospital[from])] =
                    false
                held[Int(hospitalStart[Int(residentLists[to])]) &+ Int(rankAtHospital[to])] = true
                current[resident] = Int32(truncatingIfNeeded: to)
                next[resident] = Int32(truncatingIfNeeded: to &+ 1)
                for entry in (from &+ 1)...to { residentCrossing[entry] = rotation }
            }
            // Each hospital's worst resident improved; the ranks it passed are crossed here.
            for index in first..<stack.count {
                let hospital = Int(stack[index])
                let base = Int(hospitalStart[hospital])
                let previous = Int(worst[hospital])
                let now = lowerWorst(of: hospital)
                if now < previous {
                    for rank in (now &+ 1)...previous { hospitalCrossing[base &+ rank] = rotation }
                }
                stackPosition[hospital] = -1
            }
            stack.removeLast(stack.count - first)
            moveStart.append(Int32(truncatingIfNeeded: moveResidents.count))
            predecessorStart.append(Int32(truncatingIfNeeded: predecessors.count))
        }

        /// Records `predecessor` (if any) as a predecessor of `rotation`, once.
        mutating func record(_ predecessor: Int32, before rotation: Int32) {
            guard predecessor >= 0, recordedFor[Int(predecessor)] != rotation else { return }
            recordedFor[Int(predecessor)] = rotation
            predecessors.append(predecessor)
        }
    }
}
