import Foundation
import StableMatching
import Testing

@testable import TandemCalendar

/// libical's restriction check runs once for each ``RestrictionSignature`` in a file, so a
/// coordinator's file of thousands of alike events costs a handful of checks; what it finds
/// must not change.
@Suite("The restriction check of a large calendar")
struct RestrictionSignatureTests {
    /// The sample coordinator's file with its events repeated under new UIDs: 450 events.
    static let large: String = {
        let text = CalendarCheckTests.good
        guard let first = text.range(of: "BEGIN:VEVENT\r\n"), let last = text.range(of: "END:VCALENDAR\r\n") else {
            return ""
        }
        let events = text[first.lowerBound..<last.lowerBound].components(separatedBy: "BEGIN:VEVENT\r\n").filter {
            !$0.isEmpty
        }
        var body = ""
        for copy in 0..<75 {
            // Each event begins with its UID.
            for event in events { body += "BEGIN:VEVENT\r\nUID:c\(copy)-" + event.dropFirst("UID:".count) }
        }
        return String(text[..<first.lowerBound]) + body + String(text[last.lowerBound...])
    }()

    /// `large` with `change` made to the lines of the events whose UID starts with each of
    /// `prefixes`.
    static func changing(_ prefixes: [String], _ change: ([Substring]) -> [Substring]) -> String {
        var events = large.components(separatedBy: "BEGIN:VEVENT\r\n")
        for index in events.indices where prefixes.contains(where: { events[index].hasPrefix("UID:" + $0) }) {
            events[index] = change(events[index].split(separator: "\r\n", omittingEmptySubsequences: false))
                .joined(separator: "\r\n")
        }
        return events.joined(separator: "BEGIN:VEVENT\r\n")
    }

    static func withoutOrganizer(inEventsStarting prefixes: [String]) -> String {
        changing(prefixes) { lines in lines.filter { !$0.hasPrefix("ORGANIZER") } }
    }

    @Test func aLargeGoodFileIsClean() {
        #expect(Self.large.components(separatedBy: "BEGIN:VEVENT").count - 1 == 450)
        #expect(CalendarCheck.problems(in: Data(Self.large.utf8)) == [])
    }

    @Test func anEventWithoutOrganizerAnywhereIsNamed() throws {
        let damaged = Self.withoutOrganizer(inEventsStarting: ["c0-", "c74-"])
        let problems = CalendarCheck.problems(in: Data(damaged.utf8))
        let restrictions = problems.filter { $0.contains("ORGANIZER") }
        let first = try #require(restrictions.first)
        let last = try #require(restrictions.last)
        #expect(first.contains("c0-"), "\(problems)")
        #expect(last.contains("c74-"), "\(problems)")
        // Each damaged copy's events, and only they, are named.
        #expect(restrictions.allSatisfy { $0.contains("c0-") || $0.contains("c74-") }, "\(problems)")
    }

