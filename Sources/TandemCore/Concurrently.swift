import StableMatching

/// ``StableMatching/Concurrently``, for the modules that import only this one.
package typealias Concurrently = StableMatching.Concurrently
