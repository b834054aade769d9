import CHeapStats

#if canImport(Glibc)
import Glibc
#endif

/// Process-wide heap and resident-memory readings, for "bytes per occurrence" figures.
public enum HeapStats {
    /// Bytes the C allocator has handed out and not taken back (glibc `mallinfo2`: arena bytes in use plus
    /// mmapped blocks); nil where that call does not exist.
    public static func bytesInUse() -> Int? {
        let bytes = c_heap_bytes_in_use()
        return bytes < 0 ? nil : Int(bytes)
    }

    /// Resets the kernel's peak-resident mark (VmHWM) to the current resident size; false when not allowed.
    @discardableResult
    public static func resetPeakResident() -> Bool {
        #if os(Linux)
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
        #else
        return false
        #endif
    }

    /// The process's peak resident bytes since start or the last `resetPeakResident()` (VmHWM), and its current
    /// resident bytes (VmRSS).
    public static func resident() -> (peak: Int, current: Int)? {
        #if os(Linux)
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var peak: Int?
        var current: Int?
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            func kilobytes(_ key: String) -> Int? {
                guard text.hasPrefix(key) else { return nil }
                return Int(text.dropFirst(key.count).filter(\.isNumber)).map { $0 * 1024 }
            }
            peak = peak ?? kilobytes("VmHWM:")
            current = current ?? kilobytes("VmRSS:")
        }
        guard let peak, let current else { return nil }
        return (peak, current)
        #else
        return nil
        #endif
    }
}
