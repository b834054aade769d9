#!/usr/bin/env bash
# Finds what this machine lacks to build and run duban, and installs it when run as root; otherwise stops with the
# one command to run. Called by the README's two commands (scripts/run-examples.sh, scripts/test.sh); safe to run
# again (it installs only what is missing).
#   scripts/setup.sh run     what building duband and running it on the examples needs
#   scripts/setup.sh test    that, plus what the whole test suite drives for real (journald, msmtp, an SMTP server,
#                            curl, schemathesis, …)
#   scripts/setup.sh deb     what building the Debian package (make deb) and scripts/deb-test.sh need
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-test}"

# Building: libsystemd (sd_notify, journald), SQLite, pkg-config to find them; tzdata for Asia/Shanghai.
debs=(tzdata libsystemd-dev libsqlite3-dev pkg-config)
pips=()
if [ "$purpose" = test ]; then
    # systemd and make: journald, systemd-analyze, systemd-socket-activate and `make install` (DubanSystemdTests).
    # python3, python3-jsonschema: the example and fault-test plugins, the plugin protocol schema test.
    # msmtp and python3-aiosmtpd: the email plugin delivers through a real msmtp to a real SMTP server on loopback.
    # curl: the control API tests drive duband through `curl --unix-socket`; git: the deploy tests.
    # python3-pip: schemathesis (the live contract check) and icalendar (parses the .ics export).
    debs+=(git systemd make python3 python3-jsonschema msmtp python3-aiosmtpd curl python3-pip)
    # openapi-core: validates real answers of every operation against docs/openapi.yaml (scripts/openapi-responses.py).
    # openpyxl: opens the ledger's XLSX workbook as a spreadsheet program would read it.
    pips+=("schemathesis>=4,<5:schemathesis" "icalendar:icalendar" "openapi-core:openapi_core" "openpyxl:openpyxl")
fi
if [ "$purpose" = deb ]; then
    # make: `make deb`; dpkg-dev: dpkg-shlibdeps (Depends: from the binaries' libraries) and binutils' strip;
    # lintian: the package's check; man-db: `man --warnings` on the man pages; systemd: systemd-sysusers,
    # systemd-tmpfiles and journalctl, which the maintainer scripts run; git: the commit time for file dates.
    debs+=(make dpkg-dev lintian man-db systemd git)
fi

missing_debs=()
for pkg in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing_debs+=("$pkg")
done
missing_pips=()
for entry in "${pips[@]}"; do
    module="${entry##*:}"
    python3 -c "import $module" >/dev/null 2>&1 || missing_pips+=("${entry%%:*}")
done

if [ ${#missing_debs[@]} -eq 0 ] && [ ${#missing_pips[@]} -eq 0 ]; then
    exit 0
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "duban: the Swift toolchain (6.3) is not on PATH; install it first (https://www.swift.org/install/linux/)." >&2
    exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "duban: this machine lacks what the ${purpose} needs:" >&2
    [ ${#missing_debs[@]} -gt 0 ] && echo "  Debian packages: ${missing_debs[*]}" >&2
    [ ${#missing_pips[@]} -gt 0 ] && echo "  Python packages: ${missing_pips[*]}" >&2
    echo "Install them with:" >&2
    echo "  sudo scripts/setup.sh ${purpose}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if [ ${#missing_debs[@]} -gt 0 ]; then
    echo "duban: installing Debian packages: ${missing_debs[*]}"
    apt-get update -qq
    apt-get install -y -qq "${missing_debs[@]}" >/dev/null
fi
if [ ${#missing_pips[@]} -gt 0 ]; then
    echo "duban: installing Python packages: ${missing_pips[*]}"
    # Debian 12's pip refuses to touch the system Python without --break-system-packages.
    python3 -m pip install -q "${missing_pips[@]}" 2>/dev/null \
        || python3 -m pip install -q --break-system-packages "${missing_pips[@]}"
fi
