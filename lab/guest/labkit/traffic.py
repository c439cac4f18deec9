"""Pings through the tunnel, each proven to have crossed it by the ESP packet counters of the RTX side."""
import re

from .base import BB, T_PING, ScenarioFail, now

COUNT = 3


def esp_counters(sc, ns):
    """{(src, dst): packets} summed over the ESP states of a namespace."""
    rc, out = sc.sh(["ip", "-s", "xfrm", "state"], ns=ns, check=False, quiet=True)
    res = {}
    for block in re.split(r"(?m)^(?=src )", out):
        m = re.match(r"src (\S+) dst (\S+)", block)
        if not m or "proto esp" not in block:
            continue
        c = re.search(r"lifetime current:\s*\n\s*(\d+)\(bytes\), (\d+)\(packets\)", block)
        if c:
            key = (m.group(1), m.group(2))
            res[key] = res.get(key, 0) + int(c.group(2))
    return res


def ping(sc, ns, dst, src=None, count=1, wait=2):
    args = [BB, "ping", "-c", str(count), "-i", "0.2", "-W", str(wait)]
    if src:
        args += ["-I", src]
    rc, out = sc.sh(args + [dst], ns=ns, check=False, timeout=count * wait + 10)
    m = re.search(r"(\d+) packets received", out)
    return int(m.group(1)) if m else 0


def through_tunnel(sc, phase, ns, dst, label, src=None, first_wait=T_PING):
    """Ping `dst` from namespace `ns`; require COUNT replies and the RTX's ESP counters to move both ways.

    The failure reason names what is wrong:
    NOT_ENCRYPTED (no ESP left the sender's side: no SA covers this pair),
    NOT_FORWARDED (requests went into ESP but no reply; the VPS itself answers),
    NO_REPLY (anything else)."""
    rtx6, vps6 = sc.facts["local_address"], sc.facts["remote_address"]
    before = sc.esp_before if getattr(sc, "esp_before", None) is not None else esp_counters(sc, "rtx")
    got = ping(sc, ns, dst, src=src, count=COUNT, wait=5)
    if got < COUNT:  # the first packet may wait for a route or an SA: probe until the deadline, then count again
        deadline = now() + first_wait
        while not ping(sc, ns, dst, src=src, count=1, wait=2) and now() < deadline:
            pass
        before = esp_counters(sc, "rtx")
        got = ping(sc, ns, dst, src=src, count=COUNT, wait=5)
    after = esp_counters(sc, "rtx")
    sc.esp_before = after  # the next pair starts from here: one `ip xfrm` call per pair, not two
    out_d = after.get((rtx6, vps6), 0) - before.get((rtx6, vps6), 0)
    in_d = after.get((vps6, rtx6), 0) - before.get((vps6, rtx6), 0)
    sc.log(f"{phase}: {label}: {got}/{COUNT} replies, ESP rtx->vps +{out_d}, vps->rtx +{in_d}")
    if got >= COUNT and out_d >= COUNT and in_d >= COUNT:
        return
    sc.esp_before = None
    where = f"{phase}: {label}"
    if got >= COUNT:
        raise ScenarioFail(f"NOT_ENCRYPTED: {where}: replies came back but ESP moved only +{out_d}/+{in_d} "
                           "(traffic bypassed the SA)")
    toward_vps = ns == "rtx" or ns.startswith("lan")
    sent_esp = out_d if toward_vps else in_d
    if sent_esp == 0:
        raise ScenarioFail(f"NOT_ENCRYPTED: {where}: no reply and no ESP left the sending side "
                           "(no SA covers this pair: traffic selectors?)")
    if toward_vps and dst != str(sc.vps_priv.ip):
        # did the VPS itself answer? then it decrypts but does not forward
        if ping(sc, ns, str(sc.vps_priv.ip), src=src, count=1, wait=2):
            raise ScenarioFail(f"NOT_FORWARDED: {where}: the VPS answers but the host behind it does not "
                               "(net.ipv4.ip_forward? forward rules?)")
    raise ScenarioFail(f"NO_REPLY: {where}: {got}/{COUNT} replies, ESP +{out_d}/+{in_d}")


def all_pairs(sc, phase, every_lan=True):
    """Every LAN segment <-> the VPS and the host behind it, both directions.

    every_lan=False (after a rekey or a restart): only the first LAN segment, both ways: the question
    there is whether the new SAs carry traffic, and each ping costs seconds in a loaded guest."""
    vps_ip = str(sc.vps_priv.ip)
    host_ip = str(sc.vps_host.ip)
    sc.esp_before = None
    if not every_lan:
        ns, ip = sc.lan_hosts[0]
        through_tunnel(sc, phase, ns, host_ip, f"{ns} host {ip} -> vpshost {host_ip}")
        through_tunnel(sc, phase, "vpshost", ip, f"vpshost {host_ip} -> {ns} host {ip}", first_wait=10)
        return
    for ns, ip in sc.lan_hosts:
        through_tunnel(sc, phase, ns, vps_ip, f"{ns} host {ip} -> VPS {vps_ip}")
        through_tunnel(sc, phase, ns, host_ip, f"{ns} host {ip} -> vpshost {host_ip}", first_wait=10)
        through_tunnel(sc, phase, "vpshost", ip, f"vpshost {host_ip} -> {ns} host {ip}", first_wait=10)
        # the VPS host itself, no -I: the source must come from the VPS's own routes
        through_tunnel(sc, phase, "vps", ip, f"VPS (own routes) -> {ns} host {ip}", first_wait=10)
    sc.log(f"{phase}: traffic OK both ways through ESP for {len(sc.lan_hosts)} LAN segment(s)")
