#!/bin/bash
# IPsec lab: bash lab/run.sh [scenario-dir ...]   (no argument: lab/fixtures/*)
#
# Boots ONE user-mode-linux guest (a 6.1 kernel with ESP; the host kernel has none), runs every
# scenario in it (two network namespaces "vps" and "rtx" joined by a veth pair, a real IKE + ESP tunnel
# between libreswan/strongSwan daemons) and prints one line per scenario:
#   PASS name            |  FAIL name: reason
# and finally "N passed, N failed". Exit status 0 only if every scenario passed.
# Logs: lab/out/<scenario>/ (lab.log = the story; rtx/ and vps/ = configs, daemon logs, final state).
set -uo pipefail
LAB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$LAB/out"
RUN="$OUT/.run"
# deadline for the whole guest run (seconds); a normal scenario takes 5-20 s
GUEST_TIMEOUT="${LAB_GUEST_TIMEOUT:-}"
t0=$(date +%s)

die() { echo "FAIL lab: $*"; echo "0 passed, 1 failed"; exit 1; }

case "$LAB" in *[[:space:]]*) die "the lab path must not contain spaces ($LAB)";; esac

if [ $# -eq 0 ]; then
  set -- "$LAB"/fixtures/*/
fi
scenarios=()
for d in "$@"; do
  [ -d "$d" ] || die "not a scenario directory: $d"
  scenarios+=("$(cd "$d" && pwd)")
done
[ ${#scenarios[@]} -gt 0 ] || die "no scenarios"

[ -n "$GUEST_TIMEOUT" ] || GUEST_TIMEOUT=$((120 + 150 * ${#scenarios[@]}))

bash "$LAB/setup.sh" || die "lab/setup.sh failed"

SHIM="$LAB/.cache/uml-xstate-shim.so"
if [ ! -f "$SHIM" ] || [ "$LAB/uml-xstate-shim.c" -nt "$SHIM" ]; then
  gcc -O2 -Wall -shared -fPIC -o "$SHIM" "$LAB/uml-xstate-shim.c" -ldl || die "cannot build the UML xstate shim"
fi

mkdir -p "$OUT"
rm -rf "$RUN"
mkdir -p "$RUN" "$RUN/uml"
# the guest sees the host's / read-only but has its own /tmp and /run: hand it copies of the inputs
: >"$RUN/scenarios.list"
for i in "${!scenarios[@]}"; do
  mkdir -p "$RUN/in/$i"
  cp -a "${scenarios[$i]}/." "$RUN/in/$i/" || die "cannot copy ${scenarios[$i]}"
  printf '%s\t%s\n' "$RUN/in/$i" "${scenarios[$i]}" >>"$RUN/scenarios.list"
done
: >"$RUN/results.txt"

# the guest: host / read-only over hostfs, init = guest/init.sh, console to a file, no network device
LD_PRELOAD="$SHIM" timeout -k 5 "$GUEST_TIMEOUT" linux.uml \
  mem=768M root=/dev/root rootfstype=hostfs rootflags=/ ro quiet \
  con0=null,fd:1 con=null ubd0=/dev/null uml_dir="$RUN/uml" umid=lab \
  init=/bin/sh LAB="$LAB" -- "$LAB/guest/init.sh" </dev/null >"$RUN/console.log" 2>&1 &
guest=$!
trap 'kill "$guest" 2>/dev/null' EXIT
trap 'kill "$guest" 2>/dev/null; exit 130' INT TERM

# follow the results as the guest writes them
printed=0
follow() {
  local n
  n=$(wc -l <"$RUN/results.txt")
  while [ "$printed" -lt "$n" ]; do
    printed=$((printed + 1))
    sed -n "${printed}p" "$RUN/results.txt"
  done
}
while kill -0 "$guest" 2>/dev/null; do
  follow
  sleep 0.5
done
wait "$guest"
guest_rc=$?
follow

pass=$(grep -c '^PASS ' "$RUN/results.txt")
fail=$(grep -c '^FAIL ' "$RUN/results.txt")
missing=$(( ${#scenarios[@]} - pass - fail ))
if [ "$missing" -gt 0 ]; then
  why="guest ended early (rc=$guest_rc)"
  [ "$guest_rc" = 124 ] && why="guest run exceeded ${GUEST_TIMEOUT}s"
  grep -h 'GUEST-INIT-FAILED' "$RUN/console.log" >/dev/null 2>&1 && why="$(grep -h 'GUEST-INIT-FAILED' "$RUN/console.log" | head -1)"
  for ((i = pass + fail; i < ${#scenarios[@]}; i++)); do
    echo "FAIL $(basename "${scenarios[$i]}"): not run: $why (see lab/out/.run/console.log, lab/out/.run/lab.log)"
  done
  fail=$((fail + missing))
fi
echo "lab: ${#scenarios[@]} scenario(s) in $(( $(date +%s) - t0 ))s; logs in lab/out/" >&2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
