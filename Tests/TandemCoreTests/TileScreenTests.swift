import StableMatching
import TandemSynthetic
import Testing

@testable import TandemCore

/// The tile screen against the per-pair summary test it stands for.
@Suite("Screening a tile of mentors at once")
struct TileScreenTests {
    /// Tiles of several sizes, each starting on a multiple of 64, the last one partial.
    static func tiles(count: Int) -> [Range<Int>] {
        var tiles: [Range<Int>] = []
        var start = 0
        var size = 64
        while start < count {
            tiles.append(start..<min(count, start + size))
            start += size
            size = size == 64 ? 128 : 64
        }
        return tiles
    }

    static func check(_ compiled: CompiledCohort) -> Int {
        let screen = MentorScreen(compiled)
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: 3)
        defer { words.deallocate() }
        let candidates = UnsafeMutablePointer<Int32>.allocate(capacity: 128)
        defer { candidates.deallocate() }
        var passed = 0
        screen.forEachMenteeView(of: compiled) { mentee, view in
            for tile in Self.tiles(count: screen.count) {
                let found = screen.tiles.candidates(tile, view, words: words, into: candidates)
                let expected = tile.filter { screen.passesScreen($0, view) }.map(Int32.init)
                #expect(Array(UnsafeBufferPointer(start: candidates, count: found)) == expected, "mentee \(mentee), \(tile)")
                passed += expected.count
            }
        }
        return passed
    }

    @Test(arguments: [true, false])
    func itFindsExactlyTheMentorsThePairTestPasses(rulesOn: Bool) {
        let cohort = PreferenceBuilderTests.randomCohort(seed: 41, mentors: 300, mentees: 60)
        let rules = HardConstraints(sameOrganisation: rulesOn, exclusions: rulesOn, format: rulesOn)
        let passed = Self.check(CompiledCohort(cohort: cohort, policy: MatchingPolicy(constraints: rules, seed: 1)))
        // Some pairs pass and some do not: the test can tell a wrong set.
        #expect(passed > 0)
        #expect(passed < 300 * 60)
    }

    @Test func itFindsExactlyTheMentorsThePairTestPassesInAGeneratedCohort() throws {
        let generated = SyntheticCohort.generate(mentees: 80, mentors: 400, seed: 5)
        let cohort = try #require(SyntheticCohortParsing.cohort(generated))
        let passed = Self.check(CompiledCohort(cohort: cohort, policy: MatchingPolicy(seed: 2)))
        #expect(passed > 0)
        #expect(passed < 400 * 80)
    }
}
