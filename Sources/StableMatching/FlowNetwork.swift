/// A directed network with 64-bit integer capacities, solved for a maximum flow by Dinic's
/// algorithm over flat arrays.
///
/// Arcs are stored in pairs: arc `2i` and its residual twin `2i + 1`, so the twin of `a` is
/// `a ^ 1` and the tail of `a` is the head of its twin. The depth-first search of each phase
/// keeps its path in an explicit stack, so deep networks cannot overflow the call stack.
struct FlowNetwork {
    let nodeCount: Int
    var heads = ContiguousArray<Int32>()
    var capacities = ContiguousArray<Int64>()

    /// A capacity larger than any finite cut the callers build (they keep sums below 2^61).
    static let unbounded: Int64 = 1 << 62

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
    }

    /// Adds an arc `from → to` of the given capacity (and its empty residual twin).
    mutating func addArc(from: Int, to: Int, capacity: Int64) {
        heads.append(Int32(truncatingIfNeeded: to))
        capacities.append(capacity)
        heads.append(Int32(truncatingIfNeeded: from))
        capacities.append(0)
    }

    /// Saturates the network from `source` to `sink`.
    ///
    /// - Returns: The flow value and, for each node, whether it is reachable from `source` in
    ///   the final residual network: the source side of the minimum cut with the fewest nodes,
    ///   which does not depend on which maximum flow was found.
    /// - Complexity: O(V² E) in the worst case; far less on the shallow networks built here.
    mutating func maximumFlow(source: Int, sink: Int) -> (value: Int64, sourceSide: ContiguousArray<Bool>) {
        // Arcs out of each node, as a CSR over arc indices.
        var arcStart = ContiguousArray<Int32>(repeating: 0, count: nodeCount + 1)
        for arc in heads.indices { arcStart[Int(heads[arc ^ 1]) + 1] &+= 1 }
        for node in 0..<nodeCount { arcStart[node + 1] &+= arcStart[node] }
        var cursor = arcStart
        var outArcs = ContiguousArray<Int32>(repeating: 0, count: heads.count)
        for arc in heads.indices {
            let tail = Int(heads[arc ^ 1])
            outArcs[Int(cursor[tail])] = Int32(truncatingIfNeeded: arc)
            cursor[tail] &+= 1
        }

        var level = ContiguousArray<Int32>(repeating: -1, count: nodeCount)
        var queue = ContiguousArray<Int32>(repeating: 0, count: nodeCount)
        var path = ContiguousArray<Int32>()
        var total: Int64 = 0
        while true {
            // Breadth-first levels over arcs with residual capacity.
            for node in 0..<nodeCount { level[node] = -1 }
            level[source] = 0
            queue[0] = Int32(truncatingIfNeeded: source)
            var head = 0
            var tail = 1
            while head < tail {
                let node = Int(queue[head])
                // Levels come in order, and nodes as deep as the sink cannot lead to it along
                // level-increasing arcs: the rest of the search would only find dead ends.
                if level[sink] >= 0 && level[node] >= level[sink] { break }
                head &+= 1
                for index in Int(arcStart[node])..<Int(arcStart[node + 1]) {
                    let arc = Int(outArcs[index])
                    let next = Int(heads[arc])
                    if capacities[arc] > 0 && level[next] < 0 {
                        level[next] = level[node] &+ 1
                        queue[tail] = Int32(truncatingIfNeeded: next)
                        tail &+= 1
                    }
                }
            }
            guard level[sink] >= 0 else {
                return (total, ContiguousArray(level.lazy.map { $0 >= 0 }))
            }

            // Blocking flow: advance along level-increasing arcs, retreat from dead ends.
            cursor = arcStart
            path.removeAll(keepingCapacity: true)
            var node = source
            while true {
                if node == sink {
                    var bottleneck = Int64.max
                    for arc in path { bottleneck = min(bottleneck, capacities[Int(arc)]) }
                    total &+= bottleneck
                    var firstSaturated = -1
                    for (index, arc) in path.enumerated() {
                        capacities[Int(arc)] &-= bottleneck
                        capacities[Int(arc) ^ 1] &+= bottleneck
                        if firstSaturated < 0 && capacities[Int(arc)] == 0 { firstSaturated = index }
                    }
                    // Resume from the tail of the first arc that filled up.
                    let resume = max(firstSaturated, 0)
                    node = Int(heads[Int(path[resume]) ^ 1])
                    path.removeLast(path.count - resume)
                    continue
                }
                var advanced = false
                let end = Int(arcStart[node + 1])
                var index = Int(cursor[node])
                while index < end {
                    let arc = Int(outArcs[index])
                    let next = Int(heads[arc])
                    if capacities[arc] > 0 && level[next] == level[node] &+ 1 {
                        path.append(Int32(truncatingIfNeeded: arc))
                        node = next
                        advanced = true
                        break
                    }
                    index &+= 1
                }
                if advanced {
                    cursor[Int(heads[Int(path[path.count - 1]) ^ 1])] = Int32(truncatingIfNeeded: index)
                    continue
                }
                cursor[node] = Int32(truncatingIfNeeded: end)
                level[node] = -1
                guard let last = path.popLast() else { break }
                node = Int(heads[Int(last) ^ 1])
                cursor[node] &+= 1
            }
        }
    }
}
