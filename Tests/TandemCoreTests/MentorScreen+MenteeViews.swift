@testable import TandemCore

extension MentorScreen {
    /// Calls `body` with each mentee of `compiled` and their view, loaded as the scoring passes
    /// load it. The view's scratch space is reused: it is valid only during the call.
    func forEachMenteeView(of compiled: CompiledCohort, _ body: (_ mentee: Int, _ view: MenteeView) throws -> Void) rethrows {
        let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: compiled.themeWords + compiled.languageWords + 1)
        defer { scratch.deallocate() }
        for mentee in 0..<compiled.menteeCount {
            var view = MenteeView(scratch: scratch, themeWords: compiled.themeWords)
            view.load(mentee, from: compiled, policy: policy)
            try body(mentee, view)
        }
    }
}
