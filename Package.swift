// swift-tools-version:6.1
import PackageDescription

/// Settings applied to every target: Swift 6 language mode plus the upcoming
/// features the anchors (swift-log, service-lifecycle) turn on.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "duban",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dubanctl", targets: ["dubanctl"]),
        .library(name: "DubanCalendar", targets: ["DubanCalendar"]),
        .library(name: "DubanCore", targets: ["DubanCore"]),
        .library(name: "DubanPlanFiles", targets: ["DubanPlanFiles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // Pure: civil dates, the working-day calendar, Chinese time expressions.
        .target(name: "DubanCalendar"),
        // Pure: plans, tasks, org directory, occurrence expansion, diagnostics.
        .target(name: "DubanCore", dependencies: ["DubanCalendar"]),
        // The only parser of admin-written files (plans, org directory, calendar years).
        .target(
            name: "DubanPlanFiles",
            dependencies: ["DubanCore", "DubanCalendar", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Calendars")]
        ),
        // dubanctl's command tree and human/JSON rendering (library so tests can reach it).
        .target(
            name: "DubanCtl",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanPlanFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dubanctl", dependencies: ["DubanCtl"]),
        // Test support: fixtures, temp dirs, running the built binaries.
        .target(name: "DubanTesting", dependencies: ["DubanCore", "DubanCalendar", "DubanPlanFiles"]),

        .testTarget(name: "DubanCalendarTests", dependencies: ["DubanCalendar", "DubanPlanFiles", "DubanTesting"]),
        .testTarget(name: "DubanCoreTests", dependencies: ["DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanTesting"]),
        .testTarget(name: "DubanPlanFilesTests", dependencies: ["DubanPlanFiles", "DubanCore", "DubanCalendar", "DubanTesting"]),
        .testTarget(name: "DubanCtlTests", dependencies: ["DubanCtl", "DubanTesting"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
