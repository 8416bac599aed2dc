// Each type's fields in key order, absent optionals left out: the bytes of its `Codable`
// conformance (the tests compare them).

extension MatchesFile: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("acceptable_pairs", acceptablePairs)
            writer.field("algorithm", algorithm)
            writer.field("blocking_pairs", blockingPairs)
            writer.field("capacity_caps", capacityCaps)
            writer.field("cohort_events", cohortEvents)
            writer.field("insights", insights)
            writer.field("max_gap_weeks", maxGapWeeks)
            writer.field("pairs", pairs)
            writer.field("programme", programme)
            writer.field("schema_version", schemaVersion)
            writer.field("seed", seed)
            writer.field("sessions_per_pair", sessionsPerPair)
            writer.field("settings", settings)
            writer.field("stable", stable)
            writer.field("summary", summary)
            writer.field("tradeoff", tradeoff)
            writer.field("unmatched", unmatched)
            writer.field("unscheduled", unscheduled)
            writer.field("without_slot", withoutSlot)
        }
    }
}

extension MatchesFile.Programme: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("coordinator_email", coordinatorEmail)
            writer.field("coordinator_name", coordinatorName)
            writer.field("id", id)
            writer.field("name", name)
            writer.field("time_zone", timeZone)
        }
    }
}

extension MatchesFile.Settings: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("max_list_length", maxListLength)
            writer.field("minimum_score", minimumScore)
            writer.field("session_minutes", sessionMinutes)
        }
    }
}

extension MatchesFile.Summary: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("kept_pairs", keptPairs)
            writer.field("mean_score", meanScore)
            writer.field("mentees", mentees)
            writer.field("mentors", mentors)
            writer.field("pairs", pairs)
            writer.field("pairs_without_slot", pairsWithoutSlot)
            writer.field("spare_mentor_places", spareMentorPlaces)
            writer.field("unmatched_mentees", unmatchedMentees)
            writer.field("unmatched_mentors", unmatchedMentors)
        }
    }
}

extension MatchesFile.CapacityCap: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("mentor", mentor)
            writer.field("mentor_name", mentorName)
            writer.field("offered", offered)
            writer.field("usable", usable)
        }
    }
}

extension MatchesFile.TradeOffEntry: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("coverage_maximises_score", coverageMaximisesScore)
            writer.field("maximum_pairs", maximumPairs)
            writer.field("options", options)
        }
    }
}

extension MatchesFile.TradeOffEntry.Option: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("blocking_pairs", blockingPairs)
            writer.field("chosen", chosen)
            writer.field("mean_mentee_rank", meanMenteeRank)
            writer.field("mean_mentor_rank", meanMentorRank)
            writer.field("mean_score", meanScore)
            writer.field("name", name)
            writer.field("pairs", pairs)
            writer.field("total_score", totalScore)
        }
    }
}

extension MatchesFile.Pair: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("kept", kept)
            writer.field("location", location)
            writer.field("longest_gap_weeks", longestGapWeeks)
            writer.field("mentee", mentee)
            writer.field("mentee_file", menteeFile)
            writer.field("mentee_name", menteeName)
            writer.field("mentee_rank", menteeRank)
            writer.field("mentor", mentor)
            writer.field("mentor_file", mentorFile)
            writer.field("mentor_name", mentorName)
            writer.field("mentor_rank", mentorRank)
            writer.field("online", online)
            writer.field("reasons", reasons)
            writer.field("score", score)
            writer.field("series", series)
            writer.field("sessions", sessions)
            writer.field("short_by", shortBy)
            writer.field("slot", slot)
            writer.field("uid", uid)
            writer.field("warnings", warnings)
        }
    }
}

extension MatchesFile.Reason: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("code", code)
            writer.field("format", format)
            writer.field("languages", languages)
            writer.field("more_windows", moreWindows)
            writer.field("rank", rank)
            writer.field("text", text)
            writer.field("themes", themes)
            writer.field("town", town)
            writer.field("windows", windows)
        }
    }
}

extension MatchesFile.Window: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("day", day)
            writer.field("end", end)
            writer.field("start", start)
        }
    }
}

extension MatchesFile.Slot: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("start", start)
            writer.field("weekday", weekday)
        }
    }
}

extension MatchesFile.Session: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("end", end)
            writer.field("start", start)
        }
    }
}

