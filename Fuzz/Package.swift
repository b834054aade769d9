// swift-tools-version:6.1
import PackageDescription

// Coverage-guided fuzzing of every parser of outside input (libFuzzer), kept beside the product like Benchmarks/ so
// that building or testing duban never builds it. Build and run: scripts/fuzz.sh (CI runs it from .ci/run):
//
//     swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// One executable per parser; each feeds libFuzzer's bytes to the product's own entry point for that input, exactly
// as duband or dubanctl would, and traps only where the product would (an uncaught error is the product's answer,
// not a finding). Fuzz/README.md lists the targets and what each covers.

let fuzzTargets: [(name: String, dependencies: [String])] = [
    ("FuzzTimeExpression", ["DubanCalendar"]),
    ("FuzzPlanFile", ["DubanCalendar", "DubanCore", "DubanPlanFiles", "DubanScheduler"]),
    ("FuzzOrgDirectory", ["DubanCore", "DubanPlanFiles"]),
    ("FuzzConfiguration", ["DubanCalendar", "DubanCore", "DubanPlanFiles", "DubanNotify"]),
    ("FuzzSchoolCalendar", ["DubanCalendar", "DubanCore", "DubanPlanFiles"]),
    ("FuzzHolidayYear", ["DubanCalendar", "DubanPlanFiles"]),
    ("FuzzHolidayNotice", ["DubanCalendar", "DubanPlanFiles"]),
    ("FuzzImporter", ["DubanImport", "DubanCalendar", "DubanCore", "DubanPlanFiles"]),
    ("FuzzPluginCodec", ["DubanPluginProtocol", "DubanPlanFiles"]),
    ("FuzzControlAPI", ["DubanCalendar", "DubanControlAPI", "DubanDaemon", "DubanPlanFiles", "DubanCore", "DubanScheduler", "DubanControlServer"]),
]

let package = Package(
    name: "duban-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "duban", path: "../")
    ],
    targets: [
        // The libFuzzer driver glue and what every target reads: the bundled examples, the shipped calendar.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "DubanCalendar", package: "duban"),
                .product(name: "DubanCore", package: "duban"),
                .product(name: "DubanPlanFiles", package: "duban"),
            ]
        )
    ]
        + fuzzTargets.map { target in
            .executableTarget(
                name: target.name,
                dependencies: ["FuzzSupport"] + target.dependencies.map { .product(name: $0, package: "duban") },
                path: "Sources/\(target.name)"
            )
        },
    swiftLanguageModes: [.v6]
)
