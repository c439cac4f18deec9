"""Reading the generated VPS files of a scenario: which daemon, sysctl lines, route file, private address."""
import ipaddress
import os
import re

from .base import ScenarioFail


def detect(spec):
    ipsecd = spec.file("ipsec.d")
    swan = spec.file("swanctl", "conf.d")
    if os.path.isdir(ipsecd):
        confs = sorted(f for f in os.listdir(ipsecd) if f.endswith(".conf"))
        secrets = sorted(f for f in os.listdir(ipsecd) if f.endswith(".secrets"))
        if not confs:
            raise ScenarioFail("ipsec.d/ has no .conf")
        return "libreswan", {"conf": confs, "secrets": secrets}
    if os.path.isdir(swan):
        confs = sorted(f for f in os.listdir(swan) if f.endswith(".conf"))
        if not confs:
            raise ScenarioFail("swanctl/conf.d/ has no .conf")
        return "strongswan", {"conf": confs}
    raise ScenarioFail("no VPS files: expected ipsec.d/*.conf or swanctl/conf.d/*.conf")


def conf_text(spec, kind, files):
    d = spec.file("ipsec.d") if kind == "libreswan" else spec.file("swanctl", "conf.d")
    return "".join(open(os.path.join(d, fn)).read() for fn in files["conf"])


def route_lines(spec):
    """Route files: RHEL `route-IF` (ip-route argument lines or ADDRESSn= form) or `routes`."""
    lines = []
    for fn in sorted(os.listdir(spec.sdir)):
        path = spec.file(fn)
        if not os.path.isfile(path) or not (fn.startswith("route-") or fn in ("routes", "route")):
            continue
        dev = fn[len("route-"):] if fn.startswith("route-") else None
        text = open(path).read()
        kv = dict(re.findall(r"^\s*([A-Z]+\d+)=\"?([^\"\n]*)\"?", text, re.M))
        if kv:
            i = 0
            while f"ADDRESS{i}" in kv:
                net = ipaddress.ip_network(f"{kv[f'ADDRESS{i}']}/{kv.get(f'NETMASK{i}', '255.255.255.255')}", strict=False)
                line = f"{net}"
                if f"GATEWAY{i}" in kv:
                    line += f" via {kv[f'GATEWAY{i}']}"
                if dev:
                    line += f" dev {dev}"
                lines.append(line)
                i += 1
            continue
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if dev and " dev " not in f" {line} ":
                line += f" dev {dev}"
            lines.append(line)
    return lines


def sysctl_lines(spec):
    files = []
    if os.path.isfile(spec.file("sysctl.conf")):
        files.append(spec.file("sysctl.conf"))
    d = spec.file("sysctl.d")
    if os.path.isdir(d):
        files += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".conf")]
    out = []
    for fn in files:
        for raw in open(fn).read().splitlines():
            line = raw.strip()
            if not line or line[0] in "#;":
                continue
            if "=" not in line:
                raise ScenarioFail(f"{os.path.basename(fn)}: cannot parse {line!r}")
            k, v = (x.strip() for x in line.split("=", 1))
            out.append((k.lstrip("-"), v, k.startswith("-")))
    return out


def private_address(spec, facts):
    """The VPS private IPv4 interface address (eth1)."""
    if spec.meta.get("vpsPrivateAddress"):
        return ipaddress.ip_interface(spec.meta["vpsPrivateAddress"])
    routes = [ipaddress.ip_network(r) for r in facts["tunnel_routes"]]
    for line in route_lines(spec):
        m = re.search(r"\b(?:src|via)\s+(\d+\.\d+\.\d+\.\d+)", line)
        if m:
            a = ipaddress.ip_address(m.group(1))
            for r in routes:
                if a in r:
                    return ipaddress.ip_interface(f"{a}/{r.prefixlen}")
    r = routes[0]
    return ipaddress.ip_interface(f"{next(r.hosts())}/{r.prefixlen}")


def dpd_seconds(text):
    """dpd delay + timeout (or retransmit-timeout) of the VPS file, seconds (None if absent)."""
    def secs(v):
        m = re.match(r"(\d+)\s*([smh]?)", v)
        return int(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)] if m else 0
    total = 0
    for k in ("dpddelay", "dpdtimeout", "dpd_delay", "dpd_timeout", "retransmit-timeout"):
        m = re.search(rf"^\s*{k}\s*=\s*(\S+)", text, re.M)
        if m:
            total += secs(m.group(1))
    return total or None
