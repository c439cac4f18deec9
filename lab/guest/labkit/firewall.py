"""The generated VPS firewall, applied in the vps namespace as the target applies it.

- nftables.d/*.nft: `nft -f FILE` (needs NF_TABLES_INET: Debian's UML kernel lacks it, Debian's own
  kernel has it; where the kernel refuses the table family the scenario records "not applied").
- firewall/iptables.rules, firewall/ip6tables.rules: `iptables-restore --noflush` (legacy backend: the
  UML kernel has ip_tables/ip6_tables with the policy match, not nf_tables).
- firewall/ufw-before-mangle.rules: the *mangle block ufw splices into before.rules; loaded with
  iptables-restore --noflush, as ufw's own loader does.
The scenario records what was applied in its result ("firewall" column)."""
import os

from .base import ScenarioFail

UNSUPPORTED = ("Operation not supported", "Could not process rule: No such file or directory",
               "table family", "Protocol not supported")


def files(spec):
    found = []
    d = spec.file("nftables.d")
    if os.path.isdir(d):
        found += [("nft", os.path.join(d, f)) for f in sorted(os.listdir(d)) if f.endswith(".nft")]
    d = spec.file("firewall")
    if os.path.isdir(d):
        for f in sorted(os.listdir(d)):
            p = os.path.join(d, f)
            if f in ("iptables.rules", "ufw-before-mangle.rules"):
                found.append(("iptables", p))
            elif f == "ip6tables.rules":
                found.append(("ip6tables", p))
    return found


def apply(sc):
    fw = files(sc.spec)
    sc.firewall_loaded = None
    if not fw:
        sc.record["firewall"] = "none generated"
        return
    if sc.spec.firewall == "skip":
        sc.record["firewall"] = "skipped by scenario"
        return
    applied, refused = [], []
    for kind, path in fw:
        name = os.path.basename(path)
        if os.path.getsize(path) == 0 or not open(path).read().strip():
            continue
        if kind == "nft":
            rc, out = sc.sh(["nft", "-f", path], ns="vps", check=False)
        else:
            tool = "iptables-legacy-restore" if kind == "iptables" else "ip6tables-legacy-restore"
            rc, out = sc.sh([tool, "--noflush"], ns="vps", check=False, stdin=open(path).read())
        if rc == 0:
            applied.append(f"{kind}:{name}")
            continue
        if kind == "nft" and any(u in out for u in UNSUPPORTED):
            sc.log(f"firewall: {name} not applied, this guest kernel cannot load it: {out.strip()[-200:]}")
            refused.append(f"{kind}:{name}")
            continue
        raise ScenarioFail(f"FIREWALL_LOAD_FAILED: {name}: {out.strip()[-300:]}")
    if applied:
        sc.firewall_loaded = applied
        sc.firewall_kind = ", ".join(applied)
    sc.record["firewall"] = ("applied " + " ".join(applied) if applied else "") + \
        (("; " if applied else "") + "kernel lacks support: " + " ".join(refused) if refused else "")
    sc.log(f"firewall: {sc.record['firewall']}")


def remove(sc):
    """Undo what apply() loaded (diagnosis only: does the tunnel come up without it?)."""
    for item in sc.firewall_loaded or []:
        kind = item.split(":", 1)[0]
        if kind == "nft":
            sc.sh(["nft", "flush", "ruleset"], ns="vps", check=False)
        elif kind == "iptables":
            for t in ("filter", "mangle"):
                sc.sh(["iptables-legacy", "-t", t, "-F"], ns="vps", check=False)
        else:
            sc.sh(["ip6tables-legacy", "-F"], ns="vps", check=False)
