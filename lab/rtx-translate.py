#!/usr/bin/env python3
"""Translate generated YAMAHA RTX commands into a libreswan 4.x peer that behaves like the RTX.

Usage: rtx-translate.py ROUTER.rtx OUTDIR [--ts lan|any]

Writes OUTDIR/ipsec.conf, OUTDIR/ipsec.secrets and OUTDIR/rtx.json (facts the lab needs: LAN
addresses, outer addresses, routed networks, who initiates, keepalive timers). Exits 2 with a message
on any `ipsec ike ...` line it does not understand. The mapping and every assumption about the RTX
are listed in lab/README.md ("RTX emulation").
"""
import ipaddress
import json
import os
import re
import shlex
import sys

ENC = {"aes-cbc": "aes128", "aes256-cbc": "aes256", "3des-cbc": "3des"}
# `des-cbc` exists on the RTX but no libreswan/strongSwan build used here offers it
HASH = {"sha": "sha1", "sha256": "sha2_256", "md5": "md5"}
ESP_INTEG = {"sha-hmac": "sha1", "sha256-hmac": "sha2_256", "md5-hmac": "md5"}
GROUP = {"modp1024": "dh2", "modp1536": "dh5", "modp2048": "dh14", "modp768": "dh1"}
# what an IKEv2 RTX proposes when `proposal-limitation` is off (strongest first) -- see README
RTX_ALL_ENC = ["aes256", "aes128", "3des"]
RTX_ALL_HASH = ["sha2_256", "sha1"]
RTX_ALL_GROUPS = ["dh14", "dh5"]  # modp1024/768 cannot be loaded by libreswan 4.10 at all


class TranslateError(Exception):
    pass


def strip_comment(line):
    """Drop a trailing `# comment` that is outside quotes (RTX: `#` must be escaped/quoted in values)."""
    out, quote, i = [], None, 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line):
            out.append(line[i : i + 2])
            i += 2
            continue
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "#":
            break
        out.append(c)
        i += 1
    return "".join(out).strip()


def words(line):
    try:
        return shlex.split(line, posix=True)
    except ValueError as e:
        raise TranslateError(f"cannot split line {line!r}: {e}")


def parse(text):
    gw = {}  # gateway id -> dict of settings
    tunnels = {}  # tunnel number -> dict
    routes = []  # (network, tunnel number)
    lans = []  # (ifname, interface address)
    st = {"auto_refresh": None, "auto_refresh_gw": {}, "filters6": {}, "secure_in": {}, "ignored": []}
    current_tunnel = None

    def g(i):
        return gw.setdefault(i, {"id": i})

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = strip_comment(raw.replace("\r", ""))
        if not line:
            continue
        w = words(line)
        where = f"line {lineno}: {line!r}"
        if w[:2] == ["tunnel", "select"]:
            current_tunnel = None if w[2] == "none" else int(w[2])
            if current_tunnel is not None:
                tunnels.setdefault(current_tunnel, {"n": current_tunnel})
            continue
        if w[0] == "ip" and len(w) >= 4 and re.fullmatch(r"lan\d+", w[1]) and w[2] == "address":
            if w[3] != "dhcp":
                lans.append((w[1], ipaddress.ip_interface(w[3])))
            continue
        if w[:2] == ["ip", "route"] and len(w) >= 5 and w[3] == "gateway":
            if w[4] == "tunnel" and w[2] != "default":
                net = ipaddress.ip_network(w[2] if "/" in w[2] else w[2] + "/32", strict=False)
                routes.append((net, int(w[5])))
            continue
        if w[:2] == ["ipsec", "tunnel"] and current_tunnel is not None:
            tunnels[current_tunnel]["policy"] = int(w[2])
            continue
        if w[:3] == ["ipsec", "sa", "policy"]:
            pid, gid, proto = int(w[3]), int(w[4]), w[5]
            if proto != "esp":
                raise TranslateError(f"{where}: only `esp` SA policies are supported")
            algs = [x for x in w[6:] if "=" not in x]
            opts = dict(x.split("=", 1) for x in w[6:] if "=" in x)
            enc = algs[0] if algs else "aes-cbc"
            integ = algs[1] if len(algs) > 1 else None
            if enc not in ENC:
                raise TranslateError(f"{where}: ESP cipher {enc!r} not supported by the lab")
            if integ is not None and integ not in ESP_INTEG:
                raise TranslateError(f"{where}: ESP integrity {integ!r} not supported by the lab")
            g(gid).setdefault("policies", {})[pid] = {"enc": enc, "integ": integ, "opts": opts}
            continue
        if w[:3] == ["ipsec", "auto", "refresh"]:
            if len(w) == 4:
                st["auto_refresh"] = w[3] == "on"
            else:
                st["auto_refresh_gw"][int(w[3])] = w[4] == "on"
            continue
        if w[:2] == ["ipsec", "ike"]:
            parse_ike(w, g, where)
            continue
        if w[:2] == ["tunnel", "enable"] and current_tunnel is not None:
            tunnels[current_tunnel]["enabled"] = True
            continue
        if w[:2] == ["ipv6", "filter"] and len(w) >= 5:
            st["filters6"][int(w[2])] = parse_filter(w, where)
            continue
        if w[0] == "ipv6" and len(w) >= 5 and w[2:4] == ["secure", "filter"]:
            if w[4] == "in":
                st["secure_in"].setdefault(w[1], []).extend(int(x) for x in w[5:] if x != "dynamic")
                continue
            if w[4] == "out":
                continue  # outbound list: does not decide what reaches the RTX from the VPS (see IGNORED)
        reason = ignored(w, current_tunnel)
        if reason:
            st["ignored"].append(f"{where}: {reason}")
            continue
        raise TranslateError(f"{where}: line not understood by the lab (neither emulated nor on its list of "
                             "deliberately ignored lines)")
    return gw, tunnels, routes, lans, st


