import StableMatching

/// Every stable matching of a small market, by backtracking over residents with pruning.
///
/// Like ``BruteForceOracle`` it works from the raw lists and the definition of a blocking pair
/// only (no deferred acceptance, no rotations, no lattice theory), but it abandons a partial
/// assignment as soon as a pair is certain to block, so markets of 8 residents and 8 hospitals
/// with capacities up to 3 take milliseconds rather than minutes.
struct StableEnumerator {
    let residentCount: Int
    let hospitalCount: Int
    let capacities: [Int]
    /// `residentRank[r][h]`: position of `h` in `r`'s raw list if mutually acceptable, else nil.
    let residentRank: [[Int?]]
    /// `hospitalRank[h][r]`: position of `r` in `h`'s raw list if mutually acceptable, else nil.
    let hospitalRank: [[Int?]]

    /// Like `residentRank`, but counting only mutually acceptable entries: the rank in the
    /// instance's lists, which is what the objectives are defined on.
    let residentListRank: [[Int?]]
    /// Like `hospitalRank`, counting only mutually acceptable entries.
    let hospitalListRank: [[Int?]]

    init(_ market: RandomMarket) {
        let oracle = BruteForceOracle(market)
        residentCount = oracle.residentCount
        hospitalCount = oracle.hospitalCount
        capacities = oracle.capacities
        residentRank = oracle.residentRank
        hospitalRank = oracle.hospitalRank
        func listRanks(_ ranks: [[Int?]]) -> [[Int?]] {
            ranks.map { row in
                row.map { rank in rank.map { own in row.filter { ($0 ?? Int.max) < own }.count } }
            }
        }
        residentListRank = listRanks(residentRank)
        hospitalListRank = listRanks(hospitalRank)
    }

    /// How much `r` likes `h` (`-1` = unmatched): lower is better, unmatched worst.
    func residentCost(_ r: Int, _ h: Int) -> Int {
        h < 0 ? Int.max : residentRank[r][h] ?? Int.max
    }

    /// All stable matchings, each as one hospital (or -1) per resident, in the order found.
    func stableMatchings() -> [[Int32]] {
        var result: [[Int32]] = []
        var assignment = [Int](repeating: -1, count: residentCount)
        var fill = [Int](repeating: 0, count: hospitalCount)
        // Depth-first over residents; each frame remembers which option it tries next.
        var nextOption = [Int](repeating: -1, count: residentCount + 1)
        var depth = 0
        nextOption[0] = -1
        while depth >= 0 {
            if depth == residentCount {
                if hasNoFreePlaceBlock(assignment, fill) { result.append(assignment.map(Int32.init)) }
                depth -= 1
                continue
            }
            let r = depth
            // Undo the previous option of this resident.
            if assignment[r] >= 0 { fill[assignment[r]] -= 1 }
            assignment[r] = -1
            var option = nextOption[r]
            var placed = false
            while option < hospitalCount {
                let h = option
                option += 1
                if h >= 0 {
                    guard residentRank[r][h] != nil, fill[h] < capacities[h] else { continue }
                }
                assignment[r] = h
                if h >= 0 { fill[h] += 1 }
                if isConsistent(upTo: r, assignment) {
                    placed = true
                    break
                }
                if h >= 0 { fill[h] -= 1 }
                assignment[r] = -1
            }
            nextOption[r] = option
            if placed {
                depth += 1
                if depth < residentCount { nextOption[depth] = -1 }
            } else {
                assignment[r] = -1
                depth -= 1
            }
        }
        return result
    }

    /// Whether no pair among residents `0...last` is already certain to block: `r` prefers
    /// `h` to its assignment and `h` holds someone it likes less than `r`.
    func isConsistent(upTo last: Int, _ assignment: [Int]) -> Bool {
        let r = last
        // The new resident against what the decided residents hold.
        for h in 0..<hospitalCount {
            guard let rankOfH = residentRank[r][h], rankOfH < residentCost(r, assignment[r]),
                let rankOfR = hospitalRank[h][r]
            else { continue }
            for other in 0..<last where assignment[other] == h {
                if let otherRank = hospitalRank[h][other], otherRank > rankOfR { return false }
            }
        }
        // Decided residents against the new resident's hospital.
        let h = assignment[r]
        guard h >= 0, let rankOfNew = hospitalRank[h][r] else { return true }
        for other in 0..<last {
            guard let rankOfH = residentRank[other][h], rankOfH < residentCost(other, assignment[other]),
                let rankOfOther = hospitalRank[h][other]
            else { continue }
            if rankOfOther < rankOfNew { return false }
        }
        return true
    }

