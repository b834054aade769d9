// DubanSystemd: see docs/ARCHITECTURE.md.
