/// A pair the programme record holds as active: who, how they were matched, and their series
/// as the calendars were last told it.
package struct ActivePair: Sendable, Hashable {
    package var mentorID: String
    package var menteeID: String
    /// The score and ranks from the run that made the pair.
    package var score: Double
    package var menteeRank: Int
    package var mentorRank: Int
    /// The series with its UID, revision and issue time; `nil` for a pair made without a schedule.
    package var series: SessionSeries?

    package init(mentorID: String, menteeID: String, score: Double, menteeRank: Int, mentorRank: Int, series: SessionSeries?) {
        self.mentorID = mentorID
        self.menteeID = menteeID
        self.score = score
        self.menteeRank = menteeRank
        self.mentorRank = mentorRank
        self.series = series
    }

    /// `M01:E05`, as `tandem withdraw --pair` takes it.
    package var label: String { mentorID + ":" + menteeID }
}
