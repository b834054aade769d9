import ArgumentParser
import DubanCalendar
import DubanCore
import DubanJSON
import DubanPlanFiles
import Foundation

/// Options every offline command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).")
    var lang: String?

    @Flag(name: .long, help: "以 JSON 输出,供脚本使用。 Print JSON for scripts.")
    var json = false

    @Option(name: .long, help: "配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).")
    var config: String?

    @Option(
        name: .customLong("calendar-dir"),
        help: "附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).")
    var calendarDirectories: [String] = []

    var language: Language {
        lang.flatMap(Language.init(tag:)) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError("--lang 只能是 zh 或 en (--lang must be zh or en)")
        }
    }

    /// The configuration: `--config FILE`, or the documented defaults.
    func configuration() throws -> DubanConfiguration {
        guard let config else { return DubanConfiguration() }
        do {
            return try ConfigFile.load(config)
        } catch {
            Output.diagnostics(error.diagnostics, language: language)
            throw ExitCode(DubanctlExit.configuration)
        }
    }

    /// Site settings (zone, office hours, reminders, roll rule, conventions) from the configuration.
    func settings() throws -> SiteSettings {
        try configuration().site
    }

    /// The working-day calendar: bundled years, the configuration's calendar directories that exist (only with
    /// `--config`), and every `--calendar-dir`.
    func calendar() throws -> WorkingDayCalendar {
        let configured = config == nil ? [] : try configuration().calendarDirectories.filter { FileManager.default.fileExists(atPath: $0) }
        do {
            return try CalendarLoader.load(overrideDirectories: configured + calendarDirectories)
        } catch {
            Output.diagnostics(error.diagnostics, language: language)
            throw ExitCode(DubanctlExit.failed)
        }
    }

    /// `zh` or `en` text according to the chosen language.
    func t(_ zh: String, _ en: String) -> String {
        language == .en ? en : zh
    }
}

/// dubanctl's documented exit codes.
public enum DubanctlExit {
    public static let ok: Int32 = 0
    /// The command ran and found problems (e.g. `check` found errors).
    public static let failed: Int32 = 1
    /// The command line was wrong.
    public static let usage: Int32 = 2
    /// The daemon could not be reached, dropped the connection, did not answer in time, or is still starting
    /// (EX_UNAVAILABLE).
    public static let unavailable: Int32 = 69
    /// The daemon failed inside (a 5xx answer other than 503); the same request id may be retried (EX_SOFTWARE).
    public static let software: Int32 = 70
    /// The daemon's answer could not be read: another version of duband? (EX_PROTOCOL)
    public static let protocolError: Int32 = 76
    /// Refused for lack of rights: a change by a user who may only read, or a socket this user may not open
    /// (EX_NOPERM).
    public static let noPermission: Int32 = 77
    /// The configuration file is missing or wrong (EX_CONFIG).
    public static let configuration: Int32 = 78
}

/// Writing results.
enum Output {
    static func line(_ text: String) {
        print(text)
    }

    /// Writes a line straight to standard output (no buffering), for streams read while they run.
    static func flushedLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func diagnostics(_ diagnostics: [Diagnostic], language: Language) {
        for diagnostic in diagnostics { error(diagnostic.formatted(language)) }
    }

    /// Prints `value` as pretty JSON with sorted keys.
    static func json(_ value: some Encodable) throws {
        let data = try DubanJSON.encoder(pretty: true).encode(value)
        print(String(decoding: data, as: UTF8.self))
    }
}

/// Parses a date argument: `YYYY-MM-DD`, or `today`.
func parseDate(_ text: String, settings: SiteSettings = .init()) throws -> CivilDate {
    if text == "today" || text == "今天" { return settings.civilDate(of: Date()) }
    guard let date = CivilDate(iso: text) else {
        throw ValidationError("不是有效日期:\(text)(应为 YYYY-MM-DD) / not a valid date: \(text) (expected YYYY-MM-DD)")
    }
    return date
}

/// Parses a month argument `YYYY-MM` into its first day.
func parseMonth(_ text: String, common: CommonOptions) throws -> CivilDate {
    let parts = text.split(separator: "-")
    guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), let first = CivilDate(year: y, month: m, day: 1)
    else {
        throw ValidationError(common.t("月份应为 YYYY-MM:\(text)", "month must be YYYY-MM: \(text)"))
    }
    return first
}

extension CivilDate {
    /// `2026-10-09(星期五)` / `2026-10-09 (Friday)`.
    func withWeekday(_ language: Language) -> String {
        language == .en ? "\(self) (\(weekdayName(language)))" : "\(self)(\(weekdayName(language)))"
    }
}
