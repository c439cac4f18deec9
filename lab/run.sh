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
# Which guest runs a scenario. Debian's UML kernel lacks NF_TABLES_INET, so a scenario that must see the
# generated nft file enforced says "guest": "qemu" in scenario.json and runs in QEMU (TCG, Debian's own
# kernel); everything else runs in UML, which boots in seconds and runs one CPU per guest.
# LAB_VM=auto (default): that split, UML guests first (one per core), then ONE QEMU guest with every vCPU
# (two TCG guests on 2 cores starved each other). LAB_VM=uml or LAB_VM=qemu puts every scenario in that kind.
VM="${LAB_VM:-auto}"
uml_s=(); qemu_s=()
for i in "${!scenarios[@]}"; do
  want=uml
  if [ "$VM" = qemu ]; then want=qemu
  elif [ "$VM" = auto ] && python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]+"/scenario.json")).get("guest") != "qemu")' "${scenarios[$i]}"; then want=qemu
  fi
  if [ "$want" = qemu ]; then qemu_s+=("$i"); else uml_s+=("$i"); fi
done
UGUESTS=0; QGUESTS=0
if [ ${#uml_s[@]} -gt 0 ]; then
  UGUESTS="${LAB_GUESTS:-$(nproc)}"; [ "$UGUESTS" -ge 1 ] 2>/dev/null || UGUESTS=1
  [ "$UGUESTS" -le ${#uml_s[@]} ] || UGUESTS=${#uml_s[@]}
fi
[ ${#qemu_s[@]} -gt 0 ] && QGUESTS=1
GUESTS=$((UGUESTS + QGUESTS))
declare -A GVM GCOUNT
for ((g = 0; g < GUESTS; g++)); do
  mkdir -p "$RUN/g$g/uml"; : >"$RUN/g$g/scenarios.list"; : >"$RUN/g$g/results.txt"
  if [ "$g" -lt "$UGUESTS" ]; then GVM[$g]=uml; else GVM[$g]=qemu; fi
  GCOUNT[$g]=0
done
# the guest sees the host's / read-only but has its own /tmp and /run: hand it copies of the inputs
assign() { # I G
  local i="$1" g="$2"
  mkdir -p "$RUN/in/$i"
  cp -a "${scenarios[$i]}/." "$RUN/in/$i/" || die "cannot copy ${scenarios[$i]}"
  printf '%s\t%s\t%s\n' "$i" "$RUN/in/$i" "${scenarios[$i]}" >>"$RUN/g$g/scenarios.list"
  GCOUNT[$g]=$((GCOUNT[$g] + 1))
}
k=0; for i in "${uml_s[@]}"; do assign "$i" $((k % UGUESTS)); k=$((k + 1)); done
for i in "${qemu_s[@]}"; do assign "$i" "$UGUESTS"; done
# deadline per guest: boot + a generous 600 s per scenario (a full up scenario takes 2-5 min on a quiet machine)
gtimeout() { if [ -n "$GUEST_TIMEOUT" ]; then echo "$GUEST_TIMEOUT"; else echo $((300 + 600 * GCOUNT[$1])); fi; }

if [ "$QGUESTS" -gt 0 ]; then
  read -r QKERNEL QINITRD < <(bash "$LAB/qemu-setup.sh" | tail -1) || die "lab/qemu-setup.sh failed"
  [ -f "$QKERNEL" ] && [ -f "$QINITRD" ] || die "lab/qemu-setup.sh gave no kernel/initrd"
fi
C="$LAB/.cache"
launch() { # G: one guest, console to a file, no network device; the host / read-only, only lab/out writable
  local g="$1"
  if [ "${GVM[$g]}" = qemu ]; then
    share() { echo "-virtfs local,path=$(readlink -f "$1"),mount_tag=$2,security_model=none${3:+,$3}"; }
    # shellcheck disable=SC2046
    exec timeout -k 5 "$(gtimeout "$g")" qemu-system-x86_64 -accel tcg,thread=multi -cpu max \
      -smp "$(nproc)" -m 1024 -nodefaults -no-reboot -display none \
      -serial "file:$RUN/g$g/console.log" -kernel "$QKERNEL" -initrd "$QINITRD" \
      -append "console=ttyS0 panic=-1 quiet LAB=$LAB LABRUN=$RUN/g$g" \
      $(share / host readonly=on,multidevs=remap) $(share "$C/modroot" modroot readonly=on) $(share "$C/libreswan" libreswan readonly=on) \
      $(share "$C/strongswan" strongswan readonly=on) $(share "$OUT" labout) </dev/null >>"$RUN/g$g/console.log" 2>&1
  else
    exec env LD_PRELOAD="$SHIM" timeout -k 5 "$(gtimeout "$g")" linux.uml \
      mem=768M root=/dev/root rootfstype=hostfs rootflags=/ ro quiet \
      con0=null,fd:1 con=null ubd0=/dev/null uml_dir="$RUN/g$g/uml" umid=lab$g \
      init=/bin/sh LAB="$LAB" LABRUN="$RUN/g$g" -- "$LAB/guest/init.sh" </dev/null >"$RUN/g$g/console.log" 2>&1
  fi
}
echo "lab: ${#scenarios[@]} scenario(s): ${#uml_s[@]} in $UGUESTS uml guest(s), then ${#qemu_s[@]} in $QGUESTS qemu guest(s)" >&2
pids=()
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
declare -A rcg
batch() { # FIRST LAST: launch guests FIRST..LAST-1 in parallel and wait for them
  local g p first="$1" last="$2"
  pids=()
  for ((g = first; g < last; g++)); do launch "$g" & pids+=($!); done
  while alive; do follow; sleep 0.5; done
  g=$first
  for p in "${pids[@]}"; do wait "$p"; rcg[$g]=$?; g=$((g + 1)); done
  follow
}
# UML first, then QEMU alone: a TCG guest next to others on 2 cores is too slow to be fair to either
[ "$UGUESTS" -gt 0 ] && batch 0 "$UGUESTS"
[ "$QGUESTS" -gt 0 ] && batch "$UGUESTS" "$GUESTS"

# scenarios a guest never reported: FAIL with the guest's reason
for ((g = 0; g < GUESTS; g++)); do
  while IFS=$'\t' read -r i _copy origin; do
    name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]+"/scenario.json")).get("name",""))' "$origin" 2>/dev/null)
    [ -n "$name" ] || name=$(basename "$origin")
    grep -q -E "^(PASS|FAIL) $name(:|\$)" "$RUN/g$g/results.txt" && continue
    why="guest ended early (rc=${rcg[$g]})"
    [ "${rcg[$g]}" = 124 ] && why="guest run exceeded $(gtimeout "$g")s"
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
