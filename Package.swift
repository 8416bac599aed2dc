// swift-tools-version: 6.1
import PackageDescription

// Layers, bottom to top:
//   CLibical        libical's headers (the library is linked by TandemCalendar)
//   CPrefetch       a C inline wrapper of the processor's prefetch hint
//   CAtomic         C inline atomics on plain memory (spin locks, shared bit sets)
//   CHeap           C: the heap on 2 MiB pages for a command's run (glibc and Linux only)
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
        // Headers only: the library is linked by TandemCalendar (below), not by the module map
        // or pkg-config, which would link the shared libical.
        .systemLibrary(
            name: "CLibical",
            providers: [.apt(["libical-dev"])]
        ),
        .target(name: "CPrefetch"),
        .target(name: "CAtomic"),
        .target(name: "CHeap"),
        .target(name: "StableMatching", dependencies: ["CAtomic", "CPrefetch"]),
        .target(name: "TandemCore", dependencies: ["StableMatching"]),
        .target(
            name: "TandemCalendar", dependencies: ["CLibical", "TandemCore"],
            // On Linux libical is linked statically (with the ICU it uses for RSCALE, and the C++
            // runtime ICU needs): loading the shared libical pulls in seven libraries (ICU, Berkeley
            // DB, ...) at every start, 2.5 ms of a 25 ms `tandem solve` that never writes a
            // calendar (4.27 ms vs 6.53 ms for a run on an empty instance, medians of 100). Debian's
            // libical-dev ships the archives and depends on libicu-dev, which ships ICU's. The
            // ":name" form asks the linker for that exact file.
            linkerSettings: [
                .linkedLibrary(":libical.a", .when(platforms: [.linux])),
                .linkedLibrary(":libicui18n.a", .when(platforms: [.linux])),
                .linkedLibrary(":libicuuc.a", .when(platforms: [.linux])),
                .linkedLibrary(":libicudata.a", .when(platforms: [.linux])),
                .linkedLibrary("stdc++", .when(platforms: [.linux])),
                .linkedLibrary("ical", .when(platforms: [.macOS])),
            ]
        ),
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
                "CHeap", "StableMatching", "TandemCore", "TandemCalendar", "TandemIO",
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
