import Foundation
import TandemCore

extension SignupReader {
    /// Finds people who signed up twice in one file (same e-mail, or same name and
    /// organisation): both rows are reported, or with `input.duplicates: latest` the earlier
    /// submission is dropped with a warning.
    mutating func removeDuplicates(_ rows: inout [Row], file: String) {
        let keepLatest = configuration.input.duplicates == .latest
        let monthFirst = keepLatest && Self.writesMonthFirst(rows.map(\.submitted))
        // Two indexes rather than one of concatenated keys: this runs for every row.
        var byEmail = [String: Int](minimumCapacity: rows.count)
        var byName = [NameKey: Int]()
        let emails = rows.map(emailKey)
        // Two rows with different e-mails are different people, so names only need comparing
        // when some row has no e-mail (never, in most large files).
        let comparesNames = emails.contains { $0.isEmpty }
        var dropped = Set<Int>()
        for index in rows.indices {
            let email = emails[index]
            let name = comparesNames ? nameKey(rows[index]) : nil
            var match: (earlier: Int, reason: Reason)?
            if !email.isEmpty, let earlier = byEmail[email] {
                match = (earlier, .email)
            } else if let name, let earlier = byName[name] {
                // Namesakes in one organisation with different e-mails are different people.
                if email.isEmpty || emails[earlier].isEmpty || email == emails[earlier] {
                    match = (earlier, .nameAndOrganisation)
                }
            }
            guard let match else {
                if !email.isEmpty, byEmail[email] == nil { byEmail[email] = index }
                if let name, byName[name] == nil { byName[name] = index }
                continue
            }
            let earlier = match.earlier
            let reason = match.reason.text(for: rows[index], organisations: configuration.organisations)
            guard keepLatest else {
                rowError(
                    file: file, line: rows[index].line, field: "email",
                    "looks like a second sign-up from the person at line \(rows[earlier].line) (\(reason)); delete the row you do not want, or set input.duplicates: latest to keep the later one"
                )
                continue
            }
            let later = Self.isLater(rows[earlier], than: rows[index], monthFirst: monthFirst) ? earlier : index
            let gone = later == index ? earlier : index
            dropped.insert(gone)
            droppedDuplicates.insert("\(file):\(rows[gone].line)")
            problems.append(
                InputProblem(
                    .warning, file: file, line: rows[gone].line, field: "email",
                    message:
                        "left out: an earlier sign-up from the same person as line \(rows[later].line) (\(reason)), which is kept (input.duplicates: latest)"
                ))
            for row in [earlier, index] {
                if !emails[row].isEmpty { byEmail[emails[row]] = later }
                if comparesNames, let key = nameKey(rows[row]) { byName[key] = later }
            }
        }
        if !dropped.isEmpty { rows = rows.enumerated().filter { !dropped.contains($0.offset) }.map(\.element) }
    }

    /// A person's name (without case or accents) and organisation (by its configured name).
    struct NameKey: Hashable {
        var name: String
        var organisation: String
    }

    private func nameKey(_ row: Row) -> NameKey? {
        let name = row["name"]
        guard !name.isEmpty else { return nil }
        return NameKey(
            name: Self.folded(name), organisation: TextKey.normalise(configuration.organisations.canonical(row["organisation"])))
    }

    private func emailKey(_ row: Row) -> String {
        let email = row["email"]
        return email.isEmpty || Self.isAnonymous(email) ? "" : TextKey.normalise(email)
    }

    /// Why two rows look like one person; worded only when they do (the check runs for every row).
    enum Reason {
        case email, nameAndOrganisation

        func text(for row: Row, organisations: OrganisationAliases) -> String {
            switch self {
            case .email: return "same e-mail '\(row["email"])'"
            case .nameAndOrganisation:
                let organisation = organisations.canonical(row["organisation"])
                return "same name '\(row["name"])'" + (organisation.isEmpty ? "" : " and organisation '\(organisation)'")
            }
        }
    }

    /// A name compared without case or accents (`José` and `jose`).
    static func folded(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return TextKey.normalise(text) }
        return TextKey.normalise(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
    }

    /// Whether `row` was submitted after `other`: by the submission times when both can be
    /// read, else by position in the file.
    static func isLater(_ row: Row, than other: Row, monthFirst: Bool) -> Bool {
        if let time = submissionOrder(row.submitted, monthFirst: monthFirst),
            let otherTime = submissionOrder(other.submitted, monthFirst: monthFirst), time != otherTime
        {
            return time > otherTime
        }
        return row.line > other.line
    }

    /// Whether a column of `day/month/year` or `month/day/year` times is the US order: some
    /// second number is over 12 and no first one is.
    static func writesMonthFirst(_ times: [String]) -> Bool {
        var firstOver12 = false
        var secondOver12 = false
        for time in times {
            let numbers = time.split(whereSeparator: { !$0.isNumber }).prefix(3).compactMap { Int($0) }
            guard numbers.count == 3, numbers[0] < 100 else { continue }
            firstOver12 = firstOver12 || numbers[0] > 12
            secondOver12 = secondOver12 || numbers[1] > 12
        }
        return secondOver12 && !firstOver12
    }

    /// A sortable number for a submission time: `2026-11-03 14:05:12` (Microsoft Forms, ISO),
    /// `03/11/2026 14:05:12` (Google Forms in a UK locale, or `11/03/2026` with `monthFirst`),
    /// or an Excel serial day number.
    static func submissionOrder(_ text: String, monthFirst: Bool = false) -> Double? {
        if let serial = Double(text) { return serial }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Double($0) }
        guard numbers.count >= 3 else { return nil }
        var (year, month, day) = (numbers[0], numbers[1], numbers[2])
        if numbers[0] < 100 {
            (day, month, year) = monthFirst ? (numbers[1], numbers[0], numbers[2]) : (numbers[0], numbers[1], numbers[2])
        }
        let clock = numbers.dropFirst(3) + [0, 0, 0]
        let parts = [year, month, day] + Array(clock.prefix(3))
        return parts.reduce(0) { $0 * 100 + $1 }
    }
}