# Lines the lab deliberately does not emulate, each with the reason. Anything else it does not
# understand is an error, so a new kind of generated line cannot slip past the lab unnoticed.
IGNORED = [
    (lambda w, t: w[0] == "description" or w[:2] == ["tunnel", "description"],
     "a label only"),
    (lambda w, t: w[:2] == ["tunnel", "select"] and w[2:] == ["none"], "leaves tunnel mode"),
    (lambda w, t: w[:5] == ["ip", "tunnel", "tcp", "mss", "limit"],
     "TCP MSS clamp on the RTX: the lab's pings carry no TCP SYN, so it changes nothing they see"),
    (lambda w, t: w[:4] == ["ip", "route", "default", "gateway"],
     "the IPv4 Internet route (DS-Lite/MAP-E/PPPoE): not the VPS tunnel; the lab has no IPv4 Internet"),
    (lambda w, t: w[:2] == ["ip", "filter"],
     "IPv4 filters of the Internet default route (`ip route default ... filter`): the tunnel carries IPv4 "
     "to the VPS by its own route"),
    (lambda w, t: w[:3] == ["ipsec", "ike", "keepalive"] and w[3:4] == ["log"], "syslog verbosity only"),
]


def ignored(w, current_tunnel):
    for pred, reason in IGNORED:
        if pred(w, current_tunnel):
            return reason
    return None


# ---------------------------------------------------------------- RTX IPv6 filters (CR ch. 8)
PROTO_NUM = {"esp": 50, "ah": 51, "udp": 17, "tcp": 6, "icmp6": 58, "ipv6-icmp": 58, "gre": 47}


def parse_filter(w, where):
    """`ipv6 filter N ACTION SRC [DST [PROTO [SPORT [DPORT]]]]` (omitted fields are `*`)."""
    f = (w[3:] + ["*"] * 6)[:6]
    action = f[0]
    if not re.fullmatch(r"(pass|reject)(-log|-nolog)?|restrict(-log|-nolog)?", action):
        raise TranslateError(f"{where}: filter action {action!r} not understood")
    return {"action": action.split("-")[0], "src": f[1], "dst": f[2], "proto": f[3], "sport": f[4], "dport": f[5],
            "where": where}


def addr_match(spec, addr):
    if spec == "*":
        return True
    a = ipaddress.ip_address(addr)
    for part in spec.split(","):
        try:
            if "-" in part:
                lo, hi = (ipaddress.ip_address(x) for x in part.split("-", 1))
                if lo <= a <= hi:
                    return True
            elif ipaddress.ip_network(part, strict=False).version == a.version and a in ipaddress.ip_network(part, strict=False):
                return True
        except ValueError:
            raise TranslateError(f"filter address {spec!r} not understood")
    return False


def proto_match(spec, proto):
    if spec == "*":
        return True
    for part in spec.split(","):
        if part == proto or (part.isdigit() and int(part) == PROTO_NUM.get(proto)):
            return True
        if part not in PROTO_NUM and not part.isdigit() and part not in ("tcpflag", "tcpfin", "tcprst", "tcpsyn",
                                                                          "established", "icmp6-error", "icmp6-info"):
            raise TranslateError(f"filter protocol {spec!r} not understood")
    return False


