/// The matching with the most pairs, and among those the largest total weight, stability
/// aside.
///
/// Stable matchings all match the same residents (the rural hospitals theorem); a coverage
/// matching can match more at the price of blocking pairs, which ``StabilityVerifier`` lists.
/// Showing both lets a coordinator weigh "everyone has a partner" against "no pair would
/// rather swap".
///
/// The problem is a minimum-cost flow: residents → hospitals (capacity 1 per acceptable pair)
/// → sink (the hospital's capacity). It is solved by successive shortest paths with
/// potentials, one resident at a time (the Hungarian method in the form of Jonker and
/// Volgenant): each resident also has a private "stay unmatched" option, and costs are
/// lexicographic pairs (−pairs, −weight), so that the cheapest assignment of all residents has
/// the most pairs first and the largest weight second, with no big-M constant to overflow or to
/// lose precision to. Each resident's shortest path is found by Dijkstra's algorithm on reduced
/// costs; it stops as soon as a free place (or someone giving up a place) is settled, and only
/// the nodes it settled get new potentials.
///
/// Residents are admitted in two rounds, each in index order: first those matched by one
/// maximum matching (found by Dinic's algorithm), which all extend the assignment, then the
/// rest, who can only take someone's place when that gains weight. Without weights (or with
/// all weights equal) that maximum matching is the answer.
public enum CoverageMatching {
    /// Computes a maximum-cardinality matching of largest total weight.
    ///
    /// - Parameters:
    ///   - instance: The market; lists are mutual by construction.
    ///   - weights: One weight per resident-side entry, higher is better, quantised as in
    ///     ``OptimalStableMatching``; `nil` gives a maximum matching without regard to weight.
    /// - Returns: A valid matching (capacities respected, acceptable pairs only) with as many
    ///   pairs as any matching of `instance`, and of largest quantised weight among those.
    ///   Deterministic: a fixed admission order, and ties in the searches go to the terminal,
    ///   then to the lower hospital index.
    /// - Complexity: Without weights, O(L √(R + H)) (Dinic on a unit network). With weights,
    ///   O(R · (L + H) log H) in the worst case (one Dijkstra per resident); far less in
    ///   practice, since most searches stop at a free place a few steps away.
    ///   - start: Without weights, a matching to grow from (typically the stable one): the
    ///     result then keeps as many of its pairs as augmenting paths allow, so it shows what
    ///     matching more people would change rather than an unrelated arrangement, and is found
    ///     in far fewer phases.
    public static func solve(_ instance: MatchingInstance, weights: PairWeights?, start: Matching? = nil) -> Matching {
        let quantized = weights.map {
            PairWeights.quantized($0.entryWeights(for: instance), termCount: 64)
        }
        guard let quantized, let first = quantized.first, quantized.contains(where: { $0 != first })
        else { return maximumMatching(instance, start: start) }
        var solver = AssignmentSolver(instance: instance, weights: quantized)
        // Residents of one maximum matching first: each of them extends the assignment (they
        // are independent in the transversal matroid), mostly along short paths; the others
        // can then only swap in for someone.
        let maximum = maximumMatching(instance).hospitalOfResident
        for resident in 0..<instance.residentCount where maximum[resident] >= 0 {
            solver.admit(resident)
        }
        for resident in 0..<instance.residentCount where maximum[resident] < 0 {
            if instance.residentListStart[resident + 1] > instance.residentListStart[resident] {
                solver.admit(resident)
            }
        }
        return Matching(hospitalOfResident: solver.hospitalOfResident())
    }

    /// A maximum matching regardless of weight, by Dinic's algorithm on the unit network
    /// source → residents → hospitals → sink (Hopcroft–Karp's bound applies: O(L √(R + H))),
    /// run on the lists themselves (``UnitDinic``).
    ///
    /// Used when no weights are given or all weights are equal: the weighted search would then
    /// face ties everywhere, and a blocking-flow method finds many augmenting paths per phase.
    static func maximumMatching(_ instance: MatchingInstance, start initial: Matching? = nil) -> Matching {
        var search = UnitDinic(instance, start: initial)
        return search.solve()
    }
}

/// A lexicographic cost: fewer pairs is worse than any weight difference.
struct LexicographicCost: Comparable {
    var pairs: Int64
    var weight: Int64

    static let zero = LexicographicCost(pairs: 0, weight: 0)
    static let infinity = LexicographicCost(pairs: .max, weight: .max)

