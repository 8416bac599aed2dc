import StableMatching

extension ScoredInstance {
    /// The same instance with `pairs` (mentee, mentor) made unacceptable: both sides' entries
    /// are dropped with their scores, and every other entry keeps its order and scores. The
    /// rule counters are unchanged (they count the hard rules of scoring only).
    ///
    /// - Complexity: O(R + H + L).
    package func removing(_ pairs: some Sequence<(mentee: Int, mentor: Int)>) -> ScoredInstance {
        let removed = Set(pairs.map { Self.key(mentee: $0.mentee, mentor: $0.mentor) })
        guard !removed.isEmpty else { return self }
        var residentStart: ContiguousArray<Int32> = [0]
        var residentLists: ContiguousArray<Int32> = []
        var menteeScores: ContiguousArray<Int32> = []
        var mentorScoresOfMenteeEntries: ContiguousArray<Int32> = []
        residentStart.reserveCapacity(instance.residentCount + 1)
        residentLists.reserveCapacity(instance.entryCount)
        menteeScores.reserveCapacity(instance.entryCount)
        mentorScoresOfMenteeEntries.reserveCapacity(instance.entryCount)
        for mentee in 0..<instance.residentCount {
            for entry in Int(instance.residentListStart[mentee])..<Int(instance.residentListStart[mentee + 1]) {
                let mentor = Int(instance.residentLists[entry])
                if removed.contains(Self.key(mentee: mentee, mentor: mentor)) { continue }
                residentLists.append(instance.residentLists[entry])
                menteeScores.append(self.menteeScores[entry])
                mentorScoresOfMenteeEntries.append(self.mentorScoresOfMenteeEntries[entry])
            }
            residentStart.append(Int32(residentLists.count))
        }
        var hospitalStart: ContiguousArray<Int32> = [0]
        var hospitalLists: ContiguousArray<Int32> = []
        var mentorScores: ContiguousArray<Int32> = []
        hospitalStart.reserveCapacity(instance.hospitalCount + 1)
        hospitalLists.reserveCapacity(instance.entryCount)
        mentorScores.reserveCapacity(instance.entryCount)
        for mentor in 0..<instance.hospitalCount {
            for entry in Int(instance.hospitalListStart[mentor])..<Int(instance.hospitalListStart[mentor + 1]) {
                let mentee = Int(instance.hospitalLists[entry])
                if removed.contains(Self.key(mentee: mentee, mentor: mentor)) { continue }
                hospitalLists.append(instance.hospitalLists[entry])
                mentorScores.append(self.mentorScores[entry])
            }
            hospitalStart.append(Int32(hospitalLists.count))
        }
        // Both sides drop the same pairs from mutually consistent lists, so this cannot fail.
        let reduced: MatchingInstance
        do {
            reduced = try MatchingInstance(
                residentListStart: residentStart, residentLists: residentLists, hospitalListStart: hospitalStart,
                hospitalLists: hospitalLists, capacities: instance.capacities)
        } catch {
            preconditionFailure("removing pairs produced an inconsistent instance: \(error)")
        }
        return ScoredInstance(
            instance: reduced, menteeScores: menteeScores, mentorScores: mentorScores,
            mentorScoresOfMenteeEntries: mentorScoresOfMenteeEntries, menteeRejections: menteeRejections,
            mentorRejections: mentorRejections)
    }

    private static func key(mentee: Int, mentor: Int) -> Int { mentee << 32 | mentor }
}
