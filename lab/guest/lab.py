#!/usr/bin/env python3
"""IPsec lab driver: runs INSIDE the guest (a kernel with ESP), one scenario after another.

usage: lab.py SCENARIOS.LIST RESULTS.TXT
Writes `PASS name` / `FAIL name: reason` lines to RESULTS.TXT and one JSON object per scenario to
RESULTS.TXT's sibling results.jsonl (seconds, recovery times, firewall) for the summary table.
The work is done by the labkit package next to this file (see lab/README.md, "How it works")."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from labkit.base import OUT  # noqa: E402
from labkit.scenario import Scenario  # noqa: E402


def main():
    lst, results = sys.argv[1], sys.argv[2]
    jsonl = os.path.join(os.path.dirname(results), "results.jsonl")
    dirs = [line.rstrip("\n").split("\t") for line in open(lst) if line.strip()]
    os.environ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    used = set()
    with open(results, "a") as res, open(jsonl, "a") as js:
        for d in dirs:
            index = int(d[0]) if len(d) > 2 else len(used)
            sc = Scenario(d[-2], index, origin=d[-1])
            base = os.path.basename(sc.out)
            if base in used or base in ("scenarios", "") or base.startswith("."):
                sc.out = os.path.join(OUT, f"{base or 'scenario'}-{index + 1}")
            used.add(os.path.basename(sc.out))
            verdict = sc.execute()
            res.write(verdict + "\n")
            res.flush()
            js.write(json.dumps(sc.record) + "\n")
            js.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
