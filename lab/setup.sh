#!/bin/bash
# First-run install for the IPsec lab. Idempotent: a second run only checks and returns.
#  - apt: user-mode-linux (guest kernel with ESP), busybox-static, the daemons' runtime libraries
#  - libreswan and strongSwan .debs are downloaded and unpacked (dpkg -x) under lab/.cache/, never
#    installed (Debian's libreswan Conflicts with strongswan-libcharon/-starter).
# The guest boots with the host's / (read-only) as the lowest overlay layer and these trees above it.
set -euo pipefail
LAB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="$LAB/.cache"
STAMP="$CACHE/setup.v1.done"
mkdir -p "$CACHE"

if [ -f "$STAMP" ] && [ -x /usr/bin/linux.uml ] && [ -x /bin/busybox ] \
   && [ -x "$CACHE/libreswan/usr/libexec/ipsec/pluto" ] && [ -x "$CACHE/strongswan/usr/lib/ipsec/charon" ]; then
  exit 0
fi

APT_PKGS=(user-mode-linux busybox-static
  # libreswan runtime (as its Depends:, minus the conflicting daemon packages)
  libnss3-tools libnss3 libnspr4 libunbound8 libevent-core-2.1-7 libevent-pthreads-2.1-7 libldns3
  libcap-ng0 libcurl3-nss libldap-2.5-0 libaudit1 libpam0g libselinux1 libsystemd0 libcrypt1
  dns-root-data iproute2
  # strongSwan runtime
  libcap2 libgmp10 libip4tc2 libssl3
  # builds uml-xstate-shim.so
  gcc libc6-dev)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: apt-get install ${missing[*]}" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --no-upgrade "${missing[@]}" >"$CACHE/apt.log" 2>&1; then
    apt-get update -q >>"$CACHE/apt.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends --no-upgrade "${missing[@]}" >>"$CACHE/apt.log" 2>&1 \
      || { tail -20 "$CACHE/apt.log" >&2; echo "setup: apt-get install failed" >&2; exit 1; }
  fi
fi

# download + unpack one tree per daemon family
unpack() { # NAME PKG...
  local name="$1"; shift
  local tree="$CACHE/$name" debs="$CACHE/debs/$name"
  [ -f "$tree/.done" ] && return 0
  rm -rf "$tree" "$debs"; mkdir -p "$tree" "$debs"
  ( cd "$debs" && apt-get download "$@" >"$CACHE/download-$name.log" 2>&1 ) || {
    apt-get update -q >/dev/null 2>&1
    ( cd "$debs" && apt-get download "$@" >"$CACHE/download-$name.log" 2>&1 ) \
      || { cat "$CACHE/download-$name.log" >&2; echo "setup: apt-get download failed" >&2; exit 1; }
  }
  for d in "$debs"/*.deb; do dpkg -x "$d" "$tree"; done
  # The host is merged-/usr: a real lib/ (bin/, sbin/) directory in an upper overlay layer would hide the
  # host's /lib -> usr/lib symlink, so fold those into usr/.
  for top in lib lib64 bin sbin; do
    if [ -d "$tree/$top" ] && [ ! -L "$tree/$top" ]; then
      mkdir -p "$tree/usr/$top"; cp -a "$tree/$top/." "$tree/usr/$top/"; rm -rf "${tree:?}/$top"
    fi
  done
  # nothing of systemd/docs is needed in the guest
  rm -rf "$tree/usr/share/doc" "$tree/usr/share/man" "$tree/lib/systemd" "$tree/usr/lib/systemd"
  touch "$tree/.done"
}
unpack libreswan libreswan
unpack strongswan libstrongswan libstrongswan-standard-plugins strongswan-libcharon strongswan-charon strongswan-swanctl

# the guest's modprobe helper: kernel modules of the UML kernel as /usr/lib/modules/<ver> in an overlay layer
KVER="$(ls /usr/lib/uml/modules | sort -V | tail -1)"
mkdir -p "$CACHE/modroot/usr/lib/modules" "$CACHE/modroot/usr/sbin"
ln -sfn "/usr/lib/uml/modules/$KVER" "$CACHE/modroot/usr/lib/modules/$KVER"
# the kernel's module helper (kernel.modprobe): busybox modprobe, logging what the kernel asked for
cat >"$CACHE/modroot/usr/sbin/modprobe" <<'EOS'
#!/bin/sh
echo "modprobe $*" >>/run/modprobe-calls.log
exec /bin/busybox modprobe "$@"
EOS
chmod 755 "$CACHE/modroot/usr/sbin/modprobe"

# every shared library the daemons need must resolve on the host
bad=0
for b in "$CACHE/libreswan/usr/libexec/ipsec/pluto" "$CACHE/libreswan/usr/libexec/ipsec/whack" \
         "$CACHE/libreswan/usr/libexec/ipsec/addconn" "$CACHE/strongswan/usr/sbin/swanctl"; do
  if LD_LIBRARY_PATH="$CACHE/strongswan/usr/lib/ipsec" ldd "$b" | grep -q 'not found'; then
    echo "setup: unresolved libraries for $b:" >&2; LD_LIBRARY_PATH="$CACHE/strongswan/usr/lib/ipsec" ldd "$b" | grep 'not found' >&2; bad=1
  fi
done
[ $bad = 0 ] || exit 1
touch "$STAMP"
echo "setup: done" >&2
