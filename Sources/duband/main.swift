import DubanDaemon

await runDuband()
