import Foundation

/// The school network inventory: a CSV file with a header row naming the columns (in any order, English or
/// Chinese names) and one row per measurement.
///
/// | column | names accepted | values |
/// |---|---|---|
/// | school | `school`, `学校` | text |
/// | county | `county`, `县区`, `县(市、区)`, `区县` | text, matched against org units (see `NetcheckSettings`) |
/// | area | `area`, `urban_rural`, `城乡`, `城乡类别` | `urban`/`城镇`/`城区`/`县城`, `rural`/`农村`/`乡村`/`教学点` |
/// | downlink | `downlink_mbps`, `downlink`, `出口带宽`, `出口带宽(Mbps)`, `带宽` | number (Mbps), `M`/`Mbps` suffix allowed |
/// | IPv6 | `ipv6`, `IPv6` | `yes`/`no`, `是`/`否`, `true`/`false`, `1`/`0`, `y`/`n`, `已部署`/`未部署` |
/// | measured at | `measured_at`, `测量时间`, `检测时间`, `日期` | `YYYY-MM-DD[ HH:MM[:SS]]`, `YYYY/M/D`, ISO 8601 |
///
/// A row that cannot be read is reported with its line and left out; its school's county (when readable) is
/// remembered, so a county with bad rows is never reported as complete.
public struct NetworkInventory: Hashable, Sendable {
    /// Every readable row, in file order.
    public var measurements: [SchoolMeasurement]
    /// One per unreadable row.
    public var problems: [NetcheckError]
    /// The county named in each unreadable row that names one, by line.
    public var problemCounties: [Int: String]

    public init(measurements: [SchoolMeasurement], problems: [NetcheckError] = [], problemCounties: [Int: String] = [:])
    {
        self.measurements = measurements
        self.problems = problems
        self.problemCounties = problemCounties
    }

    enum Column: CaseIterable {
        case school, county, area, downlink, ipv6, measuredAt

        var names: [String] {
            switch self {
            case .school: return ["school", "学校", "学校名称"]
            case .county: return ["county", "县区", "县(市、区)", "县(市、区)", "区县", "县"]
            case .area: return ["area", "urban_rural", "urban/rural", "城乡", "城乡类别"]
            case .downlink: return ["downlink_mbps", "downlink", "出口带宽", "出口带宽(mbps)", "出口带宽(mbps)", "带宽"]
            case .ipv6: return ["ipv6"]
            case .measuredAt: return ["measured_at", "测量时间", "检测时间", "日期"]
            }
        }
    }

    /// Reads the inventory text.
    /// - Throws: ``NetcheckError`` (code `csv` or `header`) when the file as a whole cannot be read; problems
    ///   with single rows go to ``problems`` instead.
    public init(parsing text: String) throws(NetcheckError) {
        let table = try CSVTable(parsing: text)
        guard let header = table.records.first else {
            throw NetcheckError(code: .header, line: 1, message: "清单为空,缺少表头 / the inventory is empty (no header row)")
        }
        var index: [Column: Int] = [:]
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard let column = Column.allCases.first(where: { $0.names.contains(name) }) else { continue }
            if index[column] != nil {
                throw NetcheckError(
                    code: .header,
                    line: header.line,
                    message: "表头重复列 \(raw) / column \(raw) appears twice"
                )
            }
            index[column] = position
        }
        let missing = Column.allCases.filter { index[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { $0.names[0] }.joined(separator: ", ")
            throw NetcheckError(code: .header, line: header.line, message: "表头缺少列:\(names) / missing columns: \(names)")
        }
        var measurements: [SchoolMeasurement] = []
        var problems: [NetcheckError] = []
        var troubled: [Int: String] = [:]
        for record in table.records.dropFirst() {
            func value(_ column: Column) -> String {
                let position = index[column]!
                return position < record.fields.count
                    ? record.fields[position].trimmingCharacters(in: .whitespaces) : ""
            }
            let county = value(.county)
            do throws(NetcheckError) {
                measurements.append(try Self.measurement(line: record.line, value: value))
            } catch {
                problems.append(error)
                if !county.isEmpty { troubled[record.line] = county }
            }
        }
        self.init(measurements: measurements, problems: problems, problemCounties: troubled)
    }