def port_match(spec, port):
    if spec == "*" or port is None:
        return True
    for part in spec.split(","):
        if "-" in part:
            lo, hi = part.split("-", 1)
            if (int(lo) if lo else 0) <= port <= (int(hi) if hi else 65535):
                return True
        elif part.isdigit():
            if int(part) == port:
                return True
        else:
            raise TranslateError(f"filter port {spec!r} not understood")
    return False


def admitted(filters, order, src, dst, proto, sport=None, dport=None):
    """(True/False/None, filter number): the first defined filter of the list that matches decides;
    None = no filter defined in this text matched."""
    for n in order:
        f = filters.get(n)
        if f is None:
            continue
        if (addr_match(f["src"], src) and addr_match(f["dst"], dst) and proto_match(f["proto"], proto)
                and port_match(f["sport"], sport) and port_match(f["dport"], dport)):
            return f["action"] == "pass", n
    return None, None


def check_wan_filters(st, local, remote, notes):
    """The RTX must admit IKE (UDP 500) and ESP from the VPS on the WAN's `secure filter in` list."""
    lists = st["secure_in"]
    if not lists:
        notes.append("no `ipv6 IF secure filter in` line: the WAN is assumed unfiltered (nothing to check)")
        return
    for ifname, order in lists.items():
        undefined = [n for n in order if n not in st["filters6"]]
        for what, proto, sport, dport in (("ESP", "esp", None, None), ("IKE (UDP 500)", "udp", 500, 500)):
            ok, n = admitted(st["filters6"], order, remote, local, proto, sport, dport)
            if ok is None:
                raise TranslateError(
                    f"RTX_FILTER: `ipv6 {ifname} secure filter in` does not admit {what} from the VPS {remote} "
                    f"to {local}: no filter defined in this text matches (list {' '.join(map(str, order))}"
                    + (f"; {' '.join(map(str, undefined))} are the router's existing filters, not in this text" if undefined else "")
                    + ")")
            if not ok:
                raise TranslateError(f"RTX_FILTER: `ipv6 {ifname} secure filter in` rejects {what} from the VPS "
                                     f"{remote} at filter {n} ({st['filters6'][n]['where']})")
            notes.append(f"{ifname} secure filter in admits {what} from the VPS at filter {n}")
        if undefined:
            notes.append(f"filters {' '.join(map(str, undefined))} on {ifname} are not defined in this text "
                         "(the router's existing ones); assumed not to match IKE/ESP from the VPS")


