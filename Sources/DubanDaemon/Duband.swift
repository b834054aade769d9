/// Entry point for the `duband` executable (filled in as the daemon lands).
public func runDuband() async {
}
