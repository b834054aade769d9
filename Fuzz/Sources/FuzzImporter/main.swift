import DubanCalendar
import DubanCore
import DubanImport
import DubanPlanFiles
import FuzzSupport

// The plan importer, as `dubanctl import` and duban-planimport run it: a published document's text → a draft plan
// (owners mapped with the examples' org directory) → the draft plan file's YAML → read back as a plan file (which
// refuses the 待填写 placeholders, but must not crash on anything the writer writes).

let options = ImportOptions(documentName: "fuzz.txt", directory: Examples.directory)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let draft = PlanImporter(options: options).draft(FuzzInput(data, size).text)
    let yaml = DraftPlanWriter.yaml(draft)
    _ = DraftPlanWriter.placeholderCount(yaml)
    _ = PlanFile.parse(yaml, file: "draft.yaml")
    return 0
}

@_cdecl("FuzzImporter_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