    /// The bad event has the same properties as its good neighbours, in the same order: only
    /// its STATUS value, which the check reads, tells it apart.
    @Test func aStatusThePublishMethodForbidsIsFoundAmongAlikeEvents() throws {
        #expect(Self.large.contains("STATUS:CONFIRMED\r\n"))
        let damaged = Self.changing(["c40-"]) { lines in
            lines.map { $0 == "STATUS:CONFIRMED" ? "STATUS:DRAFT" : $0 }
        }
        let problems = CalendarCheck.problems(in: Data(damaged.utf8)).filter { $0.contains("STATUS") }
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.contains("c40-") }, "\(problems)")
    }

    @Test func damagedEventsReadTheSameInALargeFileAsInASmallOne() {
        let large = Self.withoutOrganizer(inEventsStarting: ["c3-"])
        let problems = CalendarCheck.problems(in: Data(large.utf8)).filter { $0.contains("ORGANIZER") }
        var oneCopy = CalendarCheckTests.good
        oneCopy = oneCopy.replacingOccurrences(of: "\r\nUID:", with: "\r\nUID:c3-")
        oneCopy = oneCopy.split(separator: "\r\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("ORGANIZER") }
            .joined(separator: "\r\n")
        let alone = CalendarCheck.problems(in: Data(oneCopy.utf8)).filter { $0.contains("ORGANIZER") }
        #expect(!alone.isEmpty)
        #expect(problems == alone)
    }

    /// The premise, held against the installed libical: random events that differ in every value
    /// the signature leaves out (times, texts, numbers, addresses, rules) get the same verdict
    /// and the same messages from libical's check, under every method.
    @Test(arguments: [UInt64(1), 2, 3])
    func eventsAlikeToTheSignatureGetTheSameVerdict(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var verdicts: [Bool] = []
        for _ in 0..<150 {
            let shape = RandomEvent.shape(using: &random)
            let method = RandomEvent.methods.randomElement(using: &random) ?? "PUBLISH"
            let texts = [
                RandomEvent.calendar(method: method, shape: shape, using: &random),
                RandomEvent.calendar(method: method, shape: shape, using: &random),
            ]
            let checked = LibicalGate.run {
                texts.map { text -> (signature: RestrictionSignature, problems: [String])? in
                    guard let calendar = Component.parse(text),
                        let event = LibicalTree.children(of: calendar.raw).first
                    else { return nil }
                    return (RestrictionSignature(of: event), CalendarCheck.restrictionProblems(calendar.raw))
                }
            }
            let first = try #require(checked[0])
            let second = try #require(checked[1])
            #expect(first.signature == second.signature, "\(texts)")
            #expect(first.problems == second.problems, "\(texts)")
            verdicts.append(first.problems.isEmpty)
        }
        // Both verdicts occur, so the comparison means something.
        #expect(verdicts.contains(true) && verdicts.contains(false))
    }

    @Test func theSignatureTellsApartWhatTheCheckReads() {
        let base = "UID:a\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270105T100000Z\r\nSTATUS:CONFIRMED\r\n"
        let variants = [
            base,
            base.replacingOccurrences(of: "STATUS:CONFIRMED", with: "STATUS:TENTATIVE"),
            base + "DURATION:PT1H\r\n",
            base + "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\n",
            base + "BEGIN:VALARM\r\nACTION:AUDIO\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\n",
        ]
        let signatures = LibicalGate.run {
            variants.compactMap { event -> RestrictionSignature? in
                let text = RandomEvent.calendar(method: "PUBLISH", events: "BEGIN:VEVENT\r\n" + event + "END:VEVENT\r\n")
                guard let calendar = Component.parse(text) else { return nil }
                return LibicalTree.children(of: calendar.raw).first.map { RestrictionSignature(of: $0) }
            }
        }
        #expect(signatures.count == variants.count)
        #expect(Set(signatures).count == variants.count)
    }
}

/// Random events for the premise test: a shape (the properties in order, with the STATUS and
/// ACTION values, and any alarm) and, for each copy, fresh values for everything else.
private enum RandomEvent {
    static let methods = ["PUBLISH", "REQUEST", "REPLY", "ADD", "CANCEL", "REFRESH", "COUNTER", "DECLINECOUNTER"]

    static let names = [
        "UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SUMMARY", "ORGANIZER", "ATTENDEE", "SEQUENCE", "STATUS",
        "LOCATION", "DESCRIPTION", "RRULE", "RECURRENCE-ID", "EXDATE", "PRIORITY", "CLASS", "TRANSP", "URL", "CONTACT",
        "COMMENT", "REQUEST-STATUS", "CATEGORIES", "X-TANDEM-NOTE",
    ]
    static let statuses = ["TENTATIVE", "CONFIRMED", "CANCELLED", "DRAFT", "FINAL", "NEEDS-ACTION", "COMPLETED"]
    static let actions = ["DISPLAY", "AUDIO", "EMAIL"]