    static func < (lhs: LexicographicCost, rhs: LexicographicCost) -> Bool {
        lhs.pairs != rhs.pairs ? lhs.pairs < rhs.pairs : lhs.weight < rhs.weight
    }

    static func + (lhs: LexicographicCost, rhs: LexicographicCost) -> LexicographicCost {
        LexicographicCost(pairs: lhs.pairs &+ rhs.pairs, weight: lhs.weight &+ rhs.weight)
    }

    static func - (lhs: LexicographicCost, rhs: LexicographicCost) -> LexicographicCost {
        LexicographicCost(pairs: lhs.pairs &- rhs.pairs, weight: lhs.weight &- rhs.weight)
    }
}

/// The state of ``CoverageMatching``'s successive shortest paths.
///
/// Nodes are residents, hospitals and a terminal, reached from a hospital with a free place or
/// from a resident giving up its place (for the newcomer: staying unmatched). Arc costs:
/// resident → hospital `(−1, −w)`, hospital → a resident it holds `(+1, +w)`, the others 0.
/// Reduced costs `cost + potential(tail) − potential(head)` stay non-negative on every usable
/// arc.
///
/// A held resident has exactly one incoming arc (from its hospital), so its distance is final
/// as soon as its hospital is settled and it is scanned right away; only hospitals and the
/// terminal go through the heap, an indexed binary heap with decrease-key of at most H + 1
/// entries.
struct AssignmentSolver {
    let residentCount: Int
    let hospitalCount: Int
    let residentStart: ContiguousArray<Int32>
    let residentLists: ContiguousArray<Int32>
    /// Quantised weights, one per resident-side entry.
    let weights: ContiguousArray<Int64>
    /// Each hospital's places, capped at its list length so huge capacities cost nothing.
    let placeStart: ContiguousArray<Int32>

    /// The entry of each resident's hospital, or -1.
    var assignedEntry: ContiguousArray<Int32>
    /// For each place, its resident; a hospital's places fill from the front.
    var places: ContiguousArray<Int32>
    var fill: ContiguousArray<Int32>
    /// Index into `places` of each assigned resident.
    var placeOfResident: ContiguousArray<Int32>
    var residentPotential: ContiguousArray<LexicographicCost>
    /// Hospitals, then the terminal at index `hospitalCount`.
    var hospitalPotential: ContiguousArray<LexicographicCost>

    // Search scratch, reset only where touched.
    var residentDistance: ContiguousArray<LexicographicCost>
    /// The hospital whose reverse arc reached each resident (-1 for the newcomer).
    var residentParent: ContiguousArray<Int32>
    var scannedResidents = ContiguousArray<Int32>()
    /// Hospitals, then the terminal.
    var hospitalDistance: ContiguousArray<LexicographicCost>
    /// For a hospital, the resident-side entry of the arc that reached it. For the terminal,
    /// a hospital index, or `-2 - resident` for a resident giving up its place.
    var hospitalParent: ContiguousArray<Int32>
    var isSettled: ContiguousArray<Bool>
    var touchedHospitals = ContiguousArray<Int32>()
    var heap = ContiguousArray<Int32>()
    var heapPosition: ContiguousArray<Int32>

    /// - Parameter weights: Quantised weights, one per resident-side entry; potentials and
    ///   reduced distances stay within a few arc costs of each other, so magnitudes up to
    ///   2^54 cannot overflow.
    init(instance: MatchingInstance, weights: ContiguousArray<Int64>) {
        residentCount = instance.residentCount
        hospitalCount = instance.hospitalCount
        residentStart = instance.residentListStart
        residentLists = instance.residentLists
        self.weights = weights
        var placeStart = ContiguousArray<Int32>(repeating: 0, count: hospitalCount + 1)
        let listStart = instance.hospitalListStart
        for hospital in 0..<hospitalCount {
            let length = listStart[hospital + 1] &- listStart[hospital]
            placeStart[hospital + 1] = placeStart[hospital] &+ min(instance.capacities[hospital], length)
        }
        self.placeStart = placeStart
        assignedEntry = ContiguousArray(repeating: -1, count: residentCount)
        places = ContiguousArray(repeating: -1, count: Int(placeStart[hospitalCount]))
        fill = ContiguousArray(repeating: 0, count: hospitalCount)
        placeOfResident = ContiguousArray(repeating: -1, count: residentCount)
        residentPotential = ContiguousArray(repeating: .zero, count: residentCount)
        hospitalPotential = ContiguousArray(repeating: .zero, count: hospitalCount + 1)
        residentDistance = ContiguousArray(repeating: .infinity, count: residentCount)
        residentParent = ContiguousArray(repeating: -1, count: residentCount)
        hospitalDistance = ContiguousArray(repeating: .infinity, count: hospitalCount + 1)
        hospitalParent = ContiguousArray(repeating: -1, count: hospitalCount + 1)
        isSettled = ContiguousArray(repeating: false, count: hospitalCount + 1)
        heapPosition = ContiguousArray(repeating: -1, count: hospitalCount + 1)
    }

