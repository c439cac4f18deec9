#!/bin/bash
# IPsec lab: bash lab/run.sh [scenario-dir ...]   (no argument: lab/fixtures/*)
#
# Boots user-mode-linux guests (LAB_GUESTS, default one per core) (a 6.1 kernel with ESP; the host kernel has none), runs every
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


bash "$LAB/setup.sh" || die "lab/setup.sh failed"

SHIM="$LAB/.cache/uml-xstate-shim.so"
if [ ! -f "$SHIM" ] || [ "$LAB/uml-xstate-shim.c" -nt "$SHIM" ]; then
  gcc -O2 -Wall -shared -fPIC -o "$SHIM" "$LAB/uml-xstate-shim.c" -ldl || die "cannot build the UML xstate shim"
fi

mkdir -p "$OUT"
rm -rf "$RUN"
mkdir -p "$RUN"
# guests run in parallel (UML is single-CPU); each gets every Nth scenario. 768 MiB each.
VM="${LAB_VM:-auto}"
if [ "$VM" = auto ]; then
  VM=uml
  for d in "${scenarios[@]}"; do [ -d "$d/nftables.d" ] && VM=qemu; done
fi
# QEMU: one guest with every vCPU by default (measured at load 25: two TCG guests on 2 cores starved each
# other and every scenario timed out; one ran). UML runs on one CPU: one guest per core.
if [ "$VM" = qemu ]; then GUESTS="${LAB_GUESTS:-1}"; else GUESTS="${LAB_GUESTS:-$(nproc)}"; fi
[ "$GUESTS" -ge 1 ] 2>/dev/null || GUESTS=1
[ "$GUESTS" -le ${#scenarios[@]} ] || GUESTS=${#scenarios[@]}
# the guest sees the host's / read-only but has its own /tmp and /run: hand it copies of the inputs
for ((g = 0; g < GUESTS; g++)); do mkdir -p "$RUN/g$g/uml"; : >"$RUN/g$g/scenarios.list"; : >"$RUN/g$g/results.txt"; done
for i in "${!scenarios[@]}"; do
  g=$((i % GUESTS))
  mkdir -p "$RUN/in/$i"
  cp -a "${scenarios[$i]}/." "$RUN/in/$i/" || die "cannot copy ${scenarios[$i]}"
  printf '%s\t%s\t%s\n' "$i" "$RUN/in/$i" "${scenarios[$i]}" >>"$RUN/g$g/scenarios.list"
done
per_guest=$(( (${#scenarios[@]} + GUESTS - 1) / GUESTS ))
[ -n "$GUEST_TIMEOUT" ] || GUEST_TIMEOUT=$((240 + 600 * per_guest))

# Which guest kernel. Debian's UML kernel lacks NF_TABLES_INET, so scenarios with a generated nft file
# run in QEMU (TCG) with Debian's own kernel: LAB_VM=auto (default) picks qemu when any scenario has
# nftables.d/; LAB_VM=uml or LAB_VM=qemu forces one.
if [ "$VM" = qemu ]; then
  read -r QKERNEL QINITRD < <(bash "$LAB/qemu-setup.sh" | tail -1) || die "lab/qemu-setup.sh failed"
  [ -f "$QKERNEL" ] && [ -f "$QINITRD" ] || die "lab/qemu-setup.sh gave no kernel/initrd"
fi
C="$LAB/.cache"
launch() { # G: one guest, console to a file, no network device; the host / read-only, only lab/out writable
  local g="$1"
  if [ "$VM" = qemu ]; then
    share() { echo "-virtfs local,path=$(readlink -f "$1"),mount_tag=$2,security_model=none${3:+,$3}"; }
    # shellcheck disable=SC2046
    exec timeout -k 5 "$GUEST_TIMEOUT" qemu-system-x86_64 -accel tcg,thread=multi -cpu max \
      -smp "$(( $(nproc) / GUESTS > 0 ? $(nproc) / GUESTS : 1 ))" -m 1024 -nodefaults -no-reboot -display none \
      -serial "file:$RUN/g$g/console.log" -kernel "$QKERNEL" -initrd "$QINITRD" \
      -append "console=ttyS0 panic=-1 quiet LAB=$LAB LABRUN=$RUN/g$g" \
      $(share / host readonly=on,multidevs=remap) $(share "$C/modroot" modroot readonly=on) $(share "$C/libreswan" libreswan readonly=on) \
      $(share "$C/strongswan" strongswan readonly=on) $(share "$OUT" labout) </dev/null >>"$RUN/g$g/console.log" 2>&1
  else
    exec env LD_PRELOAD="$SHIM" timeout -k 5 "$GUEST_TIMEOUT" linux.uml \
      mem=768M root=/dev/root rootfstype=hostfs rootflags=/ ro quiet \
      con0=null,fd:1 con=null ubd0=/dev/null uml_dir="$RUN/g$g/uml" umid=lab$g \
      init=/bin/sh LAB="$LAB" LABRUN="$RUN/g$g" -- "$LAB/guest/init.sh" </dev/null >"$RUN/g$g/console.log" 2>&1
  fi
}
echo "lab: ${#scenarios[@]} scenario(s) in $GUESTS $VM guest(s)" >&2
pids=()
for ((g = 0; g < GUESTS; g++)); do
  launch "$g" &
  pids+=($!)
done
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done' EXIT
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; exit 130' INT TERM

# follow the results as the guests write them
declare -A printed
follow() {
  local g n
  for ((g = 0; g < GUESTS; g++)); do
    n=$(wc -l <"$RUN/g$g/results.txt")
    while [ "${printed[$g]:-0}" -lt "$n" ]; do
      printed[$g]=$((${printed[$g]:-0} + 1))
      sed -n "${printed[$g]}p" "$RUN/g$g/results.txt"
    done
  done
}
alive() { local p; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
while alive; do
  follow
  sleep 0.5
done
rcs=()
for p in "${pids[@]}"; do wait "$p"; rcs+=($?); done
follow

# scenarios a guest never reported: FAIL with the guest's reason
for ((g = 0; g < GUESTS; g++)); do
  while IFS=$'\t' read -r i _copy origin; do
    name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]+"/scenario.json")).get("name",""))' "$origin" 2>/dev/null)
    [ -n "$name" ] || name=$(basename "$origin")
    grep -q -E "^(PASS|FAIL) $name(:|\$)" "$RUN/g$g/results.txt" && continue
    why="guest ended early (rc=${rcs[$g]})"
    [ "${rcs[$g]}" = 124 ] && why="guest run exceeded ${GUEST_TIMEOUT}s"
    grep -h 'GUEST-INIT-FAILED' "$RUN/g$g/console.log" >/dev/null 2>&1 && why="$(grep -h 'GUEST-INIT-FAILED' "$RUN/g$g/console.log" | head -1)"
    line="FAIL $name: not run: $why (see lab/out/.run/g$g/console.log and lab.log)"
    echo "$line"; echo "$line" >>"$RUN/g$g/results.txt"
  done <"$RUN/g$g/scenarios.list"
done

cat "$RUN"/g*/results.txt >"$RUN/results.txt"
python3 "$LAB/summary.py" "$RUN" "$(( $(date +%s) - t0 ))"
pass=$(grep -c '^PASS ' "$RUN/results.txt")
fail=$(grep -c '^FAIL ' "$RUN/results.txt")
echo "lab: ${#scenarios[@]} scenario(s), $GUESTS guest(s), $(( $(date +%s) - t0 ))s; logs in lab/out/" >&2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -eq ${#scenarios[@]} ]
