import Foundation

/// libFuzzer's own driver, which `-sanitize=fuzzer` links in.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The callback libFuzzer calls with each input.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

/// Runs libFuzzer with the process's arguments (`-max_total_time=60 CORPUS…`) on `callback`.
///
/// SwiftPM links an executable's entry point as `<target>_main`; each target defines that function with
/// `@_cdecl` and calls this, and defines `LLVMFuzzerTestOneInput` (which libFuzzer's runtime references) as the same
/// callback.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ callback: FuzzCallback
) -> Int32 {
    var count = argc
    var vector: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &vector, callback)
}

/// The bytes of one input.
public struct FuzzInput {
    public let bytes: [UInt8]

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    /// The input as text the way duban reads a file: UTF-8, with invalid sequences replaced (the file readers refuse
    /// non-UTF-8 before parsing, so the parser only ever sees valid text).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The input split at the first byte `0x00` into two texts (for targets that take two inputs at once).
    public var pair: (String, String) {
        guard let zero = bytes.firstIndex(of: 0) else { return (text, "") }
        return (
            String(decoding: bytes[..<zero], as: UTF8.self),
            String(decoding: bytes[(zero + 1)...], as: UTF8.self)
        )
    }
}
