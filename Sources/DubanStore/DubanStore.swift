// DubanStore: see docs/ARCHITECTURE.md.
