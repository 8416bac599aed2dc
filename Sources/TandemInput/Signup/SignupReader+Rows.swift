import StableMatching
import TandemCore

/// What reading one row found wrong, kept apart from the reader so that rows can be read side
/// by side and their problems recorded afterwards in row order.
struct RowFindings {
    enum Finding {
        case error(field: String?, message: String)
        case unknownAnswer(answer: String, field: String, severity: InputProblem.Severity, problem: String)
    }

    private(set) var findings: [Finding] = []

    /// An error in the row (see ``SignupReader/rowError(file:line:field:_:)``).
    mutating func error(field: String?, _ message: String) {
        findings.append(.error(field: field, message: message))
    }

    /// An answer the row gives that cannot be used (see
    /// ``SignupReader/unknownAnswer(_:field:file:line:severity:problem:)``).
    mutating func unknownAnswer(_ answer: String, field: String, severity: InputProblem.Severity = .error, problem: String) {
        findings.append(.unknownAnswer(answer: answer, field: field, severity: severity, problem: problem))
    }
}

extension SignupReader {
    /// `read` applied to every element, on all cores when there are many, with the problems
    /// each found recorded in element order afterwards: the same problems, grouped and numbered
    /// the same, as reading the rows one by one.
    /// - Parameter line: the element's line in `file`, for its problems.
    mutating func readRows<Element: Sendable, Read: Sendable>(
        _ elements: [Element], file: String, line: (Element) -> Int,
        _ read: @Sendable (SignupReader, Element, inout RowFindings) -> Read
    ) -> [Read] {
        let count = elements.count
        let findings = UnsafeMutableBufferPointer<RowFindings>.allocate(capacity: max(count, 1))
        findings.initialize(repeating: RowFindings())
        defer { findings.deinitialize().deallocate() }
        nonisolated(unsafe) let sharedFindings = findings
        let reader = self
        let results = [Read](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let sharedBuffer = buffer
            // Eight pieces a core, taken in turn, so that a core with slower rows holds up no other.
            let pieces = count < parallelRowCount ? 1 : Concurrently.processorCount * 8
            Concurrently.forEach(pieces, threads: Concurrently.processorCount) { piece in
                for index in (piece * count / pieces)..<((piece + 1) * count / pieces) {
                    sharedBuffer.initializeElement(at: index, to: read(reader, elements[index], &sharedFindings[index]))
                }
            }
            initialized = count
        }
        for (element, found) in zip(elements, findings) {
            for finding in found.findings {
                switch finding {
                case .error(let field, let message):
                    rowError(file: file, line: line(element), field: field, message)
                case .unknownAnswer(let answer, let field, let severity, let problem):
                    unknownAnswer(answer, field: field, file: file, line: line(element), severity: severity, problem: problem)
                }
            }
        }
        return results
    }
}
