import DubanCtl

await runDubanctl()