    var terminal: Int { hospitalCount }

    func hospitalOfResident() -> ContiguousArray<Int32> {
        var result = ContiguousArray<Int32>(repeating: -1, count: residentCount)
        for resident in 0..<residentCount where assignedEntry[resident] >= 0 {
            result[resident] = residentLists[Int(assignedEntry[resident])]
        }
        return result
    }

    /// The cost of the arc from a resident to the hospital of `entry`.
    func forwardCost(_ entry: Int) -> LexicographicCost {
        LexicographicCost(pairs: -1, weight: -weights[entry])
    }

    /// Adds `newcomer` to the assignment along a cheapest path: to a free place if it can
    /// (possibly moving others along), else in place of someone if that gains weight, else
    /// leaves it unmatched.
    ///
    /// - Complexity: O((L + H) log H) in the worst case; typically a few steps.
    mutating func admit(_ newcomer: Int) {
        // A potential that makes the newcomer's arcs' reduced costs non-negative.
        var start = hospitalPotential[terminal]
        for entry in Int(residentStart[newcomer])..<Int(residentStart[newcomer + 1]) {
            start = max(start, hospitalPotential[Int(residentLists[entry])] - forwardCost(entry))
        }
        residentPotential[newcomer] = start
        scan(newcomer, at: .zero, from: -1)

        while let hospital = popHeap() {
            isSettled[hospital] = true
            if hospital == terminal { break }
            let here = hospitalDistance[hospital]
            let own = hospitalPotential[hospital]
            let first = Int(placeStart[hospital])
            if Int(fill[hospital]) < Int(placeStart[hospital + 1]) &- first {
                relax(
                    terminal, to: here + own - hospitalPotential[terminal],
                    parent: Int32(truncatingIfNeeded: hospital))
            }
            for place in first..<(first &+ Int(fill[hospital])) {
                let resident = Int(places[place])
                let back = LexicographicCost(pairs: 1, weight: weights[Int(assignedEntry[resident])])
                scan(
                    resident, at: here + back + own - residentPotential[resident],
                    from: Int32(truncatingIfNeeded: hospital))
            }
        }

        // The newcomer can always stay unmatched, so the terminal is always settled.
        let reach = hospitalDistance[terminal]
        if isSettled[terminal] {
            for hospital in touchedHospitals where isSettled[Int(hospital)] {
                let index = Int(hospital)
                hospitalPotential[index] = hospitalPotential[index] + hospitalDistance[index] - reach
            }
            for resident in scannedResidents where residentDistance[Int(resident)] < reach {
                let index = Int(resident)
                residentPotential[index] = residentPotential[index] + residentDistance[index] - reach
            }
            augment(newcomer)
        }
        for hospital in touchedHospitals {
            hospitalDistance[Int(hospital)] = .infinity
            isSettled[Int(hospital)] = false
            heapPosition[Int(hospital)] = -1
        }
        for resident in scannedResidents { residentDistance[Int(resident)] = .infinity }
        touchedHospitals.removeAll(keepingCapacity: true)
        scannedResidents.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
    }

    /// Fixes `resident`'s distance and relaxes its arcs: to each other hospital on its list,
    /// and to the terminal (giving up its place).
    mutating func scan(_ resident: Int, at here: LexicographicCost, from hospital: Int32) {
        residentDistance[resident] = here
        residentParent[resident] = hospital
        scannedResidents.append(Int32(truncatingIfNeeded: resident))
        let own = residentPotential[resident]
        relax(terminal, to: here + own - hospitalPotential[terminal], parent: -2 &- Int32(truncatingIfNeeded: resident))
        let current = Int(assignedEntry[resident])
        for entry in Int(residentStart[resident])..<Int(residentStart[resident + 1]) where entry != current {
            let target = Int(residentLists[entry])
            guard !isSettled[target] else { continue }
            relax(
                target, to: here + forwardCost(entry) + own - hospitalPotential[target],
                parent: Int32(truncatingIfNeeded: entry))
        }
    }

