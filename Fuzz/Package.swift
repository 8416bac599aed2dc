// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Tandem's readers of untrusted input, a package of their own so that
// the root package and its tests build without the fuzzer runtime. Build and run them with
// scripts/fuzz (see docs/fuzzing.md); by hand, from the repository root:
//   swift build --package-path Fuzz -c release --sanitize=fuzzer --sanitize=address
//   Fuzz/.build/release/FuzzCSV Fuzz/Corpus/FuzzCSV
// Each target's main.swift defines only `LLVMFuzzerTestOneInput`: with the fuzzer sanitizer
// SwiftPM compiles executables as libraries and libFuzzer supplies `main`.

let package = Package(
    name: "TandemFuzz",
    dependencies: [
        .package(name: "Tandem", path: "..")
    ],
    targets: [
        // What the targets share: reading the input and checking invariants.
        .target(name: "FuzzSupport", dependencies: [.product(name: "TandemCore", package: "Tandem")]),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["FuzzSupport", .product(name: "TandemInput", package: "Tandem")]
        ),
        .executableTarget(
            name: "FuzzSignupFile",
            dependencies: ["FuzzSupport", .product(name: "TandemInput", package: "Tandem")]
        ),
        .executableTarget(
            name: "FuzzConfiguration",
            dependencies: ["FuzzSupport", .product(name: "TandemInput", package: "Tandem")]
        ),
        .executableTarget(
            name: "FuzzAvailability",
            dependencies: ["FuzzSupport", .product(name: "TandemCore", package: "Tandem")]
        ),
        .executableTarget(
            name: "FuzzSolve",
            dependencies: [
                "FuzzSupport", .product(name: "TandemSolve", package: "Tandem"),
                .product(name: "StableMatching", package: "Tandem"),
            ]
        ),
    ]
)