    /// The one blocking condition pruning cannot see early: a hospital with a free place.
    func hasNoFreePlaceBlock(_ assignment: [Int], _ fill: [Int]) -> Bool {
        for r in 0..<residentCount {
            for h in 0..<hospitalCount where fill[h] < capacities[h] {
                if let rankOfH = residentRank[r][h], rankOfH < residentCost(r, assignment[r]) {
                    return false
                }
            }
        }
        return true
    }

    // MARK: Objectives, straight from the definitions.

    /// 1-based rank sum over both sides, in the mutually acceptable lists.
    func rankSum(_ assignment: [Int32]) -> Int {
        var total = 0
        for r in 0..<residentCount where assignment[r] >= 0 {
            let h = Int(assignment[r])
            total += (residentListRank[r][h] ?? 0) + (hospitalListRank[h][r] ?? 0) + 2
        }
        return total
    }

    /// The worst 0-based rank anyone gets (in the mutually acceptable lists): a resident its
    /// hospital, a hospital any of its residents.
    func regret(_ assignment: [Int32]) -> Int {
        var worst = -1
        for r in 0..<residentCount where assignment[r] >= 0 {
            let h = Int(assignment[r])
            worst = max(worst, residentListRank[r][h] ?? 0, hospitalListRank[h][r] ?? 0)
        }
        return worst
    }

    /// Whether every resident likes `a` at least as much as `b`.
    func residentsWeaklyPrefer(_ a: [Int32], _ b: [Int32]) -> Bool {
        (0..<residentCount).allSatisfy {
            residentCost($0, Int(a[$0])) <= residentCost($0, Int(b[$0]))
        }
    }

    /// The number of join-irreducible elements of the lattice of `stable` under the residents'
    /// order: matchings with exactly one matching directly below them. In a distributive
    /// lattice this is the number of rotations (Birkhoff's representation theorem).
    func joinIrreducibleCount(_ stable: [[Int32]]) -> Int {
        let n = stable.count
        var below = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                // "below" = better for residents, towards the resident-optimal end.
                below[i][j] = residentsWeaklyPrefer(stable[j], stable[i])
            }
        }
        var count = 0
        for i in 0..<n {
            var covers = 0
            for j in 0..<n where below[i][j] {
                let isDirect = !(0..<n).contains { k in k != i && k != j && below[i][k] && below[k][j] }
                if isDirect { covers += 1 }
            }
            if covers == 1 { count += 1 }
        }
        return count
    }
}

