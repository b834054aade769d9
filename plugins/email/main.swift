import DubanEmailPlugin
import Foundation

// duban-email: the email notifier plugin (docs/email.md), protocol v1 on stdin/stdout.
exit(runEmailPlugin())