    mutating func relax(_ node: Int, to cost: LexicographicCost, parent: Int32) {
        guard cost < hospitalDistance[node] else { return }
        if hospitalDistance[node] == .infinity {
            touchedHospitals.append(Int32(truncatingIfNeeded: node))
        }
        hospitalDistance[node] = cost
        hospitalParent[node] = parent
        if heapPosition[node] < 0 {
            heapPosition[node] = Int32(truncatingIfNeeded: heap.count)
            heap.append(Int32(truncatingIfNeeded: node))
        }
        siftUp(Int(heapPosition[node]))
    }

    /// Shifts residents along the path found, ending at a free place or an unmatched one.
    mutating func augment(_ newcomer: Int) {
        let last = Int(hospitalParent[terminal])
        var hospital: Int
        var place: Int
        if last >= 0 {
            // A hospital with a free place takes one more resident.
            hospital = last
            place = Int(placeStart[hospital]) &+ Int(fill[hospital])
            fill[hospital] &+= 1
        } else {
            // A resident gives up its place (or the newcomer stays unmatched).
            let leaving = -2 &- last
            guard leaving != newcomer else { return }
            hospital = Int(residentLists[Int(assignedEntry[leaving])])
            place = Int(placeOfResident[leaving])
            assignedEntry[leaving] = -1
            placeOfResident[leaving] = -1
        }
        while true {
            let entry = Int(hospitalParent[hospital])
            let resident = owner(ofEntry: entry)
            let previousHospital = Int(residentParent[resident])
            let previousPlace = Int(placeOfResident[resident])
            places[place] = Int32(truncatingIfNeeded: resident)
            placeOfResident[resident] = Int32(truncatingIfNeeded: place)
            assignedEntry[resident] = Int32(truncatingIfNeeded: entry)
            guard resident != newcomer, previousHospital >= 0 else { return }
            hospital = previousHospital
            place = previousPlace
        }
    }

    /// The resident whose list holds `entry`, by binary search over the offsets.
    func owner(ofEntry entry: Int) -> Int {
        var low = 0
        var high = residentCount
        // Invariant: residentStart[low] <= entry < residentStart[high].
        while high &- low > 1 {
            let middle = (low &+ high) / 2
            if Int(residentStart[middle]) <= entry { low = middle } else { high = middle }
        }
        return low
    }

    /// Heap order: distance, then the terminal before any hospital (so that a search stops as
    /// soon as it can among ties), then hospital index.
    func precedes(_ lhs: Int32, _ rhs: Int32) -> Bool {
        let left = hospitalDistance[Int(lhs)]
        let right = hospitalDistance[Int(rhs)]
        if left != right { return left < right }
        let leftKey = Int(lhs) == terminal ? -1 : lhs
        let rightKey = Int(rhs) == terminal ? -1 : rhs
        return leftKey < rightKey
    }

    mutating func siftUp(_ start: Int) {
        var child = start
        let node = heap[child]
        while child > 0 {
            let parentIndex = (child &- 1) / 2
            let above = heap[parentIndex]
            guard precedes(node, above) else { break }
            heap[child] = above
            heapPosition[Int(above)] = Int32(truncatingIfNeeded: child)
            child = parentIndex
        }
        heap[child] = node
        heapPosition[Int(node)] = Int32(truncatingIfNeeded: child)
    }

    mutating func popHeap() -> Int? {
        guard let last = heap.popLast() else { return nil }
        guard let top = heap.first else {
            heapPosition[Int(last)] = -1
            return Int(last)
        }
        heapPosition[Int(top)] = -1
        var index = 0
        let count = heap.count
        while true {
            let left = 2 &* index &+ 1
            guard left < count else { break }
            let right = left &+ 1
            let smaller = right < count && precedes(heap[right], heap[left]) ? right : left
            guard precedes(heap[smaller], last) else { break }
            heap[index] = heap[smaller]
            heapPosition[Int(heap[index])] = Int32(truncatingIfNeeded: index)
            index = smaller
        }
        heap[index] = last
        heapPosition[Int(last)] = Int32(truncatingIfNeeded: index)
        return Int(top)
    }
}
