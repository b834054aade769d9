/// The version of duban, in one place: duband's `--version`, `/v1/health`, the ready log line, the plugin
/// handshake's host version, the Debian package.
public enum DubanVersion {
    public static let current = "0.1.0"
}
