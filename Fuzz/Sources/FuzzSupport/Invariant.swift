import TandemCore

/// Stops the run with a message when an invariant fails: libFuzzer records the input that
/// did it as a crash, so a broken invariant is found like a trap.
public func require(_ condition: @autoclosure () -> Bool, _ invariant: String) {
    if !condition() { fatalError("invariant broken: \(invariant)") }
}

/// A reader's refusal must be a user-facing data error with something to say: never a
/// software failure (a bug), and never an empty message.
public func requireDataError(_ failure: TandemFailure, file: String) {
    require(failure.kind == .dataError, "input is refused as a data error, not \(failure.kind)")
    require(!failure.summary.isEmpty && !failure.description.isEmpty, "the refusal has a message")
    require(failure.problems.allSatisfy { $0.file == file }, "every problem names the file read")
}

/// The input bytes libFuzzer passes (its pointer may be `nil` when `size` is 0).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
