import StableMatching

/// Seeded random markets given as raw per-person lists, one-sided entries included.
struct RandomMarket: Sendable, CustomStringConvertible {
    var residentPreferences: [[Int32]]
    var hospitalPreferences: [[Int32]]
    var capacities: [Int32]

    var residentCount: Int { residentPreferences.count }
    var hospitalCount: Int { hospitalPreferences.count }

    var description: String {
        "residents \(residentPreferences), hospitals \(hospitalPreferences), capacities \(capacities)"
    }

    /// The instance built from these lists.
    func instance() throws -> MatchingInstance {
        try MatchingInstance(
            residentPreferences: residentPreferences,
            hospitalPreferences: hospitalPreferences,
            capacities: capacities)
    }

    /// A tiny market for exhaustive enumeration: 1–5 hospitals, capacities 0–3, 1–7 residents
    /// (about as many as places), lists mostly long but some short or empty, and some one-sided
    /// entries on both sides.
    static func small(seed: UInt64) -> RandomMarket {
        var random = SeededGenerator(seed: seed)
        // One seed in three gives a marriage-like market (capacities 1, as many residents as
        // hospitals, nearly complete lists), where several stable matchings are common.
        let isMarriageLike = seed % 3 == 0
        let hospitalCount = Int.random(in: isMarriageLike ? 3...5 : 1...5, using: &random)
        let residentCount = isMarriageLike ? hospitalCount : Int.random(in: 1...7, using: &random)
        // About as many places as residents (unbalanced markets nearly always have a single
        // stable matching, which would leave the lattice checks little to check), dealt out at
        // random up to 3 per hospital; a hospital dealt none has capacity 0.
        let surplus = isMarriageLike ? 0 : [0, 0, 0, -1, 1].randomElement(using: &random) ?? 0
        let maxCapacity: Int32 = isMarriageLike ? 1 : 3
        let places = min(residentCount + surplus, Int(maxCapacity) * hospitalCount)
        var capacities = [Int32](repeating: 0, count: hospitalCount)
        var dealt = 0
        while dealt < places {
            let hospital = Int.random(in: 0..<hospitalCount, using: &random)
            if capacities[hospital] < maxCapacity {
                capacities[hospital] += 1
                dealt += 1
            }
        }
        var residentPreferences: [[Int32]] = []
        for _ in 0..<residentCount {
            // Mostly long lists: contention is what makes stable matchings differ.
            let length =
                Int.random(in: 0..<(isMarriageLike ? 12 : 4), using: &random) == 0
                ? Int.random(in: 0...hospitalCount, using: &random)
                : hospitalCount - (isMarriageLike ? 0 : Int.random(in: 0...1, using: &random))
            let list = (0..<Int32(hospitalCount)).shuffled(using: &random).prefix(length)
            residentPreferences.append(Array(list))
        }
        var hospitalPreferences: [[Int32]] = []
        for hospital in 0..<Int32(hospitalCount) {
            var list: [Int32] = []
            for resident in 0..<residentCount {
                let listedBack = residentPreferences[resident].contains(hospital)
                let chance = listedBack ? (isMarriageLike ? 0.98 : 0.95) : 0.15
                if Double.random(in: 0..<1, using: &random) < chance {
                    list.append(Int32(resident))
                }
            }
            hospitalPreferences.append(list.shuffled(using: &random))
        }
        return RandomMarket(
            residentPreferences: residentPreferences,
            hospitalPreferences: hospitalPreferences,
            capacities: capacities)
    }

    /// A larger market: every resident lists `listLength` distinct hospitals, popular ones more
    /// often; hospitals rank the residents who listed them by a weak shared quality plus noise
    /// (strongly shared rankings make the stable matching unique), and
    /// add a few one-sided entries that the instance must drop.
    static func large(seed: UInt64, residents: Int, hospitals: Int, listLength: Int) -> RandomMarket {
        var random = SeededGenerator(seed: seed)
        var residentPreferences: [[Int32]] = []
        var listers = [[Int32]](repeating: [], count: hospitals)
        for resident in 0..<residents {
            var list: [Int32] = []
            var listed = Set<Int32>()
            while list.count < min(listLength, hospitals) {
                let uniform = Double.random(in: 0..<1, using: &random)
                let hospital = Int32(uniform * (0.5 + 0.5 * uniform) * Double(hospitals))
                if listed.insert(hospital).inserted { list.append(hospital) }
            }
            for hospital in list { listers[Int(hospital)].append(Int32(resident)) }
            residentPreferences.append(list)
        }
        let quality = (0..<residents).map { _ in Double.random(in: 0..<1, using: &random) }
        var hospitalPreferences: [[Int32]] = []
        for hospital in 0..<hospitals {
            var candidates = listers[hospital]
            for _ in 0..<2 {
                candidates.append(Int32.random(in: 0..<Int32(residents), using: &random))
            }
            var seen = Set<Int32>()
            candidates = candidates.filter { seen.insert($0).inserted }
            let keyed = candidates.map {
                ($0, 0.3 * quality[Int($0)] + Double.random(in: 0..<1, using: &random))
            }
            hospitalPreferences.append(keyed.sorted { $0.1 > $1.1 }.map(\.0))
        }
        // About as many places as residents, for the same reason as in `small(seed:)`.
        // One hospital in 25 has capacity 0.
        let maxCapacity = Int32(max(2 * residents / max(hospitals, 1) - 1, 1))
        let capacities = (0..<hospitals).map { _ in
            Int.random(in: 0..<25, using: &random) == 0
                ? 0 : Int32.random(in: 1...maxCapacity, using: &random)
        }
        return RandomMarket(
            residentPreferences: residentPreferences,
            hospitalPreferences: hospitalPreferences,
            capacities: capacities)
    }
}
