// swift-tools-version: 6.1
import PackageDescription

// Modules, bottom to top (each does one job):
//   CLibical, CAtomic, CPrefetch, CFileSync  C headers and inline shims
//   StableMatching   generic many-to-one stable matching over dense integer indices
//   TandemCore       the domain: cohort, criteria, scoring, constraints, scheduling, the result
//                    model and its explanations (no file I/O)
//   TandemCalendar   iCalendar through libical; the only importer of CLibical
//   TandemInput      reading sign-up files and the configuration
//   TandemSolve      the `tandem solve` JSON format (also preferences.json)
//   TandemReport     the coordinator's report as self-contained HTML pages (no file I/O)
//   TandemResults    writing result files into atomic output folders, reading matches.json back
//   TandemRecord     the programme record: runs, people, pairs, series and sessions in SQLite
//   TandemSynthetic  realistic synthetic cohorts for tests and benchmarks
//   TandemCommands   the command-line commands, as a library so tests run them in-process
//   tandem           the thin executable
let package = Package(
    name: "Tandem",
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
        .library(name: "StableMatching", targets: ["StableMatching"]),
        .library(name: "TandemCore", targets: ["TandemCore"]),
        .library(name: "TandemCalendar", targets: ["TandemCalendar"]),
        .library(name: "TandemInput", targets: ["TandemInput"]),
        .library(name: "TandemResults", targets: ["TandemResults"]),
        .library(name: "TandemSolve", targets: ["TandemSolve"]),
        .library(name: "TandemSynthetic", targets: ["TandemSynthetic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        .target(name: "CFileSync"),
        .target(name: "StableMatching", dependencies: ["CAtomic", "CPrefetch"]),
        .target(name: "TandemCore", dependencies: ["StableMatching"]),
        .target(
            name: "TandemCalendar", dependencies: ["CLibical", "TandemCore"],
            // On Linux libical is linked statically (with the ICU it uses for RSCALE, and the C++
            // runtime ICU needs): the shared libical loads seven libraries (ICU, Berkeley DB, ...)
            // at every start, which `tandem solve` would pay without writing a calendar. Debian's
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
            name: "TandemInput",
            dependencies: [
                "StableMatching", "TandemCore", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "TandemSolve", dependencies: ["CPrefetch", "StableMatching", "TandemCore"]),
        .target(name: "TandemReport", dependencies: ["StableMatching", "TandemCore"]),
        .target(
            name: "TandemResults",
            dependencies: [
                "CFileSync", "StableMatching", "TandemCore", "TandemReport", "TandemSolve",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "TandemSynthetic", dependencies: ["StableMatching", "TandemCore"]),
        // The programme record is SQLite through GRDB (the system's libsqlite3).
        .target(name: "TandemRecord", dependencies: ["TandemCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "TandemCommands",
            dependencies: [
                "StableMatching", "TandemCore", "TandemCalendar", "TandemInput", "TandemRecord", "TandemReport",
                "TandemResults", "TandemSolve", "TandemSynthetic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tandem", dependencies: ["TandemCommands"]),
        // Scratch folders the test processes remove when they exit.
        .target(name: "TandemTestSupport", path: "Tests/Support"),
        .testTarget(name: "StableMatchingTests", dependencies: ["StableMatching"]),
        .testTarget(name: "TandemCoreTests", dependencies: ["TandemCore", "TandemSynthetic", "StableMatching"]),
        .testTarget(name: "TandemCalendarTests", dependencies: ["TandemCalendar", "TandemCore"]),
        // CSV.swift is the reference the byte-level CSV reader is checked against.
        .testTarget(
            name: "TandemInputTests",
            dependencies: [
                "TandemInput", "TandemResults", "TandemCore", "TandemSynthetic", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // Read by path (#filePath), so that tests need no resource bundle.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TandemSolveTests",
            dependencies: ["TandemSolve", "TandemInput", "TandemResults", "TandemSynthetic", "TandemCore", "StableMatching"]),
        .testTarget(
            name: "TandemResultsTests",
            dependencies: [
                "TandemTestSupport", "TandemResults", "TandemInput", "TandemSolve", "TandemSynthetic", "TandemCore",
                "StableMatching",
            ]),
        .testTarget(name: "TandemSyntheticTests", dependencies: ["TandemSynthetic", "TandemInput", "TandemCore"]),
        .testTarget(
            name: "TandemCommandsTests",
            dependencies: [
                "TandemTestSupport",
                "TandemCommands", "TandemCalendar", "TandemInput", "TandemRecord", "TandemResults", "TandemSolve",
                "TandemSynthetic", "TandemCore", "StableMatching",
            ]
        ),
        .testTarget(
            name: "TandemRecordTests",
            dependencies: [
                "TandemTestSupport", "TandemRecord", "TandemCore", "StableMatching",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "TandemReportTests",
            dependencies: ["TandemTestSupport", "TandemReport", "TandemResults", "TandemInput", "TandemCore", "TandemSynthetic"]),
    ],
    swiftLanguageModes: [.v6]
)
