import DubanNetcheckPlugin
import Foundation

// duban-netcheck: the school network checker plugin (docs/netcheck.md), protocol v1 on stdin/stdout.
exit(runNetcheckPlugin())
