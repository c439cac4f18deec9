#!/usr/bin/env python3
"""Prints the lab's result table from the guests' results.jsonl files: usage summary.py RUNDIR TOTAL_SECONDS."""
import glob
import json
import os
import sys


def main():
    run, total = sys.argv[1], sys.argv[2]
    rows = []
    for fn in sorted(glob.glob(os.path.join(run, "g*", "results.jsonl"))):
        rows += [json.loads(line) for line in open(fn) if line.strip()]
    order = {}
    for fn in glob.glob(os.path.join(run, "g*", "scenarios.list")):
        for line in open(fn):
            parts = line.rstrip("\n").split("\t")
            order[os.path.basename(parts[-1].rstrip("/"))] = int(parts[0])
    rows.sort(key=lambda r: order.get(r["name"], 1 << 30))

    def rec(r, side):
        v = r.get("recovery", {}).get(side)
        return f"{v:.1f}" if isinstance(v, (int, float)) else "-"
    head = ["scenario", "result", "seconds", "up after", "RTX reboot recovery", "VPS restart recovery", "firewall"]
    table = [[r["name"], r["result"], f"{r['seconds']:.1f}", f"{r['up']:.1f}" if "up" in r else "-",
              rec(r, "rtx"), rec(r, "vps"), r.get("firewall", "-")] for r in rows]
    widths = [max(len(h), *(len(t[i]) for t in table)) if table else len(h) for i, h in enumerate(head)]
    fmt = "| " + " | ".join(f"{{:{w}}}" for w in widths) + " |"
    print()
    print(fmt.format(*head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for t in table:
        print(fmt.format(*t))
    print(f"\n(seconds are wall time per scenario inside its guest; whole run {total}s)")
    with open(os.path.join(run, "summary.md"), "w") as f:
        f.write(fmt.format(*head) + "\n" + "|" + "|".join("-" * (w + 2) for w in widths) + "|\n")
        for t in table:
            f.write(fmt.format(*t) + "\n")


if __name__ == "__main__":
    main()
