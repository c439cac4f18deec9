#!/usr/bin/env bash
# Idempotent installer for the daemon/parser harness (Debian 12 bookworm, run as root).
#
#  * apt (normal install, --no-install-recommends, never upgrading an installed package):
#      nftables iptables iproute2 netplan.io libnss3-tools (certutil)
#      + the runtime libraries of libreswan 4.10 and strongSwan 5.9.8
#  * libreswan 4.10 and strongSwan 5.9.8 are NOT installed as packages (Debian's libreswan
#    Conflicts with strongswan-libcharon/strongswan-starter, and a package install would also
#    drop host services and /etc files). Their .debs are fetched with `apt-get download`
#    and unpacked with `dpkg -x` into tools/daemons/.cache/{libreswan,strongswan}/.
#    check.sh runs them from there, inside throw-away network namespaces.
#
# Second run: only dpkg-query + a stamp check (well under a second).
# Env: DAEMONS_CACHE (default tools/daemons/.cache), APT_LOCK_TIMEOUT (s, default 600).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${DAEMONS_CACHE:-$HERE/.cache}"
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-y -q --no-install-recommends --no-upgrade -o "DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT:-600}")

# .debs that are extracted (never installed)
LIBRESWAN_DEBS=(libreswan)
STRONGSWAN_DEBS=(libstrongswan libstrongswan-standard-plugins strongswan-libcharon strongswan-charon strongswan-swanctl)
# packages installed normally
BASE_PKGS=(nftables iptables iproute2 netplan.io libnss3-tools)
# dependencies of the extracted .debs that must not be installed / are not needed at run time
SKIP_DEPS_RE='^(libreswan|libstrongswan|libstrongswan-standard-plugins|strongswan-.*|charon-.*|debconf|debconf-2.0|host|dns-root-data|libc6)$'
STAMP_VERSION=1

