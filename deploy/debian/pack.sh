#!/usr/bin/env bash
# Turns a tree staged by `make install DESTDIR=ROOT` into a Debian binary package. Called by `make deb`:
#   [DEB_COMPRESSION=xz|zstd|gzip] deploy/debian/pack.sh ROOT VERSION OUTPUT.deb MAINTAINER
# What it adds to the staged tree is what Debian wants on top of an install: stripped binaries, compressed man
# pages, /usr/share/doc/duban/{copyright,changelog.gz}, and DEBIAN/ (control with Depends from dpkg-shlibdeps,
# conffiles, md5sums, the maintainer scripts). Needs dpkg-dev (dpkg-shlibdeps); `scripts/setup.sh deb` installs it.
set -euo pipefail
root="$1" version="$2" output="$3" maintainer="$4"
here="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "deb: $*" >&2; exit 1; }
[ -n "$version" ] || fail "no version (the Makefile reads it from Sources/DubanCore/DubanVersion.swift)"
command -v dpkg-shlibdeps >/dev/null || fail "dpkg-shlibdeps is missing: run 'scripts/setup.sh deb' (dpkg-dev)"
# Reproducible timestamps: the last commit's time (the Makefile passes SOURCE_DATE_EPOCH).
epoch="${SOURCE_DATE_EPOCH:-$(date +%s)}"

# Every executable the package must carry. `make install` skips a plugin that was not built; a package must not.
executables=(usr/bin/duband usr/bin/dubanctl
    usr/lib/duban/plugins/duban-email usr/lib/duban/plugins/duban-netcheck usr/lib/duban/plugins/duban-planimport)
for path in "${executables[@]}"; do
    [ -x "$root/$path" ] || fail "$root/$path is missing from the staged install"
done

# Modes as Debian expects them, whatever the checkout's umask made of copied files: directories and executables
# 0755, everything else 0644.
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
for path in "${executables[@]}"; do chmod 0755 "$root/$path"; done

# Stripped as dh_strip does; the Swift runtime needs only its metadata sections, which strip keeps.
for path in "${executables[@]}"; do
    strip --remove-section=.comment --remove-section=.note "$root/$path"
done

# Man pages are shipped compressed (Policy 12.1).
find "$root/usr/share/man" -type f ! -name '*.gz' -exec gzip -9nf {} +
# bash-completion sources its files: the #!/bin/bash that argument-parser writes first is of no use there.
sed -i '1{/^#!/d}' "$root/usr/share/bash-completion/completions/dubanctl"
install -D -m 0644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/duban"

# /usr/share/doc/duban: copyright (machine-readable: duban's MIT licence, as in LICENSE beside it, and the notices
# of what the binaries link statically); the Debian changelog of a native package is changelog.gz.
doc="$root/usr/share/doc/duban"
install -m 0644 "$here/copyright" "$doc/copyright"
{
    echo "duban ($version) unstable; urgency=medium"
    echo
    echo "  * duban $version, packaged by \`make deb\` from its sources. What changed"
    echo "    is in /usr/share/doc/duban/CHANGELOG.md."
    echo
    echo " -- $maintainer  $(LC_ALL=C date -u -R -d "@$epoch")"
} | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"
# The examples live in /usr/share/duban/examples (copied into /etc/duban by the admin); Debian's usual place for
# them points there.
ln -sfn ../../duban/examples "$doc/examples"

# DEBIAN/: maintainer scripts, conffiles, md5sums, control.
rm -rf "$root/DEBIAN"
install -d -m 0755 "$root/DEBIAN"
install -m 0755 "$here/postinst" "$here/prerm" "$here/postrm" "$root/DEBIAN/"
install -m 0644 "$here/conffiles" "$root/DEBIAN/conffiles"
while read -r conffile; do
    [ -f "$root$conffile" ] || fail "conffile $conffile is not in the staged install"
done < "$here/conffiles"
(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
    | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

# Depends: the shared libraries the binaries need, as dpkg-shlibdeps maps them to Debian packages (it wants a
# debian/control of a source package to read; a minimal one in a scratch directory will do).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/debian"
printf 'Source: duban\n\nPackage: duban\nArchitecture: any\n' > "$scratch/debian/control"
abs_root="$(cd "$root" && pwd)"
shlibs="$(cd "$scratch" && dpkg-shlibdeps -O "${executables[@]/#/$abs_root/}")"
depends="${shlibs#shlibs:Depends=}"
if [ -z "$depends" ] || [ "$depends" = "$shlibs" ]; then fail "dpkg-shlibdeps gave no Depends: $shlibs"; fi
installed_size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$(dpkg --print-architecture)|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@INSTALLED_SIZE@|$installed_size|" -e "s|@DEPENDS@|$depends|" "$here/control.in" > "$root/DEBIAN/control"
chmod 0644 "$root/DEBIAN/control"

find "$root" -exec touch -h -d "@$epoch" {} +
# xz (Debian's default: the smallest file, about 2 minutes on 2 cores) unless DEB_COMPRESSION says otherwise.
dpkg-deb --root-owner-group "-Z${DEB_COMPRESSION:-xz}" --build "$root" "$output"
echo "deb: built $output (Depends: $depends)"
