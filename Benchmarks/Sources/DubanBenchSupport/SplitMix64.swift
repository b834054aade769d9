/// SplitMix64, the fixed-seed generator every duban benchmark draws its inputs from.
///
/// The same algorithm as `DubanTesting.SeededGenerator`, repeated here so the benchmarks need no test-support
/// product, and in scripts/bench/workdays_ref.c, so the C reference and `WorkdaysRate` see the same pairs.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