extension MatchesFile.Series: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("cadence", cadence)
            writer.field("duration_minutes", durationMinutes)
            writer.field("first_start", firstStart)
            writer.field("interval", interval)
            writer.field("issued", issued)
            writer.field("mentee_email", menteeEmail)
            writer.field("mentor_email", mentorEmail)
            writer.field("occurrence_count", occurrenceCount)
            writer.field("ordinal", ordinal)
            writer.field("sequence", sequence)
            writer.field("skipped", skipped)
        }
    }
}

extension MatchesFile.Unmatched: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("details", details)
            writer.field("id", id)
            writer.field("name", name)
            writer.field("reason", reason)
            writer.field("reason_code", reasonCode)
            writer.field("side", side)
        }
    }
}

extension MatchesFile.Details: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("candidates", candidates)
            writer.field("end_date", endDate)
            writer.field("first_choice", firstChoice)
            writer.field("first_choice_name", firstChoiceName)
            writer.field("free_places", freePlaces)
            writer.field("left_off", leftOff)
            writer.field("mentor", mentor)
            writer.field("mentor_name", mentorName)
            writer.field("of", of)
            writer.field("partner", partner)
            writer.field("partner_name", partnerName)
            writer.field("places", places)
            writer.field("rank_there", rankThere)
            writer.field("rules", rules)
            writer.field("session_minutes", sessionMinutes)
            writer.field("slot_reason", slotReason)
        }
    }
}

extension MatchesFile.RuleEntry: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("count", count)
            writer.field("rule", rule)
        }
    }
}

extension MatchesFile.Unscheduled: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("end_date", endDate)
            writer.field("mentee", mentee)
            writer.field("mentor", mentor)
            writer.field("mentor_name", mentorName)
            writer.field("reason", reason)
            writer.field("reason_code", reasonCode)
            writer.field("session_minutes", sessionMinutes)
        }
    }
}

extension MatchesFile.Event: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("duration_minutes", durationMinutes)
            writer.field("issued", issued)
            writer.field("location", location)
            writer.field("start", start)
            writer.field("title", title)
            writer.field("uid", uid)
        }
    }
}

extension MatchesFile.Insights: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("calendar_end", calendarEnd)
            writer.field("calendar_start", calendarStart)
            writer.field("closed_dates", closedDates)
            writer.field("disclosure", disclosure)
            writer.field("history", history)
            writer.field("people", people)
            writer.field("relaxations", relaxations)
            writer.field("reserve", reserve)
            writer.field("spare_places", sparePlaces)
            writer.field("suggestions", suggestions)
        }
    }
}

extension MatchesFile.ClosedDay: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("date", date)
            writer.field("reason", reason)
        }
    }
}

extension MatchesFile.Disclosure: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("round_to", roundTo)
            writer.field("suppress_below", suppressBelow)
        }
    }
}

extension MatchesFile.History: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("ended_early", endedEarly)
            writer.field("late_joiners", lateJoiners)
            writer.field("rematched", rematched)
            writer.field("runs", runs)
        }
    }
}

extension MatchesFile.ReasonCount: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("count", count)
            writer.field("reason", reason)
        }
    }
}

extension MatchesFile.Person: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("first_language", firstLanguage)
            writer.field("id", id)
            writer.field("organisation", organisation)
            writer.field("organisation_type", organisationType)
            writer.field("places", places)
            writer.field("side", side)
            writer.field("town", town)
        }
    }
}

extension MatchesFile.Relaxation: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("extra_pairs", extraPairs)
            writer.field("pairs_removed", pairsRemoved)
            writer.field("pairs_with_rule", pairsWithRule)
            writer.field("pairs_without_rule", pairsWithoutRule)
            writer.field("rule", rule)
        }
    }
}

extension MatchesFile.ReserveEntry: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("best_mentor", bestMentor)
            writer.field("best_score", bestScore)
            writer.field("candidates", candidates)
            writer.field("mentee", mentee)
            writer.field("position", position)
        }
    }
}

extension MatchesFile.SparePlace: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("mentor", mentor)
            writer.field("places", places)
            writer.field("spare", spare)
            writer.field("taken", taken)
        }
    }
}

extension MatchesFile.Suggestion: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("change", change)
            writer.field("displaces_someone", displacesSomeone)
            writer.field("mentee", mentee)
            writer.field("mentor", mentor)
            writer.field("people_affected", peopleAffected)
            writer.field("score", score)
        }
    }
}

extension MatchesFile.Change: JSONFileWritable {
    func write(to writer: inout JSONFileWriter) {
        writer.object { writer in
            writer.field("code", code)
            writer.field("day", day)
            writer.field("end", end)
            writer.field("language", language)
            writer.field("minimum_score", minimumScore)
            writer.field("side", side)
            writer.field("start", start)
        }
    }
}
