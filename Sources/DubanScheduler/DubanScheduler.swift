// DubanScheduler: see docs/ARCHITECTURE.md.
