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
        // For the fuzz package (Fuzz/), which reaches the notification templates and the control routes.
        .library(name: "DubanNotify", targets: ["DubanNotify"]),
        .library(name: "DubanScheduler", targets: ["DubanScheduler"]),
        .library(name: "DubanControlAPI", targets: ["DubanControlAPI"]),
        .library(name: "DubanDaemon", targets: ["DubanDaemon"]),
        .library(name: "DubanDelivery", targets: ["DubanDelivery"]),
        .library(name: "DubanControlRoutes", targets: ["DubanControlRoutes"]),
        .library(name: "DubanControlServer", targets: ["DubanControlServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // Pure: civil dates, the working-day calendar, Chinese time expressions.
        .target(name: "DubanCalendar"),
        // Pure: plans, tasks, org directory, occurrence expansion, diagnostics.
        .target(name: "DubanCore", dependencies: ["DubanCalendar"]),
        // The only parser of admin-written files (plans, org directory, calendar years).
        .target(
            name: "DubanPlanFiles",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanPluginProtocol", "DubanNotify",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("Calendars")]
        ),
        // Pure: a published action-plan document (plain text) → a draft plan (items, flags, unmapped sentences).
        .target(name: "DubanImport", dependencies: ["DubanCore", "DubanCalendar"]),
        // The plugin protocol: JSON-RPC messages, line framing, version negotiation (pure; no I/O).
        // The one JSON form (sorted keys, `/` unescaped, ISO 8601 instants) everything duban writes.
        .target(name: "DubanJSON"),
        .target(name: "DubanPluginProtocol", dependencies: ["DubanJSON"]),
        // Runs plugin processes: lazy start, handshake, deadlines, output limits, restarts, statistics.
        .target(
            name: "DubanPluginHost",
            dependencies: ["DubanPluginProtocol", .product(name: "Logging", package: "swift-log")]
        ),
        // Notification policy (pure): routing, digest timing, urgency order, Mustache templates for subject and body.
        .target(
            name: "DubanNotify",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanJSON", .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Due-event timeline and the scheduling state machine over an injected wall clock (pure; no I/O).
        .target(name: "DubanScheduler", dependencies: ["DubanCore", "DubanCalendar"]),
        // The supervision loop (督办闭环): states and steps, who may take them, the status lights (pure; no I/O).
        .target(name: "DubanSupervision", dependencies: ["DubanCore", "DubanCalendar"]),
        // State store protocol and its SQLite implementation (GRDB): occurrence state, events, outbox, audit.
        .target(
            name: "DubanStore",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanSupervision", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // libsystemd, as a system library: sd_notify, sd_listen_fds, sd_journal_sendv.
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        // systemd integration: notifier, listen fds, journald LogHandler.
        .target(
            name: "DubanSystemd",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")]
        ),
        // The control API's wire contract (routes, query names, bodies, error codes), shared by server and client.
        .target(name: "DubanControlAPI", dependencies: ["DubanJSON"]),
        // The control socket: HTTP/1.1 on a Unix socket, bound or inherited from systemd (socket activation).
        .target(
            name: "DubanControlServer",
            dependencies: [
                "DubanControlAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Pure writers of the exports (iCalendar, CSV, XLSX workbooks) from what they cover.
        .target(
            name: "DubanExport",
            dependencies: ["DubanControlAPI", "DubanCalendar", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The control API's routes and the view behind them, over a `ControlContext` (the daemon, or a test's):
        // routing, authorization, validation, changes through `any StateStore`, error bodies. No sockets.
        .target(
            name: "DubanControlRoutes",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanScheduler", "DubanStore", "DubanControlAPI", "DubanControlServer",
                "DubanNotify", "DubanExport", "DubanSupervision",
            ],
            // The OpenAPI document served at /v1/openapi.json (generated from docs/openapi.yaml).
            resources: [.embedInCode("OpenAPI/openapi.json")]
        ),
        // The delivery pipeline, over a `DeliveryContext` (what it reads back from the daemon): scheduler events →
        // notices, digests and the preview, the daily check, plugin drains and checks, started occurrences, the
        // journal outbox. The work one node of several does; the composition root runs its services or not.
        .target(
            name: "DubanDelivery",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanScheduler", "DubanStore", "DubanNotify", "DubanPluginHost",
                "DubanPluginProtocol", "DubanJSON", "DubanSystemd", "DubanControlAPI", "DubanSupervision",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The composition root: configuration → plans, store, scheduler, systemd, control socket, delivery (a
        // library so tests can boot it in-process).
        .target(
            name: "DubanDaemon",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanScheduler", "DubanStore", "DubanSystemd",
                "DubanControlServer", "DubanControlAPI", "DubanControlRoutes", "DubanPluginHost", "DubanNotify",
                "DubanDelivery", "DubanSupervision",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "duband", dependencies: ["DubanDaemon"]),
        // The control socket's client: blocking HTTP/1.1 on the Unix socket, typed errors, idempotent retries, SSE.
        .target(name: "DubanControlClient", dependencies: ["DubanControlAPI"]),
        // dubanctl's command tree and human/JSON rendering (library so tests can reach it).
        .target(
            name: "DubanCtl",
            dependencies: [
                "DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanControlAPI", "DubanControlClient", "DubanImport",
                "DubanJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "dubanctl", dependencies: ["DubanCtl"]),
        // Pure: RFC 5322/MIME messages in UTF-8 (RFC 2047 headers, base64 bodies) and the reminder wording.
        .target(name: "DubanMail"),
        // The plugin side of protocol v1 for plugins written in Swift: the stdin/stdout JSON-RPC loop and the
        // child command runner (posix_spawn, stdin, captured output, deadline).
        .target(name: "DubanPluginKit", dependencies: ["DubanPluginProtocol"]),
        // The email notifier plugin's logic: settings, event → message, sendmail hand-off.
        .target(name: "DubanEmailPlugin", dependencies: ["DubanMail", "DubanPluginKit", "DubanPluginProtocol"]),
        .executableTarget(name: "duban-email", dependencies: ["DubanEmailPlugin"], path: "plugins/email"),
        // Pure: the school network inventory (CSV) and progress towards bandwidth/IPv6 targets per county.
        .target(name: "DubanNetcheck"),
        // The network-upgrade checker plugin's logic: settings, org unit → county, probes, check results.
        .target(name: "DubanNetcheckPlugin", dependencies: ["DubanNetcheck", "DubanPluginKit", "DubanPluginProtocol"]),
        .executableTarget(name: "duban-netcheck", dependencies: ["DubanNetcheckPlugin"], path: "plugins/netcheck"),
        // The plan importer as a plugin (capability importer): JSON-RPC over stdin/stdout.
        .executableTarget(
            name: "duban-planimport",
            dependencies: ["DubanImport", "DubanCore", "DubanPluginKit", "DubanPluginProtocol"],
            path: "plugins/planimport"
        ),
        // Test support: fixtures, temp dirs, running the built binaries.
        .target(
            name: "DubanTesting",
            dependencies: ["DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanScheduler"]
        ),

        .testTarget(name: "DubanCalendarTests", dependencies: ["DubanCalendar", "DubanPlanFiles", "DubanTesting"]),
        .testTarget(
            name: "DubanCoreTests",
            dependencies: ["DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanTesting"]
        ),
        .testTarget(
            name: "DubanPlanFilesTests",
            dependencies: [
                "DubanPlanFiles", "DubanCore", "DubanCalendar", "DubanPluginProtocol", "DubanNotify", "DubanTesting",
            ]
        ),
        .testTarget(name: "DubanMailTests", dependencies: ["DubanMail"]),
        .testTarget(
            name: "DubanEmailPluginTests",
            dependencies: [
                "DubanEmailPlugin", "DubanMail", "DubanPluginKit", "DubanPluginProtocol", "DubanPlanFiles",
                "DubanTesting",
            ]
        ),
        .testTarget(name: "DubanPluginKitTests", dependencies: ["DubanPluginKit"]),
        .testTarget(
            name: "DubanNetcheckTests",
            dependencies: [
                "DubanNetcheck", "DubanNetcheckPlugin", "DubanPluginProtocol", "DubanPlanFiles", "DubanTesting",
            ]
        ),
        .testTarget(
            name: "DubanCtlTests",
            dependencies: ["DubanCtl", "DubanCalendar", "DubanControlAPI", "DubanControlClient", "DubanTesting"]
        ),
        .testTarget(
            name: "DubanControlClientTests",
            dependencies: [
                "DubanControlClient", "DubanControlAPI", "DubanControlServer", "DubanTesting",
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "DubanControlServerTests",
            dependencies: ["DubanControlServer", "DubanControlAPI", "DubanTesting"]
        ),
        .testTarget(name: "DubanControlAPITests", dependencies: ["DubanControlAPI"]),
        .testTarget(
            name: "DubanSupervisionTests",
            dependencies: ["DubanSupervision", "DubanCore", "DubanCalendar", "DubanPlanFiles"]
        ),
        .testTarget(
            name: "DubanImportTests",
            dependencies: [
                "DubanImport", "DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanTesting",
                // Reads the reference timeline (../shared/timeline/*.yaml) for the evaluation.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "DubanNotifyTests",
            dependencies: ["DubanNotify", "DubanCore", "DubanCalendar", "DubanPlanFiles", "DubanTesting"]
        ),
        .testTarget(
            name: "DubanDaemonTests",
            dependencies: [
                "DubanDaemon", "DubanControlRoutes", "DubanControlAPI", "DubanControlServer", "DubanExport", "DubanCore",
                "DubanCalendar", "DubanPlanFiles", "DubanScheduler", "DubanStore", "DubanTesting",
            ]
        ),
        .testTarget(
            name: "DubanExportTests",
            // DubanTesting: runs openpyxl on the workbooks (ProcessRunner, Requirement).
            dependencies: ["DubanExport", "DubanControlAPI", "DubanCalendar", "DubanTesting"]
        ),
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
                "DubanSupervision",
            ],
            // store-v3.sqlite.gz: a database the release before the supervision loop wrote (MigrationTests).
            exclude: ["Fixtures"]
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
