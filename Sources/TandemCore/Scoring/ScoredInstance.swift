import StableMatching

// Public (the type only): `PreferenceBuilder.build` returns it, for the Benchmarks package.
/// The matching instance derived from a scored cohort, with the numbers behind it.
///
/// Residents are mentees and hospitals are mentors, by dense index into the cohort's arrays.
public struct ScoredInstance: Sendable {
    package let instance: MatchingInstance
    /// The mentee's score of each entry of `instance.residentLists` (millionths).
    package let menteeScores: ContiguousArray<Int32>
    /// The mentor's score of each entry of `instance.hospitalLists` (millionths).
    package let mentorScores: ContiguousArray<Int32>
    /// The mentor's score of each entry of `instance.residentLists` (millionths), so both views
    /// of a pair sit at the same index.
    package let mentorScoresOfMenteeEntries: ContiguousArray<Int32>
    /// `PairRejection.allCases.count` counters per mentee: how many mentors each rule removed.
    package let menteeRejections: ContiguousArray<Int32>
    /// The same per mentor: how many mentees each rule removed.
    package let mentorRejections: ContiguousArray<Int32>

    /// Each acceptable pair's weight for the weighted optimum: the sum of both sides' scores
    /// (0...2), aligned with `instance.residentLists`.
    package var pairWeights: PairWeights {
        PairWeights(
            residentEntryWeights: ContiguousArray(
                zip(menteeScores, mentorScoresOfMenteeEntries).map { (Double($0) + Double($1)) / 1_000_000 }))
    }

    /// How many mentors rule `rejection` removed for `mentee`.
    package func rejections(_ rejection: PairRejection, forMentee mentee: Int) -> Int {
        Int(menteeRejections[mentee * PairRejection.allCases.count + rejection.rawValue])
    }

    /// How many mentees rule `rejection` removed for `mentor`.
    package func rejections(_ rejection: PairRejection, forMentor mentor: Int) -> Int {
        Int(mentorRejections[mentor * PairRejection.allCases.count + rejection.rawValue])
    }
}
