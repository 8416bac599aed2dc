/// A re-run of a programme that already has pairs: which active pairs stay, which end because
/// someone left the sign-ups, and the free part of the cohort that is matched afresh.
package struct Continuation: Sendable {
    /// Active pairs whose two people are still signed up and have not withdrawn, in record order.
    package var kept: [ActivePair]
    /// Active pairs that end now because one of their people is no longer in the sign-ups.
    package var endedByAbsence: [ActivePair]
    /// Ids of people with active pairs who are no longer in the sign-ups.
    package var absent: [String]
    /// The free part: mentees without a kept partner, each mentor with their places less their
    /// kept pairs, withdrawn people left out. Its indices are its own, not the full cohort's.
    package var residual: Cohort

    /// Splits `cohort` against the record's `active` pairs and `withdrawn` people; the pairs in
    /// `ended` are not made again.
    /// - Throws: ``TandemFailure`` `.dataError` when a mentor now offers fewer places than they
    ///   have active pairs, naming the pairs, so that the coordinator chooses which to end.
    /// - Parameter mentorsFile: the mentors' sign-up file, named in the error.
    package init(
        cohort: Cohort, active: [ActivePair], withdrawn: Set<String>, ended: [(mentor: String, mentee: String)] = [],
        mentorsFile: String = "mentors.csv"
    ) throws(TandemFailure) {
        let mentorIDs = Set(cohort.mentors.map(\.id))
        let menteeIDs = Set(cohort.mentees.map(\.id))
        kept = []
        endedByAbsence = []
        var absentIDs = Set<String>()
        for pair in active {
            let mentorHere = mentorIDs.contains(pair.mentorID) && !withdrawn.contains(pair.mentorID)
            let menteeHere = menteeIDs.contains(pair.menteeID) && !withdrawn.contains(pair.menteeID)
            if mentorHere && menteeHere {
                kept.append(pair)
            } else {
                endedByAbsence.append(pair)
                if !mentorIDs.contains(pair.mentorID) { absentIDs.insert(pair.mentorID) }
                if !menteeIDs.contains(pair.menteeID) { absentIDs.insert(pair.menteeID) }
            }
        }
        absent = absentIDs.sorted()

        let keptByMentor = Dictionary(grouping: kept, by: \.mentorID)
        let keptMentees = Set(kept.map(\.menteeID))
        var problems: [InputProblem] = []
        var mentors: [Mentor] = []
        for var mentor in cohort.mentors where !withdrawn.contains(mentor.id) {
            let pairs = keptByMentor[mentor.id] ?? []
            if pairs.count > mentor.capacity {
                problems.append(
                    InputProblem(
                        file: mentorsFile, field: "capacity",
                        message:
                            "\(mentor.id) now offers \(mentor.capacity) place(s) but has \(pairs.count) active pair(s): "
                            + pairs.map(\.label).joined(separator: ", ")
                            + ". End the pairs that stop with 'tandem withdraw --pair MENTOR:MENTEE', or match afresh with --rematch"
                    ))
                continue
            }
            mentor.capacity -= pairs.count
            mentors.append(mentor)
        }
        guard problems.isEmpty else {
            throw TandemFailure(
                .dataError, "\(problems.count) mentor(s) offer fewer places than their active pairs:", problems: problems)
        }
        let endedMentors = Dictionary(grouping: ended, by: \.mentee).mapValues { $0.map(\.mentor) }
        let mentees = cohort.mentees.filter { !withdrawn.contains($0.id) && !keptMentees.contains($0.id) }.map { mentee in
            var mentee = mentee
            mentee.exclusions += endedMentors[mentee.id] ?? []
            return mentee
        }
        residual = Cohort(mentors: mentors, mentees: mentees)
    }

    /// Mentors whose every place is taken by a kept pair.
    package var fullMentors: Set<String> {
        let keptMentors = Set(kept.map(\.mentorID))
        return Set(residual.mentors.filter { $0.capacity == 0 && keptMentors.contains($0.id) }.map(\.id))
    }

    /// The kept pairs' series, by mentor id: the sessions new series must not clash with.
    package var keptSeriesByMentor: [String: [SessionSeries]] {
        Dictionary(grouping: kept.compactMap(\.series), by: \.mentor.id)
    }
}
