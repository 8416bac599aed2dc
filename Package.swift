// swift-tools-version: 6.1
import PackageDescription

// Layers, bottom to top:
//   CLibical        C system library (libical, via pkg-config)
//   CPrefetch       a C inline wrapper of the processor's prefetch hint
//   CAtomic         C inline atomics on plain memory (spin locks, shared bit sets)
//   StableMatching  generic many-to-one stable matching over dense integer indices
//   TandemCore      the domain: cohort, criteria, scoring, constraints, explanations (no I/O)
//   TandemCalendar  iCalendar through libical; the only importer of CLibical
//   TandemIO        CSV sign-up files, configuration, result files
//   TandemCommands  the command-line commands, as a library so tests run them in-process
//   tandem          the thin executable
let package = Package(
    name: "Tandem",
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
        .library(name: "StableMatching", targets: ["StableMatching"]),
        .library(name: "TandemCore", targets: ["TandemCore"]),
        .library(name: "TandemIO", targets: ["TandemIO"]),
        .library(name: "TandemCalendar", targets: ["TandemCalendar"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        .target(name: "CPrefetch"),
        .target(name: "CAtomic"),
        .target(name: "StableMatching", dependencies: ["CAtomic", "CPrefetch"]),
        .target(name: "TandemCore", dependencies: ["StableMatching"]),
        .target(name: "TandemCalendar", dependencies: ["CLibical", "TandemCore"]),
        .target(
            name: "TandemIO",
            dependencies: [
                "CPrefetch", "TandemCore",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "TandemCommands",
            dependencies: [
                "StableMatching", "TandemCore", "TandemCalendar", "TandemIO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tandem", dependencies: ["TandemCommands"]),
        .testTarget(name: "StableMatchingTests", dependencies: ["StableMatching"]),
        .testTarget(name: "TandemCoreTests", dependencies: ["TandemCore", "StableMatching"]),
        .testTarget(name: "TandemCalendarTests", dependencies: ["TandemCalendar", "TandemCore"]),
        // CSV.swift is the reference the byte-level CSV reader is checked against.
        .testTarget(
            name: "TandemIOTests",
            dependencies: ["TandemIO", "TandemCore", "StableMatching", .product(name: "CSV", package: "CSV.swift")]
        ),
        .testTarget(
            name: "TandemCommandsTests",
            dependencies: ["TandemCommands", "TandemCalendar", "TandemIO", "TandemCore", "StableMatching"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