log() { echo "[install.sh] $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then echo "install.sh must run as root" >&2; exit 1; fi

not_installed() { # prints the packages of "$@" that are not installed
  local p st
  for p in "$@"; do
    st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [[ "$st" == installed ]] || echo "$p"
  done
}

stamp_ok() {
  [[ -f "$CACHE/stamp" ]] || return 1
  [[ "$(head -n1 "$CACHE/stamp")" == "v$STAMP_VERSION" ]] || return 1
  [[ -x "$CACHE/libreswan/usr/libexec/ipsec/pluto" && -x "$CACHE/strongswan/usr/lib/ipsec/charon" \
     && -x "$CACHE/strongswan/usr/sbin/swanctl" ]] || return 1
  local deps; deps=$(sed -n 's/^deps: //p' "$CACHE/stamp")
  # shellcheck disable=SC2086
  [[ -z "$(not_installed "${BASE_PKGS[@]}" $deps)" ]]
}

if stamp_ok; then
  log "already installed ($(sed -n 's/^versions: //p' "$CACHE/stamp"))"
  exit 0
fi

# apt-get install that refuses to upgrade any installed package: if the resolver wants an
# upgrade, retry each new package with older candidate versions (e.g. bookworm instead of
# bookworm-security) until the set installs without touching installed packages.
upgrades_in() { grep -E '^Inst [^ ]+ \[' || true; }
safe_apt_install() {
  local -a want; mapfile -t want < <(not_installed "$@" | sort -u)
  [[ ${#want[@]} -eq 0 ]] && return 0
  local sim; sim=$(apt-get install -s "${APT_OPTS[@]}" "${want[@]}" 2>&1) || { echo "$sim" >&2; return 1; }
  if [[ -n "$(upgrades_in <<<"$sim")" ]]; then
    log "resolver wants upgrades: $(upgrades_in <<<"$sim" | awk '{print $2}' | tr '\n' ' ')- pinning versions"
    local -a pinned=() ; local p v ok
    for p in "${want[@]}"; do
      ok=""
      while read -r v; do
        if [[ -z "$(apt-get install -s "${APT_OPTS[@]}" "$p=$v" 2>/dev/null | upgrades_in)" ]] \
           && apt-get install -s "${APT_OPTS[@]}" "$p=$v" >/dev/null 2>&1; then ok="$p=$v"; break; fi
      done < <(apt-cache madison "$p" | awk -F'|' '{gsub(/ /,"",$2); print $2}' | awk '!seen[$0]++')
      [[ -n "$ok" ]] || { log "no version of $p installs without upgrading host packages"; return 1; }
      pinned+=("$ok")
    done
    sim=$(apt-get install -s "${APT_OPTS[@]}" "${pinned[@]}" 2>&1) || { echo "$sim" >&2; return 1; }
    if [[ -n "$(upgrades_in <<<"$sim")" ]]; then
      log "still needs upgrades, refusing:"; upgrades_in <<<"$sim" >&2; return 1
    fi
    want=("${pinned[@]}")
  fi
  log "apt-get install ${want[*]}"
  apt-get install "${APT_OPTS[@]}" "${want[@]}" >&2
}

mkdir -p "$CACHE/debs"
if ! apt-cache show libreswan >/dev/null 2>&1; then
  log "apt lists missing: apt-get update"; apt-get update -q >&2
fi

# 1. download the daemon .debs (candidate versions)
log "apt-get download ${LIBRESWAN_DEBS[*]} ${STRONGSWAN_DEBS[*]}"
rm -rf "$CACHE/debs.tmp"; mkdir -p "$CACHE/debs.tmp"
( cd "$CACHE/debs.tmp" && chmod 777 . && apt-get download -q "${LIBRESWAN_DEBS[@]}" "${STRONGSWAN_DEBS[@]}" >&2 )
rm -rf "$CACHE/debs"; mv "$CACHE/debs.tmp" "$CACHE/debs"

# 2. runtime deps = Depends of those .debs (first alternative), minus the extracted/unneeded ones
mapfile -t DEPS < <(for f in "$CACHE"/debs/*.deb; do dpkg-deb -f "$f" Depends; done \
  | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/[[:space:]]//g' | grep -v '^$' | sort -u \
  | grep -Ev "$SKIP_DEPS_RE")
safe_apt_install "${BASE_PKGS[@]}" "${DEPS[@]}"

# 3. extract
extract() { # dir debs...
  local dir="$1"; shift
  rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
  local n; for n in "$@"; do dpkg -x "$CACHE"/debs/"${n}"_*.deb "$dir.tmp"; done
  rm -rf "$dir"; mv "$dir.tmp" "$dir"
}
extract "$CACHE/libreswan" "${LIBRESWAN_DEBS[@]}"
extract "$CACHE/strongswan" "${STRONGSWAN_DEBS[@]}"

# 4. smoke: binaries resolve their libraries
for b in "$CACHE/libreswan/usr/libexec/ipsec/pluto" "$CACHE/libreswan/usr/libexec/ipsec/addconn" \
         "$CACHE/libreswan/usr/libexec/ipsec/algparse"; do
  if LD_LIBRARY_PATH= ldd "$b" | grep -q 'not found'; then ldd "$b" >&2; log "missing libs for $b"; exit 1; fi
done
for b in "$CACHE/strongswan/usr/lib/ipsec/charon" "$CACHE/strongswan/usr/sbin/swanctl"; do
  if LD_LIBRARY_PATH="$CACHE/strongswan/usr/lib/ipsec" ldd "$b" | grep -q 'not found'; then
    LD_LIBRARY_PATH="$CACHE/strongswan/usr/lib/ipsec" ldd "$b" >&2; log "missing libs for $b"; exit 1; fi
done
for c in nft iptables-restore ip6tables-restore netplan certutil ip; do
  command -v "$c" >/dev/null || { log "missing command: $c"; exit 1; }
done

vers=$(for f in "$CACHE"/debs/*.deb; do dpkg-deb -W --showformat='${Package}=${Version} ' "$f"; done)
{ echo "v$STAMP_VERSION"; echo "versions: $vers"; echo "deps: ${DEPS[*]}"; } > "$CACHE/stamp"
log "done ($vers)"
