#!/usr/bin/env bash
# Load generated files into another Debian generation's libreswan pluto and strongSwan charon/swanctl,
# inside a debootstrap chroot of that suite:
#   bullseye (Debian 11): libreswan 4.3, strongSwan 5.9.1
#   trixie   (Debian 13): libreswan 5.2, strongSwan 6.0.1
#
#   tools/daemons/suite-check.sh SUITE setup                      # build the chroot (once, ~1 min)
#   tools/daemons/suite-check.sh SUITE libreswan CONF SECRETS LEFT_IPV6
#   tools/daemons/suite-check.sh SUITE swanctl FILE
#   tools/daemons/suite-check.sh SUITE root                       # print the chroot path
#
# The chroot is /var/cache/rtx-daemons-SUITE (override: SUITE_ROOT), outside the repo on purpose (a
# whole Debian tree would be crawled by tsc/eslint/prettier/vitest). In it: libreswan installed
# normally (/usr/libexec/ipsec/pluto), strongSwan extracted to /opt/ss (the two packages conflict).
# A second `setup` is a no-op (stamp file .ready).
#
# Output: the raw daemon output + a final "RESULT ok|FAIL" line (no JSON; it is a manual check).
# Same isolation as check.ts: a throw-away netns with only lo + LEFT_IPV6 (2001:db8::/32).
set -euo pipefail
SUITE="${1:-}"; shift || true
case "$SUITE" in
  # libssl names differ per suite; the rest comes from libreswan's Depends
  bullseye) EXTRA=(libssl1.1) ;;
  trixie) EXTRA=(libgmp10 libcap2 libip4tc2 libssl3t64) ;;
  *) echo "usage: $0 bullseye|trixie setup|root|libreswan CONF SECRETS LEFT_IPV6|swanctl FILE" >&2; exit 2 ;;
esac
# TRIXIE_ROOT is the name the trixie chroot's override had before bullseye joined it.
if [[ "$SUITE" == trixie && -n "${TRIXIE_ROOT:-}" ]]; then SUITE_ROOT="${SUITE_ROOT:-$TRIXIE_ROOT}"; fi
ROOT="${SUITE_ROOT:-/var/cache/rtx-daemons-$SUITE}"
MIRROR="${SUITE_MIRROR:-http://deb.debian.org/debian}"
SS_DEBS=(libstrongswan libstrongswan-standard-plugins strongswan-libcharon strongswan-charon strongswan-swanctl)

setup() {
  [[ -f "$ROOT/.ready" ]] && { echo "chroot ready: $ROOT"; return; }
  command -v debootstrap >/dev/null || apt-get install -y -q --no-install-recommends --no-upgrade debootstrap
  local t0=$SECONDS
  rm -rf "$ROOT"; mkdir -p "$ROOT"
  # libreswan installed normally in the chroot; strongSwan (conflicts with it) extracted to /opt/ss
  debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR"
  printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d"; chmod +x "$ROOT/usr/sbin/policy-rc.d"
  chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    libreswan libnss3-tools "${EXTRA[@]}"
  mkdir -p "$ROOT/opt/ss/debs"
  chroot "$ROOT" sh -c "cd /opt/ss/debs && chmod 777 . && apt-get download ${SS_DEBS[*]} && for f in *.deb; do dpkg -x \$f /opt/ss; done"
  touch "$ROOT/.ready"
  echo "chroot built in $((SECONDS - t0)) s: $ROOT"
}

NS=""; W=""
cleanup() {
  if [[ -n "$NS" ]]; then
    for p in $(ip netns pids "$NS" 2>/dev/null); do kill -9 "$p" 2>/dev/null || true; done
    ip netns del "$NS" 2>/dev/null || true
  fi
  if [[ -n "$W" ]]; then rm -rf "$W"; fi
  # the trap's own status must not replace the script's
  return 0
}
trap cleanup EXIT INT TERM

mkns() {
  [[ -f "$ROOT/.ready" ]] || { echo "run: $0 setup" >&2; exit 2; }
  NS="dchk-$SUITE-$$"; ip netns add "$NS"; ip -n "$NS" link set lo up
  W=$(mktemp -d "$ROOT/tmp/chk.XXXXXX"); chmod 755 "$W"
}