    static func measurement(line: Int, value: (Column) -> String) throws(NetcheckError) -> SchoolMeasurement {
        func bad(_ zh: String, _ en: String) -> NetcheckError {
            NetcheckError(code: .row, line: line, message: "\(zh) / \(en)")
        }
        let school = value(.school)
        let county = value(.county)
        guard !school.isEmpty else { throw bad("缺少学校名称", "the school is empty") }
        guard !county.isEmpty else { throw bad("\(school)缺少县区", "\(school) has no county") }
        guard let area = Self.area(value(.area)) else {
            throw bad(
                "\(school)的城乡类别“\(value(.area))”应为城镇或农村",
                "\(school): area \"\(value(.area))\" is not urban or rural"
            )
        }
        guard let mbps = Self.mbps(value(.downlink)) else {
            throw bad(
                "\(school)的出口带宽“\(value(.downlink))”不是数字",
                "\(school): downlink \"\(value(.downlink))\" is not a number"
            )
        }
        guard let ipv6 = Self.flag(value(.ipv6)) else {
            throw bad("\(school)的IPv6“\(value(.ipv6))”应为是或否", "\(school): IPv6 \"\(value(.ipv6))\" is not yes or no")
        }
        guard let measuredAt = Self.timestamp(value(.measuredAt)) else {
            throw bad(
                "\(school)的测量时间“\(value(.measuredAt))”无法识别",
                "\(school): measured at \"\(value(.measuredAt))\" is not a date"
            )
        }
        return SchoolMeasurement(
            school: school,
            county: county,
            area: area,
            downlinkMbps: mbps,
            ipv6: ipv6,
            measuredAt: measuredAt,
            line: line
        )
    }

    static func area(_ text: String) -> SchoolMeasurement.Area? {
        switch text.lowercased() {
        case "urban", "城镇", "城区", "县城", "城市", "镇区": return .urban
        case "rural", "农村", "乡村", "教学点", "乡镇": return .rural
        default: return nil
        }
    }

    /// `200`, `200.5`, `200M`, `200 Mbps`, `1G`/`1Gbps` (× 1000); non-negative and finite.
    public static func mbps(_ text: String) -> Double? {
        var number = text.lowercased().replacingOccurrences(of: " ", with: "")
        var factor = 1.0
        for suffix in ["mbps", "mb/s", "m"] where number.hasSuffix(suffix) {
            number.removeLast(suffix.count)
            break
        }
        for suffix in ["gbps", "gb/s", "g"] where number.hasSuffix(suffix) {
            number.removeLast(suffix.count)
            factor = 1000
            break
        }
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        return value * factor
    }

    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "是", "有", "已部署", "支持": return true
        case "no", "n", "false", "0", "否", "无", "未部署", "不支持": return false
        default: return nil
        }
    }

    /// `YYYY-MM-DD[ HH:MM[:SS]]`, `YYYY/M/D …`, or with a `T` and an ignored zone suffix → `YYYY-MM-DD HH:MM:SS`.
    static func timestamp(_ text: String) -> String? {
        var rest = Substring(text.replacingOccurrences(of: "T", with: " "))
        let datePart = rest.prefix { $0 != " " }
        rest = rest.dropFirst(datePart.count).drop { $0 == " " }
        let pieces = datePart.split(separator: datePart.contains("/") ? "/" : "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, let year = Int(pieces[0]), let month = Int(pieces[1]),
            let day = Int(pieces[2]), (1...12).contains(month), (1...31).contains(day), pieces[1].count <= 2,
            pieces[2].count <= 2
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        if !rest.isEmpty {
            let clock = rest.prefix { $0.isNumber || $0 == ":" }
            let parts = clock.split(separator: ":").map { Int($0) }
            guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
            hour = parts[0]!
            minute = parts[1]!
            second = parts.count == 3 ? parts[2]! : 0
            guard hour < 24, minute < 60, second < 61 else { return nil }
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):\(two(second))"
    }

    /// The latest measurement of each school (by county and school name); on equal times the later row wins.
    public var latest: [SchoolMeasurement] {
        var byKey: [String: SchoolMeasurement] = [:]
        for measurement in measurements {
            let key = measurement.county + "\u{1F}" + measurement.school
            if let known = byKey[key], known.measuredAt > measurement.measuredAt { continue }
            byKey[key] = measurement
        }
        return byKey.values.sorted { ($0.county, $0.school) < ($1.county, $1.school) }
    }
}
