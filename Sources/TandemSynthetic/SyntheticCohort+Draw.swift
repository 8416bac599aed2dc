import StableMatching
import TandemCore

// The seeded draws and the rows and fields they make.
extension SyntheticCohort {
    /// Bounded and weighted draws over a ``SeededGenerator``, defined here so that the output
    /// depends on nothing but the generator's 64-bit values.
    struct Draw {
        var generator: SeededGenerator

        init(seed: UInt64) {
            generator = SeededGenerator(seed: seed)
        }

        /// A value in `0..<bound` by multiply-shift (Lemire), without the rejection step: the
        /// bias is below 2^-40 for the bounds used here.
        mutating func below(_ bound: Int) -> Int {
            Int(truncatingIfNeeded: generator.next().multipliedFullWidth(by: UInt64(bound)).high)
        }

        /// True with probability `percent` / 100.
        mutating func chance(_ percent: Int) -> Bool {
            below(100) < percent
        }

        /// An index into `table.weights`, chosen in proportion to the weights.
        mutating func pick(_ table: WeightTable) -> Int {
            var point = below(table.total)
            for (index, weight) in table.weights.enumerated() {
                if point < weight {
                    return index
                }
                point -= weight
            }
            return table.weights.count - 1
        }

        /// An element of `pool`, chosen uniformly.
        mutating func element<T>(of pool: [T]) -> T {
            pool[below(pool.count)]
        }

        /// `count` distinct themes drawn by `table` as a `"; "`-separated cell, with their bit set;
        /// themes in `excluded` are never drawn.
        mutating func themes(_ count: Int, by table: WeightTable, excluding excluded: UInt16 = 0)
            -> (cell: String, mask: UInt16)
        {
            var mask: UInt16 = 0
            var cell = ""
            var drawn = 0
            var attempts = 0
            while drawn < count {
                var theme = pick(table)
                attempts += 1
                if (mask | excluded) & (1 << theme) != 0 {
                    // The top themes take most draws; after a few misses take the most popular
                    // free one, so the loop is bounded.
                    guard attempts > 8 else { continue }
                    guard
                        let free = table.order.first(where: { (mask | excluded) & (1 << $0) == 0 })
                    else { break }
                    theme = free
                }
                mask |= 1 << theme
                if drawn > 0 {
                    cell += "; "
                }
                cell += Pools.themes[theme]
                drawn += 1
            }
            return (cell, mask)
        }

        // MARK: Rows

        mutating func mentorRow(index: Int, ids: IdentifierFormat, menteeIDs: IdentifierFormat)
            -> [String]
        {
            let culture = Pools.cultures[pick(Pools.mentorCultureWeights)]
            let name = element(of: culture.fullNames)
            let group =
                culture.groups.isEmpty || chance(35)
                ? element(of: Pools.generalGroups) : element(of: culture.groups)
            let offered = themes(2 + below(4), by: Pools.mentorThemeWeights)
            let declined =
                chance(12)
                ? themes(1, by: Pools.declinedThemeWeights, excluding: offered.mask).cell : ""
            let exclusions =
                menteeIDs.count > 0 && chance(3) ? menteeIDs.id(below(menteeIDs.count)) : ""
            return [
                ids.id(index),
                name.display,
                name.email + ".m" + String(index + 1) + "@example.org",
                group,
                Pools.towns[pick(Pools.townWeights)],
                mentorLanguages(culture),
                offered.cell,
                declined,
                availability(Pools.mentorAvailability),
                Pools.formats[pick(Pools.formatWeights)],
                Pools.capacities[pick(Pools.capacityWeights)],
                exclusions,
                preferences(from: menteeIDs),
                chance(85) ? "yes" : "no",
            ]
        }

