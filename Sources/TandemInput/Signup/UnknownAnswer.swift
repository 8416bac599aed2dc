/// One answer Tandem could not use, reported once however many rows give it.
struct UnknownAnswer {
    struct Key: Hashable {
        var file: String
        var field: String
        var answer: String
    }

    /// The answer as first seen.
    var text: String
    var lines: [Int]
    /// Where in ``SignupReader/problems`` its grouped problem is, to update as rows join it.
    var problemIndex: Int
    /// What is wrong with it and what to do, without the answer or the rows.
    var problem: String
    var field: String
    /// `in column '...': ` where the column's heading is not the field's name.
    var column: String
}
