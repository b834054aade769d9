// swift-tools-version:6.1
import PackageDescription

// Performance benchmarks for duban, kept out of the root package so that building or testing duban never builds
// package-benchmark (apple/swift-nio: Benchmarks/Package.swift). See README.md for how to run them and the targets.
//
// `WorkingDays` and `Expansion` are package-benchmark suites (`swift package benchmark`); `WorkdaysRate` is a plain
// executable that scripts/bench/workdays.sh runs beside the C reference (scripts/bench/workdays_ref.c).

let package = Package(
    name: "duban-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "duban", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // glibc's mallinfo2(), which Swift's Glibc module does not import.
        .target(name: "CHeapStats"),
        // Fixed-seed inputs shared by the benchmarks and WorkdaysRate: the same pairs, the same plans.
        .target(
            name: "DubanBenchSupport",
            dependencies: [
                "CHeapStats",
                .product(name: "DubanCalendar", package: "duban"),
                .product(name: "DubanCore", package: "duban"),
                .product(name: "DubanPlanFiles", package: "duban"),
            ]
        ),
        .executableTarget(
            name: "WorkingDays",
            dependencies: [
                "DubanBenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DubanCalendar", package: "duban"),
            ],
            path: "Benchmarks/WorkingDays",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Expansion",
            dependencies: [
                "DubanBenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DubanCalendar", package: "duban"),
                .product(name: "DubanCore", package: "duban"),
            ],
            path: "Benchmarks/Expansion",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The Swift side of scripts/bench/workdays.sh: 10,000,000 additions, rate on stdout.
        .executableTarget(
            name: "WorkdaysRate",
            dependencies: [
                "DubanBenchSupport",
                .product(name: "DubanCalendar", package: "duban"),
            ]
        ),
        // One expansion of the Expansion workload outside package-benchmark, to profile.
        .executableTarget(
            name: "ExpansionRate",
            dependencies: ["DubanBenchSupport", .product(name: "DubanCore", package: "duban")]
        ),
        // The reference of scripts/bench/ready.sh: the same plan files read and decoded by Yams alone.
        .executableTarget(name: "YamsDecode", dependencies: [.product(name: "Yams", package: "Yams")]),
    ],
    swiftLanguageModes: [.v6]
)
