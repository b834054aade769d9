import DubanCore
import DubanPlanFiles
import FuzzSupport

// The org directory file: parse it, then walk what the loader and the router walk (ancestors, descendants, groups).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (parsed, _) = OrgDirectoryFile.parse(FuzzInput(data, size).text, file: "org.yaml")
    guard let directory = parsed else { return 0 }
    for unit in directory.units {
        _ = directory.ancestors(of: unit.id)
    }
    return 0
}

@_cdecl("FuzzOrgDirectory_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