def parse_ike(w, g, where):
    key = w[2]
    try:
        if key == "version":
            g(int(w[3]))["version"] = int(w[4])
        elif key == "encryption":
            if w[4] not in ENC:
                raise TranslateError(f"{where}: IKE cipher {w[4]!r} not supported")
            g(int(w[3]))["encryption"] = w[4]
        elif key == "hash":
            if w[4] not in HASH:
                raise TranslateError(f"{where}: IKE hash {w[4]!r} not supported")
            g(int(w[3]))["hash"] = w[4]
        elif key == "group":
            for x in w[4:]:
                if x not in GROUP:
                    raise TranslateError(f"{where}: DH group {x!r} not supported")
            g(int(w[3]))["group"] = w[4:]
        elif key == "pfs":
            g(int(w[3]))["pfs"] = w[4] == "on"
        elif key == "proposal-limitation":
            g(int(w[3]))["proposal_limitation"] = w[4] == "on"
        elif key == "duration":
            sa, gid, sec = w[3], int(w[4]), int(w[5])
            if sa in ("ipsec-sa", "child-sa"):
                g(gid)["ipsec_sa_life"] = sec
            elif sa in ("isakmp-sa", "ike-sa"):
                g(gid)["isakmp_sa_life"] = sec
            else:
                raise TranslateError(f"{where}: unknown duration kind {sa!r}")
        elif key == "keepalive" and w[3] == "log":
            pass  # syslog verbosity only
        elif key == "keepalive" and w[3] == "use":
            gid, sw = int(w[4]), w[5]
            rest = [x for x in w[6:] if "=" not in x]
            ka = {"switch": sw, "method": None, "interval": 10, "count": 6}
            if rest:
                ka["method"] = rest[0]
                nums = rest[1:]
                if ka["method"] == "icmp-echo":
                    nums = nums[1:]
                if len(nums) >= 1:
                    ka["interval"] = int(nums[0])
                if len(nums) >= 2:
                    ka["count"] = int(nums[1])
                if ka["method"] not in ("dpd", "rfc4306", "heartbeat", "icmp-echo"):
                    raise TranslateError(f"{where}: unknown keepalive method {ka['method']!r}")
            g(gid)["keepalive"] = ka
        elif key == "local" and w[3] == "address":
            if len(w) != 6:
                raise TranslateError(f"{where}: only a literal local address is supported by the lab")
            g(int(w[4]))["local_address"] = str(ipaddress.ip_address(w[5]))
        elif key == "remote" and w[3] == "address":
            if w[5] == "any":
                g(int(w[4]))["remote_address"] = "any"
            else:
                g(int(w[4]))["remote_address"] = str(ipaddress.ip_address(w[5]))
        elif key in ("local", "remote") and w[3] == "id":
            net = ipaddress.ip_network(w[5] if "/" in w[5] else w[5] + "/32", strict=False)
            g(int(w[4]))[f"{key}_id"] = str(net)
        elif key in ("local", "remote") and w[3] == "name":
            g(int(w[4]))[f"{key}_name"] = {"name": w[5], "type": w[6] if len(w) > 6 else "key-id"}
        elif key == "pre-shared-key":
            gid = int(w[3])
            if w[4] == "text":
                g(gid)["psk"] = {"text": " ".join(w[5:])}
            elif w[4].lower().startswith("0x"):
                g(gid)["psk"] = {"hex": w[4][2:]}
            else:
                raise TranslateError(f"{where}: unknown pre-shared-key form")
        elif key in ("nat-traversal", "esp-encapsulation") and len(w) >= 5 and w[4] == "off":
            pass
        elif key == "message-id-control" and len(w) == 5 and w[4] in ("on", "off"):
            # on = one outstanding request per IKE SA (§15.45): RFC 7296's default window of 1,
            # which is also what libreswan and strongSwan use. Nothing to configure.
            g(int(w[3]))["message_id_control"] = w[4]
        elif key == "child-exchange" and len(w) == 6 and w[3] == "type" and w[5] in ("1", "2"):
            # type 2 = rekey with CREATE_CHILD_SA as other implementations do (§15.46): exactly what
            # the emulating daemon does. type 1 (Yamaha legacy) is not emulated.
            if w[5] != "2":
                raise TranslateError(f"{where}: `child-exchange type 1` (Yamaha legacy rekeying) is not emulated")
            g(int(w[4]))["child_exchange"] = 2
        elif key == "negotiate-strictly" and len(w) == 5 and w[4] in ("on", "off"):
            # CR §15.25: off (default) = an IKEv1 responder accepts any algorithm it supports
            g(int(w[3]))["negotiate_strictly"] = w[4] == "on"
        elif key in ("negotiation", "payload", "always-on",
                     "retry", "restrict-dangling-sa", "log", "send", "backward-compatibility",
                     "auth", "xauth", "queue", "mode-cfg", "license-key",
                     "esp-encapsulation", "nat-traversal"):
            raise TranslateError(f"{where}: `ipsec ike {key}` is understood by the RTX but not emulated by the lab")
        else:
            raise TranslateError(f"{where}: unknown `ipsec ike` command")
    except (IndexError, ValueError) as e:
        raise TranslateError(f"{where}: cannot parse ({e})")


def collapse(nets):
    return [str(n) for n in ipaddress.collapse_addresses(sorted(set(nets)))]


def subnet_kw(side, nets):
    if len(nets) == 1:
        return f"    {side}subnet={nets[0]}"
    return f"    {side}subnets={{{' '.join(nets)}}}"


