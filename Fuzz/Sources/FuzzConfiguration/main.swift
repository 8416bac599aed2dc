import FuzzSupport
import TandemCore
import TandemInput

/// Any text as `tandem.yaml`: a configuration whose named periods all make an availability
/// parser (the loader checked them), or a data error with a message. (Reading twice to check
/// determinism would halve the executions of the slowest target.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let file = "fuzz.yaml"
    do throws(TandemFailure) {
        let configuration = try ConfigurationLoader.parse(text, file: file)
        do throws(TandemFailure) {
            _ = try configuration.availabilityParser(file: file)
        } catch {
            require(false, "a period the loader accepted makes a parser: \(error)")
        }
    } catch {
        requireDataError(error, file: file)
    }
    return 0
}
