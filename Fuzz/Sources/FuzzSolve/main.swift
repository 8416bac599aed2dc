import Foundation
import FuzzSupport
import StableMatching
import TandemCore
import TandemSolve

/// Any bytes as `tandem solve` input: an instance whose ids and lists agree in size and whose
/// entries index real people, or a data error with a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSolve(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Data(fuzzBytes(data, size))
    let file = "fuzz.json"
    do throws(TandemFailure) {
        let parsed = try SolveInstanceReader.parse(bytes, file: file)
        let instance = parsed.instance
        require(parsed.menteeIDs.count == instance.residentCount, "one id per mentee")
        require(parsed.mentorIDs.count == instance.hospitalCount, "one id per mentor")
        require(Set(parsed.menteeIDs).count == parsed.menteeIDs.count, "mentee ids are distinct")
        require(Set(parsed.mentorIDs).count == parsed.mentorIDs.count, "mentor ids are distinct")
        for mentee in 0..<instance.residentCount {
            for mentor in instance.hospitals(preferredBy: mentee) {
                require(mentor >= 0 && Int(mentor) < instance.hospitalCount, "a mentee lists a real mentor")
                require(instance.rank(ofResident: mentee, forHospital: Int(mentor)) != nil, "entries are mutual")
            }
        }
        require(instance.capacities.allSatisfy { $0 >= 0 }, "capacities are 0 or more")
        if let weights = parsed.pairWeights {
            require(weights.residentEntryWeights.count == instance.entryCount, "one weight per entry")
        }
        let again = try SolveInstanceReader.parse(bytes, file: file)
        require(
            again.menteeIDs == parsed.menteeIDs && again.mentorIDs == parsed.mentorIDs
                && again.instance.residentLists == instance.residentLists,
            "reading is deterministic")
    } catch {
        requireDataError(error, file: file)
    }
    return 0
}
