import Foundation

/// 1-based line and column (in Unicode scalars, as libyaml counts) of the `occurrence`-th `needle` in `text`.
public func position(of needle: String, in text: String, occurrence: Int = 1) -> (line: Int, column: Int) {
    var seen = 0
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
        var searchStart = line.startIndex
        while let range = line.range(of: needle, range: searchStart..<line.endIndex) {
            seen += 1
            if seen == occurrence {
                return (index + 1, line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1)
            }
            searchStart = range.upperBound
        }
    }
    return (0, 0)
}