        mutating func menteeRow(index: Int, ids: IdentifierFormat, mentorIDs: IdentifierFormat)
            -> [String]
        {
            let culture = Pools.cultures[pick(Pools.menteeCultureWeights)]
            let name = element(of: culture.fullNames)
            let employer = Pools.employers[pick(Pools.employerWeights)]
            let wanted = themes(1 + pick(Pools.wantedCountWeights), by: Pools.menteeThemeWeights)
            var exclusions =
                mentorIDs.count > 0 && chance(3) ? mentorIDs.id(below(mentorIDs.count)) : ""
            if chance(1) {
                // A commissioner who funds a community group excludes it by name.
                let group = element(of: Pools.communityGroups)
                exclusions = exclusions.isEmpty ? group : exclusions + "; " + group
            }
            return [
                ids.id(index),
                name.display,
                name.email + ".e" + String(index + 1) + "@example.org",
                element(of: employer.names),
                element(of: employer.jobTitles),
                Pools.towns[pick(Pools.townWeights)],
                menteeLanguages(culture),
                wanted.cell,
                availability(Pools.menteeAvailability),
                Pools.formats[pick(Pools.formatWeights)],
                exclusions,
                preferences(from: mentorIDs),
                chance(85) ? "yes" : "no",
            ]
        }

        // MARK: Fields

        /// A community member's languages: mostly their community language first, then English;
        /// some English first; a few without English.
        mutating func mentorLanguages(_ culture: Culture) -> String {
            guard let home = culture.languages.first else {
                return "English"
            }
            let second =
                culture.languages.count > 1 && chance(30) ? "; " + culture.languages[1] : ""
            switch below(100) {
            case ..<8: return home + second
            case ..<65: return home + "; English" + second
            default: return "English; " + home + second
            }
        }

        /// A professional's languages: English for nearly everyone, a community language often
        /// second, sometimes first.
        mutating func menteeLanguages(_ culture: Culture) -> String {
            guard let home = culture.languages.first else {
                return "English"
            }
            switch below(100) {
            case ..<60: return "English; " + home
            case ..<80: return home + "; English"
            default: return "English"
            }
        }

        /// One to three windows on different days, mostly from the person's main cluster of times.
        mutating func availability(_ profile: AvailabilityProfile) -> String {
            let count = 1 + pick(Pools.windowCountWeights)
            let main = pick(profile.clusterWeights)
            var cell = ""
            var usedDays: UInt8 = 0
            var windows = 0
            var attempts = 0
            while windows < count && attempts < 8 {
                attempts += 1
                let cluster = profile.clusters[chance(70) ? main : pick(profile.clusterWeights)]
                let day = element(
                    of: chance(cluster.rangePercent) ? cluster.dayRanges : cluster.days)
                // Windows of one person never share a day, so none overlaps another.
                guard day.mask & usedDays == 0 else { continue }
                usedDays |= day.mask
                if windows > 0 {
                    cell += "; "
                }
                appendWindow(to: &cell, day: day.label, in: cluster)
                windows += 1
            }
            return cell
        }

        /// Appends `DAY HH:MM-HH:MM` inside `cluster`, at least one 60-minute session long; times
        /// mostly on the half hour, sometimes on the quarter.
        mutating func appendWindow(to cell: inout String, day: String, in cluster: TimeCluster) {
            // Quarter hours since midnight.
            var start =
                cluster.earliestStart + 2
                * below((cluster.latestStart - cluster.earliestStart) / 2 + 1)
            if chance(20) && start < cluster.latestStart {
                start += 1
            }
            let length = cluster.shortest + 2 * below((cluster.longest - cluster.shortest) / 2 + 1)
            let end = min(start + length, cluster.latestEnd)
            start = min(start, end - 4)
            cell += day
            cell += " "
            cell += Pools.clock[start]
            cell += "-"
            cell += Pools.clock[end]
        }

        /// A ranked list of one to three distinct ids from the other side, for about 5 percent.
        mutating func preferences(from other: IdentifierFormat) -> String {
            guard other.count > 0, chance(5) else {
                return ""
            }
            let wanted = min(other.count, 1 + below(3))
            var picked: [Int] = []
            var attempts = 0
            while picked.count < wanted && attempts < 12 {
                attempts += 1
                let candidate = below(other.count)
                if !picked.contains(candidate) {
                    picked.append(candidate)
                }
            }
            return picked.map { other.id($0) }.joined(separator: "; ")
        }
    }
}
