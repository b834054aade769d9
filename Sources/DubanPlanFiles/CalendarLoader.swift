public import DubanCalendar
public import DubanCore
import Foundation

/// Loads the working-day calendar: the holiday files compiled into the binary (2020–2026), replaced or extended
/// by an administrator's own files.
///
/// Every `*.yaml` file directly inside each override directory is read as a holiday file
/// (`CalendarYearFile`). An override file for a year replaces the bundled file for that year; a file for a new
/// year (2027 once its notice is out) adds it. When several override directories arrange the same year, the
/// later directory wins; two files in one directory for the same year are an error. A file named
/// `holidays-YYYY.yaml` must arrange year YYYY. Any error in any file fails the whole load, with every diagnostic.
public struct CalendarLoader: Sendable {
    /// Where a year's arrangement came from.
    public enum Origin: Hashable, Sendable, CustomStringConvertible {
        /// A file compiled into the binary, by name.
        case bundled(String)
        /// An override file, by path.
        case file(String)

        public var description: String {
            switch self {
            case .bundled(let name): return "(bundled) \(name)"
            case .file(let path): return path
            }
        }
    }

    /// The arrangements loaded, one per year, sorted by year.
    public let holidayYears: [HolidayYear]
    /// Where each year's arrangement came from.
    public let origins: [Int: Origin]
    /// Warnings found while loading (errors throw instead).
    public let warnings: [Diagnostic]
    /// The calendar built from `holidayYears`.
    public let calendar: WorkingDayCalendar

    /// Loads the bundled years and every `*.yaml` file in `overrideDirectories`.
    /// - Throws: `DiagnosticsError` with every diagnostic when any file or directory has an error.
    public init(overrideDirectories: [String]) throws(DiagnosticsError) {
        var byYear: [Int: (year: HolidayYear, origin: Origin)] = [:]
        for (name, year) in CalendarLoader.bundled {
            byYear[year.year] = (year, .bundled(name))
        }
        var diagnostics: [Diagnostic] = []
        for directory in overrideDirectories {
            for (path, year) in CalendarLoader.readDirectory(directory, diagnostics: &diagnostics) {
                byYear[year.year] = (year, .file(path))
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticsError(diagnostics)
        }
        let years = byYear.keys.sorted().map { byYear[$0]!.year }
        self.holidayYears = years
        self.origins = byYear.mapValues(\.origin)
        self.warnings = diagnostics
        self.calendar = WorkingDayCalendar(years: years)
    }

    /// The calendar from the bundled years and `overrideDirectories`; see `init(overrideDirectories:)`.
    public static func load(overrideDirectories: [String]) throws(DiagnosticsError) -> WorkingDayCalendar {
        try CalendarLoader(overrideDirectories: overrideDirectories).calendar
    }

    /// The arrangements compiled into the binary, sorted by year.
    public static func bundledYears() -> [HolidayYear] {
        bundled.map(\.year)
    }

    /// The bundled files' names and contents, listed explicitly (SwiftPM's `.embedInCode` names each array after
    /// its file). Add a line here with each new year's file.
    public static let bundledFiles: [(name: String, text: String)] = [
        ("holidays-2020.yaml", PackageResources.holidays_2020_yaml),
        ("holidays-2021.yaml", PackageResources.holidays_2021_yaml),
        ("holidays-2022.yaml", PackageResources.holidays_2022_yaml),
        ("holidays-2023.yaml", PackageResources.holidays_2023_yaml),
        ("holidays-2024.yaml", PackageResources.holidays_2024_yaml),
        ("holidays-2025.yaml", PackageResources.holidays_2025_yaml),
        ("holidays-2026.yaml", PackageResources.holidays_2026_yaml),
    ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }

    /// The bundled files parsed once; a bundled file with an error is a build defect (the tests parse them all).
    private static let bundled: [(name: String, year: HolidayYear)] = bundledFiles.map { file in
        let (year, diagnostics) = CalendarYearFile.parse(file.text, file: file.name)
        guard let year else {
            preconditionFailure("bundled holiday file is invalid:\n" + DiagnosticsError(diagnostics).description)
        }
        return (file.name, year)
    }

    /// Parses every `*.yaml` file directly inside `directory` (sorted by name, hidden files skipped).
    private static func readDirectory(
        _ directory: String, diagnostics: inout [Diagnostic]
    ) -> [(path: String, year: HolidayYear)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else {
            diagnostics.append(
                Diagnostic(
                    at: .init(file: directory), code: "missing-directory",
                    message: .init(
                        zh: "放假安排目录不存在或无法读取", en: "the holiday directory does not exist or cannot be read")))
            return []
        }
        var result: [(path: String, year: HolidayYear)] = []
        var pathByYear: [Int: String] = [:]
        for name in names.sorted() where name.hasSuffix(".yaml") && !name.hasPrefix(".") {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(
                    Diagnostic(
                        at: .init(file: path), code: "unreadable-file",
                        message: .init(zh: "文件无法读取(须为 UTF-8)", en: "cannot read the file (must be UTF-8)")))
                continue
            }
            let (parsed, fileDiagnostics) = CalendarYearFile.parse(text, file: path)
            diagnostics += fileDiagnostics
            guard let year = parsed else { continue }
            let yearLocation = location(ofKey: "year", in: text, file: path)
            if let named = yearInName(name), named != year.year {
                diagnostics.append(
                    Diagnostic(
                        at: yearLocation, code: "year-mismatch",
                        message: .init(
                            zh: "文件名为 \(named) 年,内容却是 \(year.year) 年",
                            en: "the file is named for \(named) but arranges \(year.year)")))
                continue
            }
            if let other = pathByYear[year.year] {
                diagnostics.append(
                    Diagnostic(
                        at: yearLocation, code: "duplicate-year",
                        message: .init(
                            zh: "同一目录中已有 \(year.year) 年的放假安排:\(other)",
                            en: "the directory already arranges \(year.year) in \(other)")))
                continue
            }
            pathByYear[year.year] = path
            result.append((path, year))
        }
        return result
    }

    /// 2026 for `holidays-2026.yaml`; nil for other names.
    private static func yearInName(_ name: String) -> Int? {
        guard name.hasPrefix("holidays-"), name.hasSuffix(".yaml") else { return nil }
        let digits = name.dropFirst("holidays-".count).dropLast(".yaml".count)
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let year = Int(digits) else { return nil }
        return year
    }

    /// The position of `key`'s value on the first line that starts with `key:`.
    private static func location(ofKey key: String, in text: String, file: String) -> Diagnostic.Location {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix(key + ":") {
            let rest = line.dropFirst(key.count + 1)
            let spaces = rest.prefix { $0 == " " }.count
            return .init(file: file, line: index + 1, column: key.count + 2 + spaces)
        }
        return .init(file: file)
    }
}