    struct Shape {
        /// Property names in order, a STATUS name carrying its value (`STATUS:DRAFT`).
        var properties: [String]
        /// An alarm's ACTION, whether it has REPEAT and DURATION.
        var alarm: (action: String, repeats: Bool)?
    }

    static func shape(using random: inout SeededGenerator) -> Shape {
        var properties: [String] = []
        for name in names {
            // The usual ones mostly once, the rest mostly missing; sometimes missing or twice, so
            // that most events break a rule and some (about one in twelve) pass.
            let usual = ["DTSTAMP", "DTSTART", "SUMMARY", "ORGANIZER", "SEQUENCE"].contains(name)
            let choices = usual ? [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2] : [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2]
            let copies = choices.randomElement(using: &random) ?? 1
            for _ in 0..<(name == "UID" ? 1 : copies) {
                properties.append(
                    name == "STATUS" ? "STATUS:" + (statuses.randomElement(using: &random) ?? "") : name)
            }
        }
        properties.shuffle(using: &random)
        let alarm = Bool.random(using: &random) ? (actions.randomElement(using: &random) ?? "", Bool.random(using: &random)) : nil
        return Shape(properties: properties, alarm: alarm)
    }

    static func calendar(method: String, shape: Shape, using random: inout SeededGenerator) -> String {
        var event = "BEGIN:VEVENT\r\n"
        for name in shape.properties { event += line(name, using: &random) }
        if let alarm = shape.alarm {
            event += "BEGIN:VALARM\r\nACTION:\(alarm.action)\r\nTRIGGER:-PT\(Int.random(in: 1...90, using: &random))M\r\n"
            event += "DESCRIPTION:\(word(using: &random))\r\n"
            if alarm.repeats { event += "REPEAT:\(Int.random(in: 1...4, using: &random))\r\nDURATION:PT5M\r\n" }
            event += "END:VALARM\r\n"
        }
        return calendar(method: method, events: event + "END:VEVENT\r\n")
    }

    static func calendar(method: String, events: String) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//Tests//EN\r\nMETHOD:\(method)\r\n" + events
            + "END:VCALENDAR\r\n"
    }

    private static func line(_ name: String, using random: inout SeededGenerator) -> String {
        let value: String
        switch name {
        case let status where status.hasPrefix("STATUS:"): return status + "\r\n"
        case "UID": value = "same-uid@tandem.test"
        case "DTSTAMP", "DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE": value = time(using: &random)
        case "DURATION": value = "PT\(Int.random(in: 15...120, using: &random))M"
        case "ORGANIZER", "ATTENDEE": value = "mailto:\(word(using: &random))@example.org"
        case "SEQUENCE", "PRIORITY": value = String(Int.random(in: 0...9, using: &random))
        case "RRULE":
            let frequency = ["DAILY", "WEEKLY", "MONTHLY"].randomElement(using: &random) ?? "WEEKLY"
            value = "FREQ=\(frequency);COUNT=\(Int.random(in: 1...12, using: &random))"
        case "CLASS": value = ["PUBLIC", "PRIVATE", "CONFIDENTIAL"].randomElement(using: &random) ?? "PUBLIC"
        case "TRANSP": value = ["OPAQUE", "TRANSPARENT"].randomElement(using: &random) ?? "OPAQUE"
        case "URL": value = "https://example.org/\(word(using: &random))"
        case "REQUEST-STATUS": value = ["2.0;Success", "3.1;Invalid property value"].randomElement(using: &random) ?? ""
        default: value = word(using: &random)
        }
        return "\(name):\(value)\r\n"
    }

    private static func time(using random: inout SeededGenerator) -> String {
        let day = Int.random(in: 1...28, using: &random)
        let hour = Int.random(in: 0...23, using: &random)
        let zulu = Bool.random(using: &random) ? "Z" : ""
        return String(format: "202701%02dT%02d0000", day, hour) + zulu
    }

    private static func word(using random: inout SeededGenerator) -> String {
        String((0..<Int.random(in: 1...12, using: &random)).map { _ in "abcdefghij".randomElement(using: &random) ?? "a" })
    }
}
