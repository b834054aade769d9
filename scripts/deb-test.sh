#!/usr/bin/env bash
# The Debian package, end to end, as root: builds it (`make deb`) or takes the one given, installs it with dpkg,
# checks that every file lands where the FHS says and nowhere else, that the conffile, the user, the directories
# and the journal catalog are in place, runs the installed binaries (duband --version, dubanctl check on the
# installed examples, duband on the examples copied into /etc/duban as an admin would, dubanctl status against
# it), reinstalls over itself, removes it (configuration and state kept), purges it (both gone), and runs lintian.
# Any failed check stops the run with a message and a non-zero status; nothing is skipped. `.ci/run` calls it.
#   scripts/deb-test.sh [duban_VERSION_ARCH.deb]
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
daemon_pid=""
installed_here=""

failed=""
fail() {
    printf 'deb-test: FAILED: %b\n' "$*" >&2
    failed=yes
    exit 1
}
# The package's state as dpkg records it ("install ok installed", "deinstall ok config-files"), empty when unknown.
package_status() { dpkg-query -W -f='${Status}' duban 2>/dev/null || true; }
ok() { echo "deb-test: ok: $*"; }
cleanup() {
    status=$?
    if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
        kill -TERM "$daemon_pid" 2>/dev/null || true
        wait "$daemon_pid" 2>/dev/null || true
    fi
    if [ $status -ne 0 ]; then
        [ -n "$failed" ] || echo "deb-test: the package test failed (exit $status) at: $BASH_COMMAND" >&2
        # Leave the machine as it was: a package this run installed is purged again.
        if [ -n "$installed_here" ] && [ -n "$(package_status)" ]; then
            dpkg -P duban >/dev/null 2>&1 || true
        fi
    fi
}
trap cleanup EXIT

[ "$(id -u)" -eq 0 ] || fail "run as root: the test installs the package (dpkg -i) and checks the duban user"
scripts/setup.sh deb

# The test purges /etc/duban and /var/lib/duban: refuse to run where they hold someone's configuration or state.
if [ -n "$(package_status)" ]; then
    fail "duban is already installed on this machine; remove it first (dpkg -P duban)"
fi
for dir in /etc/duban /var/lib/duban; do
    [ ! -e "$dir" ] || fail "$dir exists (left by make install?); move it away first: this test deletes it"
done

