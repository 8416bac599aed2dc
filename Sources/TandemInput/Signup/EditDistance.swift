/// How far apart two texts are, for "did you mean" hints.
enum EditDistance {
    /// The Levenshtein distance between `a` and `b` (insertions, deletions and substitutions of characters).
    static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a)
        let right = Array(b)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }

    /// How much of two texts' wording is shared, from 0 to 1: the letters of the words both
    /// have, over all their words' letters, so that long words such as `topics` count more than
    /// `to` or `you` (questions differ in a few telling words, not in their length).
    static func wordSimilarity(_ a: String, _ b: String) -> Double {
        let left = Set(a.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        let right = Set(b.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        let shared = left.intersection(right).reduce(0) { $0 + $1.count }
        let total = left.union(right).reduce(0) { $0 + $1.count }
        return total == 0 ? 0 : Double(shared) / Double(total)
    }

    /// The candidate closest to `text`, when it is close enough to be a likely typo (at most a
    /// third of its characters differ).
    static func closest(to text: String, in candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = between(text, candidate)
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance * 3 <= max(text.count, best.candidate.count) else { return nil }
        return best.candidate
    }
}