def translate(text, ts_mode="lan"):
    gw, tunnels, routes, lans, st = parse(text)
    enabled = [t for t in tunnels.values() if "policy" in t]
    if not enabled:
        raise TranslateError("no `tunnel select N` with `ipsec tunnel P` found")
    if len(enabled) > 1:
        raise TranslateError("more than one IPsec tunnel: the lab emulates one")
    tun = enabled[0]
    if not tun.get("enabled"):
        raise TranslateError(f"tunnel {tun['n']} is not enabled (`tunnel enable {tun['n']}` missing)")
    pol_id = tun["policy"]
    owner = [x for x in gw.values() if pol_id in x.get("policies", {})]
    if not owner:
        raise TranslateError(f"`ipsec sa policy {pol_id} ...` missing")
    gwc = owner[0]
    gid = gwc["id"]
    pol = gwc["policies"][pol_id]
    notes = []
    version = gwc.get("version", 1)
    for k in ("local_address", "remote_address", "psk"):
        if k not in gwc:
            raise TranslateError(f"gateway {gid}: `{k.replace('_', ' ')}` missing")
    if gwc["remote_address"] == "any":
        raise TranslateError("`remote address any` is not emulated")

    check_wan_filters(st, gwc["local_address"], gwc["remote_address"], notes)
    for line in st["ignored"]:
        notes.append(f"ignored {line}")

    enc = ENC[gwc.get("encryption", "3des-cbc")]  # RTX default 3des-cbc
    hsh = HASH[gwc.get("hash", "sha")]  # RTX default sha
    groups = gwc.get("group", ["modp1024"])  # RTX default modp1024
    p1_group = GROUP[groups[0]]
    p2_group = GROUP[groups[1]] if len(groups) > 1 else p1_group
    esp_enc = ENC[pol["enc"]]
    esp_integ = ESP_INTEG[pol["integ"]] if pol["integ"] else None
    if esp_integ is None:
        raise TranslateError("ESP without integrity algorithm is not emulated")
    pfs = gwc.get("pfs", False)
    limitation = gwc.get("proposal_limitation", False)

    if version == 2 and not limitation:
        ike = ",".join(f"{e}-{h};{d}" for e in RTX_ALL_ENC for h in RTX_ALL_HASH for d in RTX_ALL_GROUPS)
        esp = ",".join(f"{e}-{h}" for e in RTX_ALL_ENC for h in RTX_ALL_HASH)
        notes.append("IKEv2 without proposal-limitation: proposing every RTX algorithm (see README)")
    else:
        ike = f"{enc}-{hsh};{p1_group}"
        esp = f"{esp_enc}-{esp_integ}"
    if pfs:
        esp += f";{p2_group}" if (version == 1 or limitation) else ""
    refresh = st["auto_refresh"] is True and st["auto_refresh_gw"].get(gid, True)
    if version == 1 and not gwc.get("negotiate_strictly", False):
        # CR §15.25: without `negotiate-strictly on` an IKEv1 responder accepts any algorithm it supports.
        # One libreswan conn cannot propose only the configured suite yet accept others, so: when this RTX
        # never initiates, accept every supported suite (configured first); when it initiates, propose and
        # accept only the configured suite (stricter than the manual as a responder; see README).
        if not refresh:
            ike = ",".join(dict.fromkeys([ike] + [f"{e}-{h};{d}" for e in RTX_ALL_ENC for h in RTX_ALL_HASH
                                                  for d in RTX_ALL_GROUPS]))
            pfs_dh = f";{p2_group}" if pfs else ""
            esp = ",".join(dict.fromkeys([esp] + [f"{e}-{h}{pfs_dh}" for e in RTX_ALL_ENC for h in RTX_ALL_HASH]))
            notes.append("IKEv1 without negotiate-strictly, RTX never initiates: accepting every supported suite (CR §15.25)")
        else:
            notes.append("IKEv1 without negotiate-strictly but the RTX initiates: configured suite only "
                         "(the real RTX would also accept others as a responder)")

    lan_nets = collapse([l[1].network for l in lans])
    tun_routes = collapse([n for n, t in routes if t == tun["n"]])
    if not tun_routes:
        raise TranslateError(f"no `ip route NET gateway tunnel {tun['n']}`: nothing would enter the tunnel")

    # traffic selectors
    if version == 1:
        if "local_id" in gwc and "remote_id" in gwc:
            left_nets, right_nets = [gwc["local_id"]], [gwc["remote_id"]]
        elif "local_id" in gwc or "remote_id" in gwc:
            raise TranslateError("only one of `ipsec ike local id` / `remote id` is set")
        else:
            # RTX sends no phase-2 IDs: per RFC 2409 the selectors are then the two gateway addresses
            left_nets, right_nets = None, None
            notes.append("IKEv1 without local/remote id: emulated as host-to-host between the outer addresses")
    else:
        if ts_mode == "any":
            left_nets, right_nets = ["0.0.0.0/0"], ["0.0.0.0/0"]
            notes.append("IKEv2 traffic selectors emulated as 0.0.0.0/0 <=> 0.0.0.0/0 (--ts any)")
        else:
            left_nets, right_nets = lan_nets, tun_routes
            notes.append("IKEv2 traffic selectors emulated as LAN networks <=> networks routed into the tunnel")

    ka = gwc.get("keepalive", {"switch": "auto", "method": None, "interval": 10, "count": 6})
    if ka["switch"] != "on" and ka["switch"] != "auto" and ka["switch"] != "off":
        raise TranslateError(f"keepalive switch {ka['switch']!r}")
    name = f"rtx-tunnel{tun['n']}"
    lines = ["config setup"]
    if version == 1:
        lines.append("    ikev1-policy=accept")
    lines += [f"conn {name}", "    authby=secret", f"    left={gwc['local_address']}", f"    right={gwc['remote_address']}"]
    lines.append("    ikev2=no" if version == 1 else "    ikev2=insist")
    lines.append(f"    ike={ike}")
    lines.append(f"    esp={esp}")
    lines.append(f"    pfs={'yes' if pfs else 'no'}")
    lines.append("    esn=no")  # no ESN keyword exists on the RTX (assumed unsupported, see README)
    lines.append(f"    ikelifetime={gwc.get('isakmp_sa_life', 28800)}s")
    lines.append(f"    salifetime={gwc.get('ipsec_sa_life', 28800)}s")
    if left_nets:
        lines.append(subnet_kw("left", left_nets))
        lines.append(subnet_kw("right", right_nets))
    if version == 2:
        lines.append("    narrowing=yes")
    if "local_name" in gwc and version == 2:
        lines.append(f"    leftid={idstr(gwc['local_name'])}")
    if "remote_name" in gwc and version == 2:
        lines.append(f"    rightid={idstr(gwc['remote_name'])}")
    dpd = None
    if ka["switch"] == "on" and ka["method"] in ("dpd", "rfc4306", None):
        i, c = ka["interval"], ka["count"]
        dpd = {"interval": i, "count": c}
        lines.append(f"    dpddelay={i}s")
        if version == 1:
            lines.append(f"    dpdtimeout={i * c}s")
        else:
            lines.append(f"    retransmit-timeout={i * c}s")
        lines.append(f"    dpdaction={'restart' if refresh else 'clear'}")
    elif ka["switch"] == "on":
        notes.append(f"keepalive method {ka['method']} not emulated (no DPD configured)")
    lines.append(f"    auto={'start' if refresh else 'add'}")
    conf = "\n".join(lines) + "\n"
    psk = gwc["psk"]
    secret = f'"{psk["text"]}"' if "text" in psk else f"0x{psk['hex']}"
    if "text" in psk and '"' in psk["text"]:
        secret = "0x" + psk["text"].encode().hex()
    secrets = f"{gwc['local_address']} {gwc['remote_address']} : PSK {secret}\n"
    facts = {
        "conn": name,
        "ike_version": version,
        "local_address": gwc["local_address"],
        "remote_address": gwc["remote_address"],
        "lan_addresses": [str(l[1]) for l in lans],
        "lan_networks": lan_nets,
        "tunnel_routes": tun_routes,
        "initiates": refresh,
        "dpd": dpd,
        "notes": notes,
    }
    return conf, secrets, facts