version="$(sed -n 's/^ *\(public \)\{0,1\}static let current = "\([^"]*\)".*/\2/p' Sources/DubanCore/DubanVersion.swift)"
if [ $# -ge 1 ]; then
    deb="$1"
    [ -f "$deb" ] || fail "no such package: $deb"
else
    echo "== make deb (release build, Swift runtime linked statically)"
    build_started=$SECONDS
    make deb
    echo "deb-test: make deb took $((SECONDS - build_started)) s"
    deb="$(make -s --no-print-directory deb-file)"
fi

echo "== the package: $deb"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = duban ] || fail "Package: is $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), the sources say $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture: $(field Architecture)"
depends="$(field Depends)"
for lib in libc6 libsystemd0 libsqlite3-0 systemd; do
    grep -qE "(^|, )$lib( |,|$)" <<<"$depends" || fail "Depends: lacks $lib: $depends"
done
grep -qi swift <<<"$depends" && fail "Depends: names a Swift package: $depends"
ok "control: duban $version, Depends: $depends"

echo "== dpkg -i"
installed_here=yes
if ! DEBIAN_FRONTEND=noninteractive dpkg -i "$deb"; then
    echo "deb-test: dpkg -i left dependencies to install: apt-get install -f"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -f
fi
[ "$(package_status)" = "install ok installed" ] || fail "duban is not installed and configured"
ok "installed"

# Every file the package owns, and the FHS places it may use: duban's own directories, systemd's drop-in
# directories (units, catalog, sysusers.d, tmpfiles.d), the man, completion, doc and lintian directories, and
# /etc/duban. Nothing under /usr/local; nothing in /usr/lib outside duban's directory and systemd's.
mapfile -t owned < <(dpkg -L duban)
files=0
for path in "${owned[@]}"; do
    case "$path" in /usr/local | /usr/local/*) fail "$path is under /usr/local" ;; esac
    [ -e "$path" ] || [ -L "$path" ] || fail "$path is listed by dpkg -L but not on disk"
    [ -d "$path" ] && [ ! -L "$path" ] && continue
    files=$((files + 1))
    case "$path" in
        /usr/bin/duband | /usr/bin/dubanctl) ;;
        /usr/lib/duban/*) ;;
        /usr/lib/systemd/system/duban.service | /usr/lib/systemd/system/duban.socket) ;;
        /usr/lib/systemd/catalog/duban.catalog | /usr/lib/sysusers.d/duban.conf | /usr/lib/tmpfiles.d/duban.conf) ;;
        /usr/share/duban/* | /usr/share/doc/duban/*) ;;
        /usr/share/man/man1/dubanctl.1.gz | /usr/share/man/man5/duban.yaml.5.gz | /usr/share/man/man8/duband.8.gz) ;;
        /usr/share/bash-completion/completions/dubanctl | /usr/share/zsh/site-functions/_dubanctl) ;;
        /usr/share/fish/vendor_completions.d/dubanctl.fish | /usr/share/lintian/overrides/duban) ;;
        /etc/duban/*) ;;
        *) fail "$path is outside the places the package may use" ;;
    esac
done
ok "$files files, each in its FHS place"

# The files that must be there, with their modes.
expected=(
    "755 /usr/bin/duband" "755 /usr/bin/dubanctl"
    "755 /usr/lib/duban/plugins/duban-email" "755 /usr/lib/duban/plugins/duban-netcheck"
    "755 /usr/lib/duban/plugins/duban-planimport"
    "644 /usr/lib/systemd/system/duban.service" "644 /usr/lib/systemd/system/duban.socket"
    "644 /usr/lib/systemd/catalog/duban.catalog" "644 /usr/lib/sysusers.d/duban.conf"
    "644 /usr/lib/tmpfiles.d/duban.conf"
    "644 /etc/duban/duban.yaml"
    "644 /usr/share/man/man1/dubanctl.1.gz" "644 /usr/share/man/man5/duban.yaml.5.gz"
    "644 /usr/share/man/man8/duband.8.gz"
    "644 /usr/share/bash-completion/completions/dubanctl" "644 /usr/share/zsh/site-functions/_dubanctl"
    "644 /usr/share/fish/vendor_completions.d/dubanctl.fish"
    "644 /usr/share/duban/plugins.d/email.yaml" "644 /usr/share/duban/plugins.d/netcheck.yaml"
    "644 /usr/share/duban/plugins.d/planimport.yaml"
    "644 /usr/share/duban/examples/duban.yaml" "644 /usr/share/duban/examples/org.yaml"
    "644 /usr/share/duban/examples/plans/linxia-it-2022.yaml"
    "644 /usr/share/doc/duban/copyright" "644 /usr/share/doc/duban/changelog.gz" "644 /usr/share/doc/duban/LICENSE"
    "644 /usr/share/doc/duban/README.md" "644 /usr/share/doc/duban/CHANGELOG.md"
    "644 /usr/share/doc/duban/configuration.md" "644 /usr/share/doc/duban/journal-events.md"
    "644 /usr/share/lintian/overrides/duban"
)
for entry in "${expected[@]}"; do
    mode="${entry%% *}" path="${entry#* }"
    [ -f "$path" ] || fail "$path is missing"
    [ "$(stat -c %a "$path")" = "$mode" ] || fail "$path has mode $(stat -c %a "$path"), not $mode"
    [ "$(stat -c %U:%G "$path")" = root:root ] || fail "$path is owned by $(stat -c %U:%G "$path")"
done
[ -d /usr/share/doc/duban/examples/plans ] || fail "/usr/share/doc/duban/examples does not lead to the examples"
ok "${#expected[@]} expected files in place with their modes, owned by root"

conffiles="$(dpkg-query -W -f='${Conffiles}' duban)"
grep -q "^ /etc/duban/duban.yaml [0-9a-f]\{32\}$" <<<"$conffiles" || fail "conffile not registered: '$conffiles'"
ok "conffile /etc/duban/duban.yaml registered"

# The user, the groups and the directories (sysusers and tmpfiles in postinst).
user="$(getent passwd duban)" || fail "no duban user after install"
[ "$(cut -d: -f6 <<<"$user")" = /var/lib/duban ] || fail "duban's home is not /var/lib/duban: $user"
[ "$(cut -d: -f3 <<<"$user")" -lt 1000 ] || fail "duban is not a system user: $user"
getent group duban >/dev/null || fail "no duban group"
getent group duban-admin >/dev/null || fail "no duban-admin group"
for dir in /var/lib/duban /run/duban; do
    [ "$(stat -c '%U:%G %a' "$dir")" = "duban:duban 750" ] || fail "$dir is $(stat -c '%U:%G %a' "$dir")"
done
ok "user duban (uid $(id -u duban)), groups duban and duban-admin, /var/lib/duban and /run/duban duban:duban 0750"

# duban's daemon-started entry (deploy/catalog/duban.catalog); captured first, as grep -q on a pipe would cut it.
catalog_id=7527fc75fb3546668d10b84c6a3ed8f6
catalog="$(journalctl --list-catalog 2>/dev/null)" || fail "journalctl --list-catalog"
grep -q "$catalog_id" <<<"$catalog" || fail "the journal catalog lacks duban's entries (journalctl --update-catalog)"
ok "journal catalog entries registered"

# The binaries need only Debian's libraries.
for bin in /usr/bin/duband /usr/bin/dubanctl /usr/lib/duban/plugins/duban-{email,netcheck,planimport}; do
    libs="$(ldd "$bin")"
    grep -q "not found" <<<"$libs" && fail "$bin lacks a library:\n$libs"
    grep -qiE "swift|/opt/|libFoundation|libdispatch" <<<"$libs" && fail "$bin needs a Swift toolchain library:\n$libs"
    while read -r lib; do
        dpkg -S "$lib" >/dev/null 2>&1 || dpkg -S "$(readlink -f "$lib")" >/dev/null 2>&1 \
            || fail "$bin: $lib belongs to no Debian package"
    done < <(awk '/=>/ { print $3 }' <<<"$libs")
done
ok "every binary links only libraries from Debian packages"

echo "== the installed binaries"
[ "$(/usr/bin/duband --version)" = "$version" ] || fail "duband --version says '$(/usr/bin/duband --version)'"
ok "duband --version: $version"
[ "$(/usr/bin/dubanctl --version)" = "$version" ] || fail "dubanctl --version says '$(/usr/bin/dubanctl --version)'"
ok "dubanctl --version: $version"
/usr/bin/dubanctl check /usr/share/duban/examples >/dev/null || fail "dubanctl check /usr/share/duban/examples"
ok "dubanctl check /usr/share/duban/examples"
for page in "1 dubanctl" "5 duban.yaml" "8 duband"; do
    # shellcheck disable=SC2086 # section and name
    path="$(man -w $page)" || fail "man $page finds no page"
    warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$path" 2>&1 >/dev/null)"
    [ -z "$warnings" ] || fail "man $page warns:\n$warnings"
done
ok "man dubanctl, man duban.yaml, man duband render without warnings"

# An admin's first start: the examples into /etc/duban beside the installed configuration, duband as user duban
# (setpriv execs it, so $! is duband), dubanctl status over the socket, SIGTERM.
cp -R /usr/share/duban/examples/plans /usr/share/duban/examples/org.yaml /usr/share/duban/examples/school-calendars \
    /etc/duban/
setpriv --reuid=duban --regid=duban --init-groups /usr/bin/duband --check-config --config /etc/duban/duban.yaml \
    || fail "duband --check-config on /etc/duban"
log="$(mktemp)"
setpriv --reuid=duban --regid=duban --init-groups env DUBAN_LOG=stderr /usr/bin/duband --config /etc/duban/duban.yaml \
    >"$log" 2>&1 &
daemon_pid=$!
for _ in $(seq 1 100); do
    [ -S /run/duban/control.sock ] && break
    kill -0 "$daemon_pid" 2>/dev/null || fail "duband exited at start:\n$(cat "$log")"
    sleep 0.1
done
status_json="$(/usr/bin/dubanctl status --json)" || fail "dubanctl status:\n$(cat "$log")"
grep -qE '"plans" *: *3' <<<"$status_json" || fail "dubanctl status does not report 3 plans:\n$status_json"
kill -TERM "$daemon_pid"
wait "$daemon_pid" || fail "duband did not stop cleanly on SIGTERM (exit $?):\n$(cat "$log")"
daemon_pid=""
rm -f "$log"
[ "$(stat -c %U /var/lib/duban/duban.sqlite)" = duban ] || fail "the state database is not owned by duban"
ok "duband ran on the examples as user duban; dubanctl status answered; SIGTERM stopped it (exit 0)"

echo "== dpkg -i again (the upgrade path of the maintainer scripts)"
echo "# 管理员的修改 / an admin's edit" >>/etc/duban/duban.yaml
DEBIAN_FRONTEND=noninteractive dpkg -i --force-confold "$deb" || fail "reinstalling over itself"
grep -q "an admin's edit" /etc/duban/duban.yaml || fail "reinstalling replaced the admin's /etc/duban/duban.yaml"
[ "$(package_status)" = "install ok installed" ] || fail "not configured after reinstall"
ok "reinstalled; the admin's configuration kept"

# Enabled as an admin would (systemctl works on the unit files without a running systemd), for purge to clean up.
systemctl enable duban.socket duban.service 2>/dev/null || fail "systemctl enable duban.socket duban.service"

echo "== dpkg -r"
echo "deb-test" >/var/lib/duban/deb-test-marker
dpkg -r duban || fail "dpkg -r duban"
[ "$(package_status)" = "deinstall ok config-files" ] || fail "not in config-files state"
for path in /usr/bin/duband /usr/bin/dubanctl /usr/lib/duban /usr/share/duban /usr/lib/systemd/system/duban.service; do
    [ ! -e "$path" ] || fail "$path is still there after dpkg -r"
done
[ -f /var/lib/duban/deb-test-marker ] || fail "dpkg -r removed the state in /var/lib/duban"
[ -f /var/lib/duban/duban.sqlite ] || fail "dpkg -r removed the state database"
grep -q "an admin's edit" /etc/duban/duban.yaml || fail "dpkg -r removed /etc/duban/duban.yaml"
[ -d /etc/duban/plans ] || fail "dpkg -r removed /etc/duban/plans"
catalog="$(journalctl --list-catalog 2>/dev/null)" || fail "journalctl --list-catalog"
grep -q "$catalog_id" <<<"$catalog" && fail "the journal catalog still holds duban's entries after dpkg -r"
ok "removed; /var/lib/duban and /etc/duban/duban.yaml kept"

echo "== dpkg -P"
dpkg -P duban || fail "dpkg -P duban"
[ -z "$(package_status)" ] || fail "dpkg still knows duban after purge: $(package_status)"
for path in /etc/duban /var/lib/duban /run/duban /etc/systemd/system/multi-user.target.wants/duban.service \
    /etc/systemd/system/sockets.target.wants/duban.socket; do
    if [ -e "$path" ] || [ -L "$path" ]; then fail "$path is still there after dpkg -P"; fi
done
getent passwd duban >/dev/null || fail "purge removed the duban user (Debian keeps system users)"
installed_here=""
ok "purged; /etc/duban, /var/lib/duban and the units' enablement gone (the duban user stays, as Debian does)"

echo "== lintian"
lintian_started=$SECONDS
lintian_log="$(mktemp)"
lintian --fail-on error --display-info "$deb" >"$lintian_log" 2>&1 || {
    cat "$lintian_log" >&2
    fail "lintian reports errors"
}
echo "deb-test: lintian ($((SECONDS - lintian_started)) s): $(grep -c '^E:' "$lintian_log" || true) errors," \
    "$(grep -c '^W:' "$lintian_log" || true) warnings, $(grep -c '^I:' "$lintian_log" || true) notes" \
    "(deploy/debian/lintian-overrides says why libyaml is embedded)"
grep -E '^(E|W):' "$lintian_log" || true
rm -f "$lintian_log"
ok "lintian: no errors"

echo "deb-test: passed in $((SECONDS - started)) s"
