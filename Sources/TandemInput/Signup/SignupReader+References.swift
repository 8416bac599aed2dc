import TandemCore

extension SignupReader {
    /// Ids unique across both files; preferences and exclusions naming someone who exists.
    mutating func checkIdentifiers(mentorRows: [Row], menteeRows: [Row], mentors: [Mentor], mentees: [Mentee]) {
        let mentorFile = mentorFileName
        let menteeFile = menteeFileName
        // Loops by index below: iterating zipped or concatenated arrays copied every row and
        // person (a dozen strings each), which dominated these checks for a large cohort.
        var firstSeen = [String: (file: String, line: Int)](minimumCapacity: mentorRows.count + menteeRows.count)
        for (rows, file) in [(mentorRows, mentorFile), (menteeRows, menteeFile)] {
            for row in rows where !row["id"].isEmpty {
                let key = TextKey.normalise(row["id"])
                if let earlier = firstSeen[key] {
                    rowError(
                        file: file, line: row.line, field: "id",
                        "'\(row["id"])' is already used at \(earlier.file):\(earlier.line); ids must be unique across both files")
                } else {
                    firstSeen[key] = (file, row.line)
                }
            }
        }
        var mentorIDs = Set<String>(minimumCapacity: mentors.count)
        var menteeIDs = Set<String>(minimumCapacity: mentees.count)
        var organisations = Set<String>()
        for index in mentors.indices {
            mentorIDs.insert(TextKey.normalise(mentors[index].id))
            organisations.insert(TextKey.normalise(mentors[index].organisation))
        }
        for index in mentees.indices {
            menteeIDs.insert(TextKey.normalise(mentees[index].id))
            organisations.insert(TextKey.normalise(mentees[index].organisation))
        }
        for index in mentorRows.indices where index < mentors.count {
            let line = mentorRows[index].line
            checkReferences(
                mentors[index].preferredMentees, known: menteeIDs, side: "mentee", field: "preferred_mentees", file: mentorFile,
                line: line)
            checkExclusions(
                mentors[index].exclusions, known: menteeIDs, organisations: organisations, file: mentorFile, line: line)
        }
        for index in menteeRows.indices where index < mentees.count {
            let line = menteeRows[index].line
            checkReferences(
                mentees[index].preferredMentors, known: mentorIDs, side: "mentor", field: "preferred_mentors", file: menteeFile,
                line: line)
            checkExclusions(
                mentees[index].exclusions, known: mentorIDs, organisations: organisations, file: menteeFile, line: line)
        }
    }

    private mutating func checkReferences(
        _ ids: [String], known: Set<String>, side: String, field: String, file: String, line: Int
    ) {
        for id in ids where !known.contains(TextKey.normalise(id)) {
            if setAside.contains(TextKey.normalise(id)) {
                problems.append(
                    InputProblem(
                        .warning, file: file, line: line, field: field,
                        message: column(of: field, in: file)
                            + "'\(id)' is left out of this run because of problems in their row, so this has no effect"))
                continue
            }
            rowError(
                file: file, line: line, field: field, "'\(id)' is not the id of any \(side); use ids from the \(side)s file")
        }
    }

    private mutating func checkExclusions(
        _ entries: [String], known: Set<String>, organisations: Set<String>, file: String, line: Int
    ) {
        for entry in entries
        where !known.contains(TextKey.normalise(entry)) && !organisations.contains(TextKey.normalise(entry))
            && !setAside.contains(TextKey.normalise(entry))
        {
            problems.append(
                InputProblem(
                    .warning, file: file, line: line, field: "exclusions",
                    message: column(of: "exclusions", in: file)
                        + "'\(entry)' matches no id on the other side and no organisation; it has no effect"))
        }
    }
}
