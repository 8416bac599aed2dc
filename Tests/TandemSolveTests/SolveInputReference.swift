import Foundation
import StableMatching
import TandemCore

@testable import TandemSolve

/// A second, independent reader of the `tandem solve` format (`JSONDecoder`, then dictionaries),
/// kept only as the tests' reference for ``SolveInstanceReader``.
extension SolveInput {
    /// Reads the format from JSON bytes; `file` names the source in messages.
    /// - Throws: ``TandemFailure`` (65) for malformed JSON or an inconsistent instance.
    static func decode(_ data: Data, file: String) throws(TandemFailure) -> SolveInput {
        do {
            return try JSONDecoder().decode(SolveInput.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: file, field: key.stringValue,
                    message: "is missing; the input needs \"mentees\", \"mentors\" and \"capacities\""))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw TandemFailure(
                .dataError,
                problem: InputProblem(
                    file: file,
                    field: context.codingPath.map(\.stringValue).joined(separator: "."),
                    message: "has the wrong type; lists of ids are expected for preferences and whole numbers for capacities"))
        } catch {
            throw TandemFailure(.dataError, problem: InputProblem(file: file, message: "is not valid JSON (\(error))"))
        }
    }

    /// The instance with ids in sorted order as dense indices.
    /// - Throws: ``TandemFailure`` (65) listing every unknown id, duplicate, missing or negative capacity.
    func instance(file: String) throws(TandemFailure) -> (
        instance: MatchingInstance, menteeIDs: [String], mentorIDs: [String]
    ) {
        let menteeIDs = mentees.keys.sorted()
        let mentorIDs = Set(mentors.keys).union(capacities.keys).sorted()
        let menteeIndex = Dictionary(uniqueKeysWithValues: menteeIDs.enumerated().map { ($1, Int32($0)) })
        let mentorIndex = Dictionary(uniqueKeysWithValues: mentorIDs.enumerated().map { ($1, Int32($0)) })
        var problems: [InputProblem] = []
        func indices(_ list: [String], owner: String, lookup: [String: Int32], side: String) -> [Int32] {
            var seen = Set<String>()
            return list.compactMap { id in
                guard let index = lookup[id] else {
                    problems.append(InputProblem(file: file, field: owner, message: "lists '\(id)', which is not a \(side)"))
                    return nil
                }
                guard seen.insert(id).inserted else {
                    problems.append(InputProblem(file: file, field: owner, message: "lists '\(id)' twice"))
                    return nil
                }
                return index
            }
        }
        let residentPreferences = menteeIDs.map {
            indices(mentees[$0] ?? [], owner: "mentees.\($0)", lookup: mentorIndex, side: "mentor")
        }
        let hospitalPreferences = mentorIDs.map {
            indices(mentors[$0] ?? [], owner: "mentors.\($0)", lookup: menteeIndex, side: "mentee")
        }
        let capacityValues = mentorIDs.map { id -> Int32 in
            guard let capacity = capacities[id] else {
                problems.append(
                    InputProblem(file: file, field: "capacities.\(id)", message: "is missing; every mentor needs a capacity"))
                return 0
            }
            guard capacity >= 0, capacity <= Int(Int32.max) else {
                problems.append(InputProblem(file: file, field: "capacities.\(id)", message: "must be 0 or more"))
                return 0
            }
            return Int32(capacity)
        }
        for id in menteeIDs where mentorIndex[id] != nil {
            problems.append(InputProblem(file: file, field: id, message: "is both a mentee and a mentor; ids must be unique"))
        }
        guard problems.isEmpty else {
            throw TandemFailure(.dataError, "\(file): the instance has \(problems.count) problem(s)", problems: problems)
        }
        do {
            let instance = try MatchingInstance(
                residentPreferences: residentPreferences, hospitalPreferences: hospitalPreferences, capacities: capacityValues)
            return (instance, menteeIDs, mentorIDs)
        } catch {
            throw TandemFailure(.dataError, problem: InputProblem(file: file, message: "is not a valid instance: \(error)"))
        }
    }
}
