#ifndef DUBAN_CSYSTEMD_SHIM_H
#define DUBAN_CSYSTEMD_SHIM_H

// The parts of libsystemd that duban uses: sd_notify, sd_watchdog_enabled, sd_listen_fds and sd_is_socket_unix
// (sd-daemon.h), and sd_journal_sendv (sd-journal.h). All of them take fixed arguments, so Swift calls them
// directly; the variadic sd_journal_send/sd_notifyf are not used (DubanSystemd builds the iovecs and strings).
// Add `static inline` wrappers here if a variadic or macro-only function is ever needed.
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#include <sys/uio.h>

#endif