extension RandomMarket {
    /// A small market with a rich lattice: 1–8 residents and 1–8 hospitals with capacities
    /// 1–3 (about as many places as residents), incomplete lists and one-sided entries.
    ///
    /// People sit on one to three circles; on its own circle a resident likes the hospitals
    /// just ahead of it and a hospital the residents furthest behind, so the sides disagree and
    /// many stable matchings exist (several circles multiply their lattices). Other circles
    /// come after one's own, in random order. Noise (none to total, per seed) blurs the
    /// geometry.
    static func lattice(seed: UInt64) -> RandomMarket {
        var random = SeededGenerator(seed: seed ^ 0x5EED_1A77_1CE0_0000)
        // Mostly 5–8 residents: tiny markets have one stable matching.
        let residentCount =
            Int.random(in: 0..<5, using: &random) == 0
            ? Int.random(in: 1...4, using: &random) : Int.random(in: 5...8, using: &random)
        let isMarriage = Int.random(in: 0..<3, using: &random) == 0
        let hospitalCount =
            isMarriage
            ? residentCount
            : Int.random(in: max(1, (residentCount + 2) / 3)...min(8, residentCount + 1), using: &random)
        var capacities = [Int32](repeating: 1, count: hospitalCount)
        if !isMarriage {
            var places = hospitalCount
            let target = residentCount + Int.random(in: -1...1, using: &random)
            var attempts = 0
            while places < target && attempts < 100 {
                attempts += 1
                let h = Int.random(in: 0..<hospitalCount, using: &random)
                if capacities[h] < 3 {
                    capacities[h] += 1
                    places += 1
                }
            }
        }
        let noises: [Double] = [0, 0, 0.02, 0.05, 0.15, 3]
        let noise: Double = noises.randomElement(using: &random) ?? 0
        let dropChances: [Double] = [0, 0.05, 0.2]
        let dropChance: Double = dropChances.randomElement(using: &random) ?? 0
        // Round-robin, so that circles are balanced and their lattices multiply.
        let circles = Int.random(in: 1...3, using: &random)
        let residentCircle = (0..<residentCount).map { $0 % circles }
        let hospitalCircle = (0..<hospitalCount).map { $0 % circles }
        // Evenly spaced on each circle (the cyclic "Latin" markets with the most stable
        // matchings), jittered by up to a whole gap.
        let jitter = Double.random(in: 0...0.5, using: &random)
        func places(_ circle: [Int], _ random: inout SeededGenerator) -> [Double] {
            var counts = [Int](repeating: 0, count: circles)
            for c in circle { counts[c] += 1 }
            var seen = [Int](repeating: 0, count: circles)
            return circle.map { c in
                seen[c] += 1
                let slot = Double(seen[c]) - 1 + jitter * Double.random(in: 0..<1, using: &random)
                return slot / Double(counts[c])
            }
        }
        let residentPlace = places(residentCircle, &random)
        let hospitalPlace = places(hospitalCircle, &random)
        /// How far `h` is ahead of `r` on their circle, in 0..<1; 1 or more across circles.
        func ahead(_ r: Int, _ h: Int, _ random: inout SeededGenerator) -> Double {
            guard residentCircle[r] == hospitalCircle[h] else {
                return 1 + Double.random(in: 0..<1, using: &random)
            }
            let gap = hospitalPlace[h] - residentPlace[r]
            return gap < 0 ? gap + 1 : gap
        }
        var residentPreferences: [[Int32]] = []
        for r in 0..<residentCount {
            var keyed: [(hospital: Int32, key: Double)] = []
            for h in 0..<hospitalCount {
                let blur: Double = noise * Double.random(in: 0..<1, using: &random)
                keyed.append((Int32(h), ahead(r, h, &random) + blur))
            }
            var list: [Int32] = []
            for entry in keyed.sorted(by: { $0.key < $1.key })
            where Double.random(in: 0..<1, using: &random) >= dropChance {
                list.append(entry.hospital)
            }
            residentPreferences.append(list)
        }
        // Or, for one seed in two, hospitals put first the residents that like them least.
        let isOpposed = Int.random(in: 0..<2, using: &random) == 0
        var hospitalPreferences: [[Int32]] = []
        for h in 0..<hospitalCount {
            var keyed: [(resident: Int32, key: Double)] = []
            for r in 0..<residentCount {
                let blur: Double = noise * Double.random(in: 0..<1, using: &random)
                let distance = ahead(r, h, &random)
                // Furthest behind first on the own circle; other circles afterwards.
                var key = (distance < 1 ? -distance : distance) + blur
                if isOpposed {
                    let position = residentPreferences[r].firstIndex(of: Int32(h)) ?? hospitalCount
                    key = -Double(position) + blur
                }
                keyed.append((Int32(r), key))
            }
            var list: [Int32] = []
            for entry in keyed.sorted(by: { $0.key < $1.key })
            where Double.random(in: 0..<1, using: &random) >= dropChance {
                list.append(entry.resident)
            }
            hospitalPreferences.append(list)
        }
        return RandomMarket(
            residentPreferences: residentPreferences,
            hospitalPreferences: hospitalPreferences,
            capacities: capacities)
    }
}
