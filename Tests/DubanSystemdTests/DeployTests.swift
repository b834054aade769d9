import DubanTesting
import Foundation
import Testing

/// deploy/: the units under systemd-analyze, the Makefile's staged install, sysusers and tmpfiles.
@Suite struct DeployTests {
    static let deploy = Fixtures.packageRoot.appendingPathComponent("deploy")

    /// `KEY=value` lines of a unit file (repeated keys keep every value).
    static func directives(_ file: String) throws -> [String: [String]] {
        let text = try String(contentsOf: deploy.appendingPathComponent(file), encoding: .utf8)
        var result: [String: [String]] = [:]
        for line in text.components(separatedBy: "\n") where !line.hasPrefix("#") && !line.hasPrefix("[") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            result[String(line[..<equals]), default: []].append(String(line[line.index(after: equals)...]))
        }
        return result
    }

    @Test func serviceAndSocketCarryTheRequiredSettings() throws {
        let service = try Self.directives("duban.service")
        let expected: [String: String] = [
            "Type": "notify", "NotifyAccess": "main", "ExecStart": "/usr/bin/duband --config /etc/duban/duban.yaml",
            "ExecReload": "/bin/kill -HUP $MAINPID", "WatchdogSec": "30s", "Restart": "on-failure",
            "RestartPreventExitStatus": "78", "User": "duban",
            "Group": "duban", "StateDirectory": "duban", "RuntimeDirectory": "duban", "ConfigurationDirectory": "duban",
            "RuntimeDirectoryPreserve": "yes", "Sockets": "duban.socket", "Requires": "duban.socket",
            "ProtectSystem": "strict", "CapabilityBoundingSet": "", "MemoryDenyWriteExecute": "yes",
            "UMask": "0027", "IPAddressDeny": "any",
        ]
        for (key, value) in expected { #expect(service[key] == [value], "duban.service \(key)") }
        let socket = try Self.directives("duban.socket")
        let expectedSocket: [String: String] = [
            "ListenStream": "/run/duban/control.sock", "SocketMode": "0660", "SocketUser": "root",
            "SocketGroup": "duban",
        ]
        for (key, value) in expectedSocket { #expect(socket[key] == [value], "duban.socket \(key)") }
    }

    @Test(.enabled(if: try Requirement.met(SystemCommand.systemdAnalyze != nil, "systemd-analyze is not installed")))
    func securityExposureIsAtMostTwo() throws {
        let result = try SystemCommand.run(
            SystemCommand.systemdAnalyze!,
            ["security", "--offline=true", "--no-pager", Self.deploy.appendingPathComponent("duban.service").path]
        )
        let match = try #require(
            result.stdout.firstMatch(of: #/Overall exposure level for duban\.service: (\d+\.\d+)/#),
            "no score in:\n\(result.output)"
        )
        let score = try #require(Double(match.1))
        #expect(score <= 2.0, "exposure \(score):\n\(result.stdout)")
    }

    /// `systemd-analyze verify` checks that ExecStart's binary exists and is executable. Rather than install a
    /// binary on the machine (or build a whole fake root with sysinit.target and friends for `--root=`), the test
    /// copies both units into a temporary directory and points ExecStart at an executable stub created there;
    /// everything else in the units is verified as shipped.
    @Test(.enabled(if: try Requirement.met(SystemCommand.systemdAnalyze != nil, "systemd-analyze is not installed")))
    func verifyReportsNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let stub = try directory.write("duband", "#!/bin/sh\nexit 0\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub)
        let service = try String(contentsOf: Self.deploy.appendingPathComponent("duban.service"), encoding: .utf8)
        let servicePath = try directory.write(
            "duban.service",
            service.replacingOccurrences(of: "ExecStart=/usr/bin/duband", with: "ExecStart=\(stub)")
        )
        let socketPath = try directory.write(
            "duban.socket",
            try String(contentsOf: Self.deploy.appendingPathComponent("duban.socket"), encoding: .utf8)
        )
        let result = try SystemCommand.run(
            SystemCommand.systemdAnalyze!,
            ["verify", "--man=no", socketPath, servicePath]
        )
        #expect(result.status == 0, "systemd-analyze verify failed:\n\(result.output)")
        #expect(result.output.isEmpty, "systemd-analyze verify reported:\n\(result.output)")
    }

    @Test(.enabled(if: try Requirement.met(SystemCommand.make != nil, "make is not installed")))
    func makeInstallPutsEveryFileInPlace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        // Stand-ins for the release binaries: the test never builds release.
        for name in ["duband", "dubanctl"] {
            let path = try directory.write("bin/\(name)", "#!/bin/sh\necho \(name)\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        let root = directory.url.appendingPathComponent("root").path
        let arguments = ["DESTDIR=\(root)", "SWIFT_BIN_DIR=\(directory.url.appendingPathComponent("bin").path)"]
        let install = try SystemCommand.run(SystemCommand.make!, ["install"] + arguments, in: Fixtures.packageRoot)
        #expect(install.status == 0, "make install:\n\(install.output)")

        let expected: [(String, Int)] = [
            ("usr/bin/duband", 0o755), ("usr/bin/dubanctl", 0o755),
            ("usr/lib/systemd/system/duban.service", 0o644), ("usr/lib/systemd/system/duban.socket", 0o644),
            ("usr/lib/systemd/catalog/duban.catalog", 0o644), ("usr/lib/sysusers.d/duban.conf", 0o644),
            ("usr/lib/tmpfiles.d/duban.conf", 0o644), ("etc/duban/duban.yaml", 0o644),
            ("usr/share/duban/examples/duban.yaml", 0o644), ("usr/share/duban/examples/org.yaml", 0o644),
            ("usr/share/duban/examples/plans/linxia-it-2022.yaml", 0o644),
            ("usr/share/doc/duban/journal-events.md", 0o644), ("usr/share/doc/duban/LICENSE", 0o644),
            ("usr/share/duban/plugins.d/planimport.yaml", 0o644), ("usr/share/man/man1/dubanctl.1", 0o644),
            ("usr/share/man/man5/duban.yaml.5", 0o644), ("usr/share/man/man8/duband.8", 0o644),
            ("usr/share/bash-completion/completions/dubanctl", 0o644), ("usr/share/zsh/site-functions/_dubanctl", 0o644),
            ("usr/share/fish/vendor_completions.d/dubanctl.fish", 0o644),
        ]
        for (path, mode) in expected {
            let attributes = try? FileManager.default.attributesOfItem(atPath: "\(root)/\(path)")
            #expect(
                (attributes?[.posixPermissions] as? Int) == mode,
                "\(path) installed with mode \(String(mode, radix: 8))"
            )
        }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: "\(root)/usr/lib/duban/plugins", isDirectory: &isDirectory))
        #expect(isDirectory.boolValue, "plugin directory created")
        let unit = try String(contentsOfFile: "\(root)/usr/lib/systemd/system/duban.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/duband --config /etc/duban/duban.yaml"))

        // A second install keeps the admin's configuration; uninstall removes the rest and keeps it too.
        try "# 管理员的配置\n".write(toFile: "\(root)/etc/duban/duban.yaml", atomically: true, encoding: .utf8)
        let again = try SystemCommand.run(SystemCommand.make!, ["install"] + arguments, in: Fixtures.packageRoot)
        #expect(again.status == 0 && again.stdout.contains("keeping existing"), "\(again.output)")
        #expect(try String(contentsOfFile: "\(root)/etc/duban/duban.yaml", encoding: .utf8) == "# 管理员的配置\n")
        let uninstall = try SystemCommand.run(SystemCommand.make!, ["uninstall"] + arguments, in: Fixtures.packageRoot)
        #expect(uninstall.status == 0, "make uninstall:\n\(uninstall.output)")
        let left = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter {
            var directory: ObjCBool = false
            return FileManager.default.fileExists(atPath: "\(root)/\($0)", isDirectory: &directory)
                && !directory.boolValue
        }
        #expect(left == ["etc/duban/duban.yaml"])
    }

    @Test(.enabled(if: try Requirement.met(SystemCommand.make != nil, "make is not installed")))
    func makeInstallRefusesWithoutBinaries() throws {
        let make = try #require(SystemCommand.make)
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let result = try SystemCommand.run(
            make,
            ["install", "DESTDIR=\(directory.url.path)/root", "SWIFT_BIN_DIR=\(directory.url.path)/none"],
            in: Fixtures.packageRoot
        )
        #expect(result.status != 0)
        #expect(result.stderr.contains("run 'make build' first"))
    }

    @Test(
        .enabled(
            if: try Requirement.met(
                SystemCommand.isRoot && SystemCommand.sysusers != nil && SystemCommand.tmpfiles != nil,
                "needs root, systemd-sysusers and systemd-tmpfiles"
            )
        )
    )
    func sysusersAndTmpfilesCreateUserAndDirectories() throws {
        let root = try TemporaryDirectory()
        defer { root.cleanup() }
        try FileManager.default.createDirectory(
            at: root.url.appendingPathComponent("etc"),
            withIntermediateDirectories: true
        )
        let sysusers = try SystemCommand.run(
            SystemCommand.sysusers!,
            ["--root=\(root.url.path)", Self.deploy.appendingPathComponent("sysusers.d/duban.conf").path]
        )
        #expect(sysusers.status == 0, "\(sysusers.output)")
        let passwd = try String(contentsOf: root.url.appendingPathComponent("etc/passwd"), encoding: .utf8)
        let user = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("duban:") }, "\(passwd)")
        let fields = user.split(separator: ":", omittingEmptySubsequences: false)
        #expect(fields[5] == "/var/lib/duban")
        let group = try String(contentsOf: root.url.appendingPathComponent("etc/group"), encoding: .utf8)
        #expect(group.contains("duban:x:\(fields[3]):"))

        let tmpfiles = try SystemCommand.run(
            SystemCommand.tmpfiles!,
            ["--root=\(root.url.path)", "--create", Self.deploy.appendingPathComponent("tmpfiles.d/duban.conf").path]
        )
        #expect(tmpfiles.status == 0, "\(tmpfiles.output)")
        for path in ["run/duban", "var/lib/duban"] {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: root.url.appendingPathComponent(path).path
            )
            #expect(attributes[.posixPermissions] as? Int == 0o750, "\(path) mode")
            #expect((attributes[.ownerAccountID] as? NSNumber)?.stringValue == String(fields[2]), "\(path) owner")
        }
    }
}
