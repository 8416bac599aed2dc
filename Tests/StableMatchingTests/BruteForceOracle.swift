import StableMatching

/// A deliberately naive reference for tiny markets: acceptability and ranks straight from the
/// raw lists, every matching enumerated by backtracking, blocking pairs by the definition.
///
/// It shares no code with `MatchingInstance`, `DeferredAcceptance` or `StabilityVerifier`.
struct BruteForceOracle {
    let residentCount: Int
    let hospitalCount: Int
    let capacities: [Int]
    /// `residentRank[r][h]`: position of `h` in `r`'s raw list if the pair is mutually
    /// acceptable, else nil.
    let residentRank: [[Int?]]
    /// `hospitalRank[h][r]`: position of `r` in `h`'s raw list if mutually acceptable, else nil.
    let hospitalRank: [[Int?]]

    init(_ market: RandomMarket) {
        residentCount = market.residentCount
        hospitalCount = market.hospitalCount
        capacities = market.capacities.map(Int.init)
        var residentRank = [[Int?]](
            repeating: [Int?](repeating: nil, count: market.hospitalCount),
            count: market.residentCount)
        var hospitalRank = [[Int?]](
            repeating: [Int?](repeating: nil, count: market.residentCount),
            count: market.hospitalCount)
        for r in 0..<market.residentCount {
            for h in 0..<market.hospitalCount {
                if let i = market.residentPreferences[r].firstIndex(of: Int32(h)),
                    let j = market.hospitalPreferences[h].firstIndex(of: Int32(r))
                {
                    residentRank[r][h] = i
                    hospitalRank[h][r] = j
                }
            }
        }
        self.residentRank = residentRank
        self.hospitalRank = hospitalRank
    }

    func isAcceptable(_ r: Int, _ h: Int) -> Bool {
        h >= 0 && h < hospitalCount && residentRank[r][h] != nil
    }

    /// How much `r` likes its assignment: its rank if acceptable, `Int.max` if unmatched, and
    /// `Int.max` as well for an unacceptable one (both are worse than anything on its list).
    func residentCost(_ r: Int, _ h: Int32) -> Int {
        isAcceptable(r, Int(h)) ? residentRank[r][Int(h)] ?? Int.max : Int.max
    }

    /// Every valid matching (capacities respected, only acceptable pairs), by backtracking.
    func allMatchings() -> [[Int32]] {
        var result: [[Int32]] = []
        var current = [Int32](repeating: -1, count: residentCount)
        var fill = [Int](repeating: 0, count: hospitalCount)
        func extend(_ r: Int) {
            if r == residentCount {
                result.append(current)
                return
            }
            current[r] = -1
            extend(r + 1)
            for h in 0..<hospitalCount where isAcceptable(r, h) && fill[h] < capacities[h] {
                current[r] = Int32(h)
                fill[h] += 1
                extend(r + 1)
                fill[h] -= 1
            }
            current[r] = -1
        }
        extend(0)
        return result
    }

    func capacityViolations(_ assignment: [Int32]) -> [Int32] {
        (0..<hospitalCount).filter { h in assignment.filter { $0 == Int32(h) }.count > capacities[h]
        }
        .map(Int32.init)
    }

    func unacceptablePairs(_ assignment: [Int32]) -> [BlockingPair] {
        assignment.indices.filter { r in assignment[r] != -1 && !isAcceptable(r, Int(assignment[r]))
        }
        .map { BlockingPair(resident: Int32($0), hospital: assignment[$0]) }
    }

    /// Pairs blocking `assignment` by the definition, in (resident, hospital) order.
    func blockingPairs(_ assignment: [Int32]) -> [BlockingPair] {
        var pairs: [BlockingPair] = []
        for r in 0..<residentCount {
            for h in 0..<hospitalCount where blocks(r, h, assignment) {
                pairs.append(BlockingPair(resident: Int32(r), hospital: Int32(h)))
            }
        }
        return pairs
    }

    /// Whether `(r, h)` blocks `assignment`: acceptable, `r` would rather have `h`, and `h` has
    /// a free place or holds someone it likes less than `r` (or does not list at all).
    func blocks(_ r: Int, _ h: Int, _ assignment: [Int32]) -> Bool {
        guard let rankOfH = residentRank[r][h], let rankOfR = hospitalRank[h][r],
            rankOfH < residentCost(r, assignment[r])
        else { return false }
        var assignedCount = 0
        var prefersToSomeone = false
        for other in 0..<residentCount where assignment[other] == Int32(h) {
            assignedCount += 1
            if let otherRank = hospitalRank[h][other] {
                if rankOfR < otherRank { prefersToSomeone = true }
            } else {
                prefersToSomeone = true
            }
        }
        return assignedCount < capacities[h] || prefersToSomeone
    }

    func isStable(_ assignment: [Int32]) -> Bool {
        guard capacityViolations(assignment).isEmpty, unacceptablePairs(assignment).isEmpty else {
            return false
        }
        for r in 0..<residentCount {
            for h in 0..<hospitalCount where blocks(r, h, assignment) { return false }
        }
        return true
    }
}
