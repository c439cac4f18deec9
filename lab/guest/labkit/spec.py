"""scenario.json: what one scenario is. Every key is documented in lab/README.md ("Scenario directory")."""
import json
import os
import re

DEFAULT_UP_CHECKS = ["traffic", "rekey", "restart-rtx", "restart-vps"]
KNOWN_KEYS = {
    "name", "initiator", "expect", "expectReason", "faults", "checks", "rtxTrafficSelectors",
    "vpsPrivateAddress", "rtxStandIn", "vpsStack", "firewall", "hosts", "notes", "mutation", "group",
    "guest",
}


class Spec:
    def __init__(self, sdir):
        self.sdir = os.path.abspath(sdir)
        with open(os.path.join(self.sdir, "scenario.json")) as f:
            meta = json.load(f)
        unknown = set(meta) - KNOWN_KEYS
        if unknown:
            raise ValueError(f"scenario.json: unknown keys {sorted(unknown)}")
        self.meta = meta
        self.name = str(meta.get("name") or os.path.basename(self.sdir.rstrip("/")))
        self.safe_name = re.sub(r"[^A-Za-z0-9._-]+", "_", self.name)
        self.initiator = meta.get("initiator", "vps")
        self.expect = meta.get("expect", "up")
        self.expect_reason = meta.get("expectReason", "")
        if self.initiator not in ("vps", "rtx") or self.expect not in ("up", "fail"):
            raise ValueError("scenario.json: initiator must be vps|rtx and expect up|fail")
        checks = meta.get("checks")
        if checks is None:
            # the first lab's `faults: ["rtx-restart"]` kept working; an up scenario runs every check
            checks = DEFAULT_UP_CHECKS if self.expect == "up" or meta.get("mutation") else []
        self.checks = list(checks)
        self.ts = meta.get("rtxTrafficSelectors", "lan")
        self.rtx_stand_in = meta.get("rtxStandIn", "libreswan")
        self.vps_stack = meta.get("vpsStack", "bookworm")
        self.firewall = meta.get("firewall", "apply")
        self.hosts = meta.get("hosts", [])

    def file(self, *p):
        return os.path.join(self.sdir, *p)
