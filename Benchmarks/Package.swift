// swift-tools-version: 6.1
import PackageDescription

// Tandem's benchmarks, a package of their own so that the root package does not depend on
// ordo-one/benchmark. Run from the repository root:
//   swift package --package-path Benchmarks benchmark
// See README.md in this folder.

let package = Package(
    name: "TandemBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Tandem", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // What the benchmarks share: the sizes they run at.
        .target(name: "BenchmarkSizes", path: "Sizes"),
        .executableTarget(
            name: "Matching",
            dependencies: [
                "BenchmarkSizes",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StableMatching", package: "Tandem"),
            ],
            path: "Matching",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Pipeline",
            dependencies: [
                "BenchmarkSizes",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StableMatching", package: "Tandem"),
                .product(name: "TandemCore", package: "Tandem"),
                .product(name: "TandemInput", package: "Tandem"),
                .product(name: "TandemResults", package: "Tandem"),
                .product(name: "TandemSynthetic", package: "Tandem"),
                .product(name: "TandemCalendar", package: "Tandem"),
            ],
            path: "Pipeline",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
