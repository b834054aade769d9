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
        .executable(name: "duband", targets: ["duband"]),
        .library(name: "DubanCalendar", targets: ["DubanCalendar"]),
        .library(name: "DubanCore", targets: ["DubanCore"]),
        .library(name: "DubanPlanFiles", targets: ["DubanPlanFiles"]),
        .library(name: "DubanImport", targets: ["DubanImport"]),
        .executable(name: "duban-planimport", targets: ["duban-planimport"]),
        .library(name: "DubanPluginProtocol", targets: ["DubanPluginProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    ],
    targets: [
        // Pure: civil dates, the working-day calendar, Chinese time expressions.
        .target(name: "DubanCalendar"),
        // Pure: plans, tasks, org directory, occurrence expansion, diagnostics.
        .target(name: "DubanCore", dependencies: ["DubanCalendar"]),
        // The only parser of admin-written files (plans, org directory, calendar years).
        .target(
            name: "DubanPlanFiles",
            dependencies: ["DubanCore", "DubanCalendar", "DubanPluginProtocol", .product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Calendars")]
        ),
        // Pure: a published action-plan document (plain text) → a draft plan (items, flags, unmapped sentences).
        .target(name: "DubanImport", dependencies: ["DubanCore", "DubanCalendar"]),
        // The plugin protocol: JSON-RPC messages, line framing, version negotiation (pure; no I/O).
        .target(name: "DubanPluginProtocol"),
        // Runs plugin processes: lazy start, handshake, deadlines, output limits, restarts, statistics.
        .target(
            name: "DubanPluginHost",
            dependencies: ["DubanPluginProtocol", .product(name: "Logging", package: "swift-log")]
        ),
        // Due-event timeline and the scheduling state machine over an injected wall clock (pure; no I/O).
        .target(name: "DubanScheduler", dependencies: ["DubanCore", "DubanCalendar"]),
        // State store protocol and its SQLite implementation (GRDB): occurrence state, events, outbox, audit.
        .target(
            name: "DubanStore",
            dependencies: ["DubanCore", "DubanCalendar", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // libsystemd, as a system library: sd_notify, sd_listen_fds, sd_journal_sendv.
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        // systemd integration: notifier, listen fds, journald LogHandler.
        .target(
            name: "DubanSystemd",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")]
        ),
        // The control socket: HTTP/1.1 on a Unix socket, bound or inherited from systemd (socket activation).
        .target(
            name: "DubanControlServer",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The composition root: configuration → plans, store, scheduler, systemd, control socket (a library so
        // tests can boot it in-process).
        .target(
            name: "DubanDaemon",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanScheduler", "DubanStore", "DubanSystemd",
                "DubanControlServer", "DubanPluginProtocol", "DubanPluginHost",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "duband", dependencies: ["DubanDaemon"]),
        // dubanctl's command tree and human/JSON rendering (library so tests can reach it).
        .target(
            name: "DubanCtl",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dubanctl", dependencies: ["DubanCtl"]),
        // The plan importer as a plugin (capability importer): JSON-RPC over stdin/stdout.
        .executableTarget(
            name: "duban-planimport", dependencies: ["DubanImport", "DubanCore", "DubanCalendar", "DubanPluginProtocol"],
            path: "plugins/planimport"),
        // Test support: fixtures, temp dirs, running the built binaries.
        .target(name: "DubanTesting", dependencies: ["DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanScheduler"]),

        .testTarget(name: "DubanCalendarTests", dependencies: ["DubanCalendar", "DubanPlanFiles", "DubanTesting"]),
        .testTarget(name: "DubanCoreTests", dependencies: ["DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanTesting"]),
        .testTarget(
            name: "DubanPlanFilesTests",
            dependencies: ["DubanPlanFiles", "DubanCore", "DubanCalendar", "DubanPluginProtocol", "DubanTesting"]
        ),
        .testTarget(name: "DubanCtlTests", dependencies: ["DubanCtl", "DubanTesting"]),
        .testTarget(
            name: "DubanImportTests",
            dependencies: [
                "DubanImport", "DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanTesting",
                // Reads the reference timeline (../shared/timeline/*.yaml) for the evaluation.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "DubanControlServerTests", dependencies: ["DubanControlServer", "DubanTesting"]),
        .testTarget(name: "DubanDaemonTests", dependencies: ["DubanDaemon", "DubanCore", "DubanPlanFiles", "DubanTesting"]),
        .testTarget(
            name: "DubanSchedulerTests",
            dependencies: ["DubanScheduler", "DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanTesting"]
        ),
        .testTarget(
            name: "DubanStoreTests",
            dependencies: [
                "DubanStore", "DubanCore", "DubanCalendar", "DubanTesting",
                // Raw SQL in tests: tampering with the audit table, injecting a failing trigger.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "DubanPluginProtocolTests", dependencies: ["DubanPluginProtocol", "DubanTesting"]),
        .testTarget(
            name: "DubanPluginHostTests",
            dependencies: [
                "DubanPluginHost", "DubanPluginProtocol", "DubanTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DubanSystemdTests",
            dependencies: ["DubanSystemd", "DubanTesting", .product(name: "Logging", package: "swift-log")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