libreswan() {
  local conf=$1 secrets=$2 left=$3
  [[ "$left" =~ ^2001:[0]?db8: ]] || { echo "LEFT_IPV6 must be in 2001:db8::/32" >&2; exit 2; }
  mkns; local w=${W#"$ROOT"} t0=$SECONDS
  ip -n "$NS" addr add "$left/128" dev lo nodad
  cp "$conf" "$W/conn.conf"; cp "$secrets" "$W/ipsec.secrets"; mkdir -p "$W/run" "$W/nss" "$W/ipsec.d"
  awk '/^config[ \t]+setup/{p=1;print;next} /^[^ \t#]/{p=0} p' "$W/conn.conf" > "$W/setup.conf"
  grep -q . "$W/setup.conf" || echo "config setup" > "$W/setup.conf"
  chroot "$ROOT" certutil -N -d "sql:$w/nss" --empty-password
  # pluto 5.2 needs /proc (XFRM detection): mounted in the netns' private mount namespace only
  ip netns exec "$NS" sh -c "mount -t proc proc $ROOT/proc && exec chroot $ROOT /usr/libexec/ipsec/pluto \
    --config $w/setup.conf --secretsfile $w/ipsec.secrets --rundir $w/run --nssdir $w/nss \
    --ipsecdir $w/ipsec.d --logfile $w/pluto.log --nofork" &
  local pid=$!
  for _ in $(seq 600); do [[ -S "$W/run/pluto.ctl" ]] && break; kill -0 $pid 2>/dev/null || break; sleep 0.05; done
  local ok=1 n
  # every conn but %default and the bases other conns include with also= (they carry no auto= and
  # are never loaded by the service either)
  local bases
  bases=$(sed -n 's/^[ \t]*also=//p' "$W/conn.conf" | tr ' ' '\n' | sort -u)
  for n in $(awk '/^conn[ \t]+/{print $2}' "$W/conn.conf" | grep -v '^%default$' | grep -vxF -f <(echo "$bases") || true); do
    ip netns exec "$NS" chroot "$ROOT" /usr/libexec/ipsec/addconn --ctlsocket "$w/run/pluto.ctl" --config "$w/conn.conf" "$n" || true
    # a rightsubnets= list adds NAME/0x1, NAME/0x2 … (5.x) or NAME/1x1 … (4.x)
    grep -qE "\"$n(/[0-9]+x[0-9]+)?\": added IKEv[12] connection" "$W/pluto.log" || ok=0
  done
  for _ in $(seq 100); do grep -q 'loading secrets from' "$W/pluto.log" && break; kill -0 $pid 2>/dev/null || break; sleep 0.05; done
  chroot "$ROOT" /usr/libexec/ipsec/whack --ctlsocket "$w/run/pluto.ctl" --shutdown || true
  wait || true
  grep -Ev ': {2,}|testing |Encrypting|RFC |CAVP' "$W/pluto.log"
  grep -qE 'expected record boundary|PSK data malformed' "$W/pluto.log" && ok=0
  echo "RESULT $([[ $ok == 1 ]] && echo ok || echo FAIL) (libreswan $(chroot "$ROOT" dpkg-query -W -f='${Version}' libreswan), $((SECONDS - t0)) s)"
  [[ $ok == 1 ]]
}

swanctl() {
  local file=$1
  mkns; local w=${W#"$ROOT"} t0=$SECONDS
  cp "$file" "$W/swanctl.conf"
  cat > "$W/strongswan.conf" <<EOF
charon {
  load_modular = yes
  install_routes = no
  plugins {
    include /opt/ss/etc/strongswan.d/charon/*.conf
    vici { load = yes
           socket = unix://$w/charon.vici }
  }
}
swanctl { load = pem pkcs1 pkcs8 x509 revocation constraints pubkey openssl random }
EOF
  local mnt="mount -t overlay overlay -o lowerdir=$ROOT/opt/ss/usr/lib:$ROOT/usr/lib $ROOT/usr/lib && mount -t tmpfs tmpfs $ROOT/run"
  ip netns exec "$NS" env STRONGSWAN_CONF="$w/strongswan.conf" sh -c "$mnt && exec chroot $ROOT /usr/lib/ipsec/charon" > "$W/charon.log" 2>&1 &
  local pid=$!
  for _ in $(seq 600); do [[ -S "$W/charon.vici" ]] && break; kill -0 $pid 2>/dev/null || break; sleep 0.05; done
  local out
  out=$(ip netns exec "$NS" env STRONGSWAN_CONF="$w/strongswan.conf" sh -c "$mnt && exec chroot $ROOT /opt/ss/usr/sbin/swanctl --load-all --noprompt --file $w/swanctl.conf --uri unix://$w/charon.vici" 2>&1 | grep -v "^opening directory" || true)
  echo "$out"
  ip netns exec "$NS" env STRONGSWAN_CONF="$w/strongswan.conf" sh -c "$mnt && exec chroot $ROOT /opt/ss/usr/sbin/swanctl --list-conns --uri unix://$w/charon.vici" 2>&1 || true
  local ok=0
  grep -q 'successfully loaded' <<<"$out" && ! grep -qi 'failed' <<<"$out" && ok=1
  echo "RESULT $([[ $ok == 1 ]] && echo ok || echo FAIL) (strongSwan $(dpkg-deb -f "$ROOT"/opt/ss/debs/strongswan-charon_*.deb Version), $((SECONDS - t0)) s)"
  [[ $ok == 1 ]]
}

case "${1:-}" in
  setup) setup ;;
  root) echo "$ROOT" ;;
  libreswan) shift; libreswan "$@" ;;
  swanctl) shift; swanctl "$@" ;;
  *) echo "usage: $0 $SUITE setup | root | libreswan CONF SECRETS LEFT_IPV6 | swanctl FILE" >&2; exit 2 ;;
esac