def idstr(n):
    if n["type"] in ("ipv4-addr", "ipv6-addr"):
        return n["name"]
    if n["type"] == "fqdn":
        return "@" + n["name"]
    if n["type"] in ("user-fqdn", "rfc822-addr"):
        return n["name"]
    if n["type"] == "key-id":
        return "@#" + n["name"].encode().hex()
    raise TranslateError(f"name type {n['type']!r} not emulated")


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    ts = "lan"
    for a in argv[1:]:
        if a.startswith("--ts="):
            ts = a.split("=", 1)[1]
    if len(args) != 2 or ts not in ("lan", "any"):
        print(__doc__, file=sys.stderr)
        return 64
    with open(args[0], encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        conf, secrets, facts = translate(text, ts)
    except TranslateError as e:
        print(f"rtx-translate: {e}", file=sys.stderr)
        return 2
    os.makedirs(args[1], exist_ok=True)
    with open(os.path.join(args[1], "ipsec.conf"), "w") as f:
        f.write(conf)
    with open(os.path.join(args[1], "ipsec.secrets"), "w") as f:
        f.write(secrets)
    os.chmod(os.path.join(args[1], "ipsec.secrets"), 0o600)
    with open(os.path.join(args[1], "rtx.json"), "w") as f:
        json.dump(facts, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
