#!/usr/bin/env python3
"""IPsec lab driver: runs INSIDE the guest (a kernel with ESP), one scenario after another.

usage: lab.py SCENARIOS.LIST RESULTS.TXT
Each scenario gets two fresh network namespaces, "vps" and "rtx", joined by a veth pair:
  rtx: eth0 (veth, the RTX's IPv6 address), lanN dummies (the `ip lanN address` lines),
       tunnelT dummy (the `ip route NET gateway tunnel T` routes point into it), pluto configured by
       rtx-translate.py.
  vps: eth0 (veth, the VPS IPv6 address), eth1 dummy (the VPS private IPv4 address), the scenario's
       VPS files used unchanged, sysctl lines and route file applied.
Writes `PASS name` / `FAIL name: reason` lines to RESULTS.TXT; logs go to lab/out/<name>/.
"""
import ipaddress
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

LAB = os.environ.get("LAB") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(LAB, "out")
LIBEXEC = "/usr/libexec/ipsec"
CHARON = "/usr/lib/ipsec/charon"
BB = "/bin/busybox"

# how long each wait may take (seconds); every wait polls
T_DAEMON = 30  # daemon control socket appears
T_UP = 45  # IKE + Child SA established on both sides
T_FAIL = 30  # negative scenario: no SA and a failure reason in the logs
T_PING = 15  # first echo reply through the tunnel
T_GRACE = 8  # after a failure line, how long the other side's attempt may still bring the tunnel up
POLL = 0.25

FAILURE_PATTERNS = [
    ("CONN_LOAD_FAILED", r"failed to add (IKEv[12] )?connection|ikev1-policy does not allow|loading connection '.*' failed|"
                         r"failed to load|unrecognized keyword|syntax error|unknown keyword|invalid value"),
    ("AUTHENTICATION_FAILED", r"AUTHENTICATION_FAILED|authentication failed|mismatch of preshared secrets|"
                              r"MAC mismatched|verification of AUTH payload .* failed|"
                              r"Can't authenticate: no preshared key|no shared key found|"
                              r"INVALID_HASH_INFORMATION|PSK mismatch|peer authentication failed|"
                              r"received AUTH_FAILED|tried \d+ shared keys? for .* but MAC mismatched"),
    ("NO_PROPOSAL_CHOSEN", r"NO_PROPOSAL_CHOSEN|no acceptable (Oakley|ESP|IKE|proposal|transform)|"
                           r"no matching proposal|no proposal chosen|received proposals .* not acceptable|"
                           r"proposal .* (unacceptable|not acceptable)|no (IKE|CHILD|ESP) proposal"),
    ("TS_UNACCEPTABLE", r"TS_UNACCEPTABLE|INVALID_ID_INFORMATION|traffic selectors .* unacceptable|"
                        r"no acceptable traffic selectors|cannot respond to IPsec SA request because no connection is known"),
    ("INVALID_SYNTAX", r"INVALID_SYNTAX|had internal error"),
    ("KERNEL_SA_FAILED", r"netlink response for (Add|Update) SA .*: |unable to install (inbound|outbound) IPsec SA|"
                         r"Protocol not supported \(errno"),
]


class ScenarioFail(Exception):
    pass


def now():
    return time.monotonic()


class Scenario:
    def __init__(self, sdir, index, origin=None):
        self.sdir = os.path.abspath(sdir)
        self.origin = origin or self.sdir
        self.index = index
        meta_path = os.path.join(self.sdir, "scenario.json")
        try:
            with open(meta_path) as f:
                self.meta = json.load(f)
        except Exception as e:  # noqa: BLE001
            self.meta = {"name": os.path.basename(self.sdir.rstrip("/"))}
            self.meta_error = f"cannot read scenario.json: {e}"
        else:
            self.meta_error = None
        self.name = str(self.meta.get("name") or os.path.basename(self.sdir.rstrip("/")))
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", self.name)
        self.out = os.path.join(OUT, safe)
        self.run = f"/run/lab/{index}"  # sockets: short paths on the guest's tmpfs
        self.procs = {}
        self.logf = None
        self.facts = {}

    # ---------------------------------------------------------------- helpers
    def log(self, msg):
        line = f"[{time.strftime('%H:%M:%S')}] {msg}"
        self.logf.write(line + "\n")
        self.logf.flush()

    def sh(self, args, ns=None, check=True, timeout=20, quiet=False, env=None):
        cmd = (["ip", "netns", "exec", ns] if ns else []) + list(args)
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            self.log(f"$ {' '.join(cmd)}  -> TIMEOUT after {timeout}s")
            if check:
                raise ScenarioFail(f"command timed out: {' '.join(args)}")
            return 124, ""
        if not quiet or p.returncode != 0:
            self.log(f"$ {' '.join(cmd)}  -> rc={p.returncode}" + (f"\n{p.stdout.rstrip()}" if p.stdout.strip() else ""))
        if check and p.returncode != 0:
            raise ScenarioFail(f"`{' '.join(args)}` failed (rc={p.returncode}): {p.stdout.strip()[-300:]}")
        return p.returncode, p.stdout

    def wait_for(self, what, pred, timeout, fail_check=None):
        deadline = now() + timeout
        while True:
            r = pred()
            if r:
                return r
            if fail_check:
                fail_check()
            if now() > deadline:
                raise ScenarioFail(f"timeout after {timeout}s waiting for {what}")
            time.sleep(POLL)

    def file(self, *p):
        return os.path.join(self.sdir, *p)

    # ---------------------------------------------------------------- the run
    def execute(self):
        if os.path.isdir(self.out):
            shutil.rmtree(self.out)
        os.makedirs(self.out)
        self.logf = open(os.path.join(self.out, "lab.log"), "w")
        self.log(f"scenario {self.name} from {self.origin} (guest copy {self.sdir})")
        t0 = now()
        try:
            self.teardown_env()
            if self.meta_error:
                raise ScenarioFail(self.meta_error)
            self.meta.setdefault("initiator", "vps")
            self.meta.setdefault("expect", "up")
            for k in ("initiator", "expect"):
                self.log(f"{k} = {self.meta[k]}")
            result = self.run_steps()
        except ScenarioFail as e:
            result = ("fail", str(e))
        except Exception as e:  # noqa: BLE001
            import traceback
            self.log(traceback.format_exc())
            result = ("fail", f"lab error: {e!r}")
        finally:
            self.collect()
            self.stop_all()
            self.teardown_env()
        outcome, reason = result
        expect = self.meta.get("expect", "up")
        if expect == "fail":
            want = self.meta.get("expectReason", "")
            if outcome == "up":
                verdict = f"FAIL {self.name}: expected failure ({want}) but the tunnel came up"
            elif want and want not in reason:
                verdict = f"FAIL {self.name}: failed as expected but reason lacks {want!r}: {reason}"
            else:
                verdict = f"PASS {self.name}"
        else:
            verdict = f"PASS {self.name}" if outcome == "up" else f"FAIL {self.name}: {reason}"
        self.log(f"outcome={outcome} reason={reason!r}")
        self.log(f"{verdict}  ({now() - t0:.1f}s)")
        self.logf.close()
        return verdict

    def run_steps(self):
        rtxdir = os.path.join(self.out, "rtx")
        vpsdir = os.path.join(self.out, "vps")
        os.makedirs(rtxdir)
        os.makedirs(vpsdir)
        # 1. translate the RTX side
        ts = self.meta.get("rtxTrafficSelectors", "lan")
        rc, out = self.sh([sys.executable, os.path.join(LAB, "rtx-translate.py"), self.file("router.rtx"), rtxdir,
                           f"--ts={ts}"], check=False)
        if rc != 0:
            raise ScenarioFail(f"rtx-translate: {out.strip()}")
        with open(os.path.join(rtxdir, "rtx.json")) as f:
            self.facts = json.load(f)
        for n in self.facts["notes"]:
            self.log(f"translator note: {n}")
        # 2. what kind of VPS
        self.vps_kind, self.vps_files = self.detect_vps()
        self.log(f"VPS side: {self.vps_kind} {self.vps_files}")
        # 3. network
        self.build_net()
        # 4. daemons: responder first
        initiator = self.meta["initiator"]
        order = ["rtx", "vps"] if initiator == "vps" else ["vps", "rtx"]
        if initiator == "rtx" and not self.facts["initiates"]:
            raise ScenarioFail("scenario says the RTX initiates but router.rtx has no `ipsec auto refresh on`")
        for side in order:
            self.start_side(side, rtxdir, vpsdir)
        # 5. outcome
        if self.meta["expect"] == "fail":
            return self.await_failure()
        self.await_up("initial negotiation")
        self.traffic_checks("initial")
        for fault in self.meta.get("faults", []) or []:
            if fault == "rtx-restart":
                self.fault_rtx_restart(rtxdir)
            else:
                raise ScenarioFail(f"unknown fault {fault!r}")
        return ("up", "")

    # ---------------------------------------------------------------- VPS files
    def detect_vps(self):
        ipsecd = self.file("ipsec.d")
        swan = self.file("swanctl", "conf.d")
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

    def vps_private(self):
        """The VPS private IPv4 interface address (on eth1)."""
        if self.meta.get("vpsPrivateAddress"):
            return ipaddress.ip_interface(self.meta["vpsPrivateAddress"])
        routes = [ipaddress.ip_network(r) for r in self.facts["tunnel_routes"]]
        for line in self.route_lines():
            m = re.search(r"\b(?:src|via)\s+(\d+\.\d+\.\d+\.\d+)", line)
            if m:
                a = ipaddress.ip_address(m.group(1))
                for r in routes:
                    if a in r:
                        return ipaddress.ip_interface(f"{a}/{r.prefixlen}")
        r = routes[0]
        return ipaddress.ip_interface(f"{next(r.hosts())}/{r.prefixlen}")

    def route_lines(self):
        """Route files: RHEL `route-IF` (ip-route argument lines or ADDRESSn= form) or `routes`."""
        lines = []
        for fn in sorted(os.listdir(self.sdir)):
            path = self.file(fn)
            if not os.path.isfile(path) or not (fn.startswith("route-") or fn in ("routes", "route")):
                continue
            dev = fn[len("route-"):] if fn.startswith("route-") else None
            text = open(path).read()
            kv = dict(re.findall(r"^\s*([A-Z]+\d+)=\"?([^\"\n]*)\"?", text, re.M))
            if kv:
                i = 0
                while f"ADDRESS{i}" in kv:
                    net = ipaddress.ip_network(f"{kv[f'ADDRESS{i}']}/{kv.get(f'NETMASK{i}', '255.255.255.255')}", strict=False)
                    l = f"{net}"
                    if f"GATEWAY{i}" in kv:
                        l += f" via {kv[f'GATEWAY{i}']}"
                    if dev:
                        l += f" dev {dev}"
                    lines.append(l)
                    i += 1
                continue
            for raw in text.splitlines():
                l = raw.split("#", 1)[0].strip()
                if not l:
                    continue
                if dev and " dev " not in f" {l} ":
                    l += f" dev {dev}"
                lines.append(l)
        return lines

    def sysctl_lines(self):
        files = []
        if os.path.isfile(self.file("sysctl.conf")):
            files.append(self.file("sysctl.conf"))
        d = self.file("sysctl.d")
        if os.path.isdir(d):
            files += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".conf")]
        out = []
        for fn in files:
            for raw in open(fn).read().splitlines():
                l = raw.strip()
                if not l or l[0] in "#;":
                    continue
                if "=" not in l:
                    raise ScenarioFail(f"{os.path.basename(fn)}: cannot parse {l!r}")
                k, v = (x.strip() for x in l.split("=", 1))
                out.append((k.lstrip("-"), v, k.startswith("-")))
        return out

    # ---------------------------------------------------------------- network
    def build_net(self):
        f = self.facts
        rtx6, vps6 = f["local_address"], f["remote_address"]
        for ns in ("vps", "rtx"):
            self.sh(["ip", "netns", "add", ns])
            self.sh(["ip", "link", "set", "lo", "up"], ns=ns)
        self.sh(["ip", "link", "add", "eth0", "netns", "rtx", "type", "veth", "peer", "name", "eth0", "netns", "vps"])
        for ns, mine, peer in (("rtx", rtx6, vps6), ("vps", vps6, rtx6)):
            self.sh(["ip", "-6", "addr", "add", f"{mine}/128", "dev", "eth0", "nodad"], ns=ns)
            self.sh(["ip", "link", "set", "eth0", "up"], ns=ns)
            self.sh(["ip", "-6", "route", "add", f"{peer}/128", "dev", "eth0"], ns=ns)
        # RTX LAN side and route-based tunnel interface
        for i, a in enumerate(f["lan_addresses"]):
            dev = f"lan{i + 1}"
            self.sh(["ip", "link", "add", dev, "type", "dummy"], ns="rtx")
            self.sh(["ip", "addr", "add", a, "dev", dev], ns="rtx")
            self.sh(["ip", "link", "set", dev, "up"], ns="rtx")
        self.sh(["ip", "link", "add", "tunnel", "type", "dummy"], ns="rtx")
        self.sh(["ip", "link", "set", "tunnel", "up"], ns="rtx")
        for net in f["tunnel_routes"]:
            self.sh(["ip", "route", "add", net, "dev", "tunnel"], ns="rtx")
        self.sh(["sysctl", "-qw", "net.ipv4.ip_forward=1"], ns="rtx")
        # VPS private side
        priv = self.vps_private()
        self.vps_priv = priv
        self.sh(["ip", "link", "add", "eth1", "type", "dummy"], ns="vps")
        self.sh(["ip", "addr", "add", str(priv), "dev", "eth1"], ns="vps")
        self.sh(["ip", "link", "set", "eth1", "up"], ns="vps")
        for k, v, optional in self.sysctl_lines():
            rc, out = self.sh(["sysctl", "-w", f"{k}={v}"], ns="vps", check=False)
            if rc != 0 and not optional:
                raise ScenarioFail(f"sysctl {k}={v} failed in the VPS namespace: {out.strip()}")
        for line in self.route_lines():
            rc, out = self.sh(["ip", "route", "add"] + line.split(), ns="vps", check=False)
            if rc != 0:
                raise ScenarioFail(f"route file line {line!r} cannot be applied: {out.strip()}")

    def teardown_env(self):
        for ns in ("vps", "rtx"):
            if os.path.exists(f"/run/netns/{ns}"):
                subprocess.run(["ip", "netns", "pids", ns], stdout=subprocess.PIPE, text=True)
                pids = subprocess.run(["ip", "netns", "pids", ns], stdout=subprocess.PIPE, text=True).stdout.split()
                for p in pids:
                    try:
                        os.kill(int(p), signal.SIGKILL)
                    except OSError:
                        pass
                subprocess.run(["ip", "netns", "del", ns], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # ---------------------------------------------------------------- daemons
    def start_side(self, side, rtxdir, vpsdir):
        if side == "rtx":
            self.start_pluto("rtx", rtxdir, os.path.join(rtxdir, "ipsec.conf"), os.path.join(rtxdir, "ipsec.secrets"))
        elif self.vps_kind == "libreswan":
            self.start_vps_libreswan(vpsdir)
        else:
            self.start_vps_strongswan(vpsdir)

    def rewrite_auto(self, text, kind):
        """Only when the RTX initiates: stop the VPS from initiating too (logged)."""
        if self.meta["initiator"] != "rtx":
            return text
        if kind == "libreswan":
            new = re.sub(r"^(\s+auto\s*=\s*)(start|up)\s*$", r"\1add", text, flags=re.M)
        else:
            new = re.sub(r"^(\s*start_action\s*=\s*)(start|trap\|start|start\|trap)\s*$", r"\1none", text, flags=re.M)
        if new != text:
            self.log(f"REWRITE: the RTX initiates in this scenario, so the VPS file's "
                     f"{'auto=start' if kind == 'libreswan' else 'start_action=start'} was changed to "
                     f"{'auto=add' if kind == 'libreswan' else 'start_action=none'} (nothing else changed)")
        return new

    def init_nss(self, d):
        nss = os.path.join(d, "nss")
        os.makedirs(nss, exist_ok=True)
        self.sh(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], quiet=True)
        return nss

    def start_pluto(self, ns, d, conf, secrets, ipsecdir=None):
        run = os.path.join(self.run, ns)
        os.makedirs(run, exist_ok=True)
        nss = self.init_nss(d)
        ipsecdir = ipsecdir or os.path.join(d, "ipsec.d")
        os.makedirs(ipsecdir, exist_ok=True)
        log = os.path.join(d, "pluto.log")
        cmd = ["ip", "netns", "exec", ns, f"{LIBEXEC}/pluto", "--config", conf, "--secretsfile", secrets,
               "--rundir", run, "--nssdir", nss, "--ipsecdir", ipsecdir, "--logfile", log, "--nofork"]
        self.log("$ " + " ".join(cmd))
        self.procs[ns] = subprocess.Popen(cmd, stdout=open(os.path.join(d, "pluto.stdout"), "w"),
                                          stderr=subprocess.STDOUT)
        ctl = os.path.join(run, "pluto.ctl")
        self.ctl = getattr(self, "ctl", {})
        self.ctl[ns] = ctl
        self.wait_for(f"{ns} pluto control socket", lambda: os.path.exists(ctl) or self.dead(ns), T_DAEMON)
        if self.dead(ns):
            raise ScenarioFail(f"{ns} pluto exited (rc={self.procs[ns].returncode}): {self.tail(log)}")
        self.wait_for(f"{ns} pluto to load its connections", lambda: self.conns_loaded(ns), T_DAEMON,
                      fail_check=lambda: self.check_load_errors(ns, log))
        self.log(f"{ns}: pluto running, connections loaded")

    def dead(self, ns):
        p = self.procs.get(ns)
        return p is not None and p.poll() is not None

    def conns_loaded(self, ns):
        rc, out = self.sh([f"{LIBEXEC}/whack", "--ctlsocket", self.ctl[ns], "--status"], ns=ns, check=False,
                          quiet=True, timeout=10)
        # addconn --autoall (run by pluto) has finished once the conns are listed
        return rc == 0 and re.search(r'^\d*\s*"[^"]+"(\[\d+\])?: .*(===|\.\.\.)', out, re.M) is not None

    def check_load_errors(self, ns, log):
        if self.dead(ns):
            raise ScenarioFail(f"{ns} daemon exited: {self.tail(log)}")
        cat, line = self.find_failure([log])
        if cat == "CONN_LOAD_FAILED":
            raise ScenarioFail(f"{cat}: {ns} log: {line}")

    def start_vps_libreswan(self, d):
        src = self.file("ipsec.d")
        ipsecd = os.path.join(d, "ipsec.d")
        os.makedirs(ipsecd, exist_ok=True)
        for fn in self.vps_files["conf"] + self.vps_files["secrets"]:
            text = open(os.path.join(src, fn)).read()
            if fn.endswith(".conf"):
                text = self.rewrite_auto(text, "libreswan")
            with open(os.path.join(ipsecd, fn), "w") as f:
                f.write(text)
            if fn.endswith(".secrets"):
                os.chmod(os.path.join(ipsecd, fn), 0o600)
        # Debian's stock /etc/ipsec.conf and /etc/ipsec.secrets, with the include pointed at our copy
        conf = os.path.join(d, "ipsec.conf")
        with open(conf, "w") as f:
            f.write(f"# Debian 12 stock ipsec.conf (lab copy)\nconfig setup\n\ninclude {ipsecd}/*.conf\n")
        secrets = os.path.join(d, "ipsec.secrets")
        with open(secrets, "w") as f:
            f.write(f"include {ipsecd}/*.secrets\n")
        self.start_pluto("vps", d, conf, secrets, ipsecdir=ipsecd)

    def start_vps_strongswan(self, d):
        run = os.path.join(self.run, "vps")
        os.makedirs(run, exist_ok=True)
        confd = os.path.join(d, "swanctl", "conf.d")
        os.makedirs(confd)
        for sub in ("x509", "x509ca", "x509ocsp", "x509aa", "x509ac", "x509crl", "pubkey", "private", "rsa",
                    "ecdsa", "bliss", "pkcs8", "pkcs12"):  # Debian's /etc/swanctl layout
            os.makedirs(os.path.join(d, "swanctl", sub))
        for fn in self.vps_files["conf"]:
            text = open(self.file("swanctl", "conf.d", fn)).read()
            with open(os.path.join(confd, fn), "w") as f:
                f.write(self.rewrite_auto(text, "strongswan"))
        swanctl_conf = os.path.join(d, "swanctl", "swanctl.conf")
        with open(swanctl_conf, "w") as f:
            f.write("# Debian 12 stock swanctl.conf (lab copy)\ninclude conf.d/*.conf\n")
        self.vici = f"unix://{run}/charon.vici"
        log = os.path.join(d, "charon.log")
        sconf = os.path.join(d, "strongswan.conf")
        with open(sconf, "w") as f:
            f.write(f"""# lab: Debian's strongswan.conf plus a log file and a per-namespace vici socket
charon {{
  load_modular = yes
  filelog {{
    lab {{
      path = {log}
      time_format = %b %e %T
      default = 1
      ike = 2
      cfg = 2
      flush_line = yes
    }}
  }}
  plugins {{
    include /etc/strongswan.d/charon/*.conf
    vici {{
      socket = {self.vici}
    }}
  }}
}}
include /etc/strongswan.d/*.conf
""")
        env = dict(os.environ, STRONGSWAN_CONF=sconf)
        self.ss_env = env
        for p in ("/run/charon.pid", "/var/run/charon.pid"):
            if os.path.exists(p):
                os.unlink(p)
        cmd = ["ip", "netns", "exec", "vps", CHARON]
        self.log(f"$ STRONGSWAN_CONF={sconf} " + " ".join(cmd))
        self.procs["vps"] = subprocess.Popen(cmd, stdout=open(os.path.join(d, "charon.stdout"), "w"),
                                             stderr=subprocess.STDOUT, env=env)
        sock = self.vici[len("unix://"):]
        self.wait_for("charon vici socket", lambda: os.path.exists(sock) or self.dead("vps"), T_DAEMON)
        if self.dead("vps"):
            raise ScenarioFail(f"charon exited: {self.tail(log)} {self.tail(os.path.join(d, 'charon.stdout'))}")
        rc, out = self.sh(["swanctl", "--load-all", "--noprompt", "--uri", self.vici, "--file", swanctl_conf],
                          ns="vps", check=False, env=env)
        with open(os.path.join(d, "swanctl-load.txt"), "w") as f:
            f.write(out)
        bad = [l for l in out.splitlines() if re.search(r"fail|error|invalid|unknown", l, re.I)
               and not re.match(r"plugin '.*': failed to load|opening directory .* failed", l)]
        if rc != 0 or bad:
            line = bad[0] if bad else out.strip()[-300:]
            raise ScenarioFail(f"CONN_LOAD_FAILED: swanctl --load-all: {line}")

    def stop_all(self):
        for ns, p in list(self.procs.items()):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        deadline = now() + 5
        for ns, p in list(self.procs.items()):
            try:
                p.wait(timeout=max(0.1, deadline - now()))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(timeout=5)
        self.procs = {}

    # ---------------------------------------------------------------- status
    def side_status(self, side):
        """(ike_up, child_up, text) for one side."""
        if side == "rtx" or self.vps_kind == "libreswan":
            rc, out = self.sh([f"{LIBEXEC}/whack", "--ctlsocket", self.ctl[side], "--showstates"], ns=side,
                              check=False, quiet=True, timeout=10)
            ike = re.search(r"ISAKMP SA established|STATE_MAIN_[IR][34]\b|ESTABLISHED_IKE_SA|IKE SA established", out)
            child = re.search(r"IPsec SA established|STATE_QUICK_[IR]2\b|ESTABLISHED_CHILD_SA", out)
            return bool(ike), bool(child), out
        rc, out = self.sh(["swanctl", "--list-sas", "--uri", self.vici], ns="vps", check=False, quiet=True,
                          timeout=10, env=self.ss_env)
        ike = re.search(r"\bESTABLISHED\b", out)
        child = re.search(r"\bINSTALLED\b", out)
        return bool(ike), bool(child), out

    def child_serials(self, side):
        """Serial numbers of the established Child SAs of one side."""
        ike, child, out = self.side_status(side)
        if side == "rtx" or self.vps_kind == "libreswan":
            rx = r"#(\d+): .*(IPsec SA established|STATE_QUICK_[IR]2\b|ESTABLISHED_CHILD_SA)"
        else:
            rx = r"#(\d+),.*\bINSTALLED\b"
        return {int(m.group(1)) for m in re.finditer(rx, out)}

    def logs(self):
        files = []
        for side in ("rtx", "vps"):
            for fn in ("pluto.log", "charon.log"):
                p = os.path.join(self.out, side, fn)
                if os.path.exists(p):
                    files.append(p)
        return files

    def find_failure(self, files=None):
        for cat, pat in FAILURE_PATTERNS:
            rx = re.compile(pat, re.I)
            for fn in files or self.logs():
                try:
                    text = open(fn, errors="replace").read()
                except OSError:
                    continue
                for line in text.splitlines():
                    if rx.search(line) and not re.search(r"INVALID_KE|retransmit|notification .*ignored", line):
                        side = os.path.basename(os.path.dirname(fn))
                        return cat, f"[{side}] {line.strip()[:300]}"
        return None, None

    def both_up(self):
        r = self.side_status("rtx")
        v = self.side_status("vps")
        return r[0] and r[1] and v[0] and v[1]

    def abort_on_failure(self):
        """A failure line ends the wait after T_GRACE seconds (the other side's attempt may still win)."""
        for side in list(self.procs):
            if self.dead(side):
                raise ScenarioFail(f"{side} daemon exited unexpectedly (rc={self.procs[side].returncode})")
        cat, line = self.find_failure()
        if not cat:
            return
        if cat == "CONN_LOAD_FAILED":
            raise ScenarioFail(f"{cat}: {line}")
        first = getattr(self, "first_failure", None)
        if first is None or first[1] != line:
            if first is None:
                self.log(f"failure line seen, waiting {T_GRACE}s more for the tunnel anyway: {cat}: {line}")
            self.first_failure = (now(), line, cat)
            first = self.first_failure if first is None else first
        if now() - first[0] > T_GRACE:
            raise ScenarioFail(f"{first[2]}: {first[1]}")

    def await_up(self, what, timeout=T_UP):
        t = now()
        self.wait_for(f"IKE SA + Child SA on both sides ({what})", self.both_up, timeout,
                      fail_check=self.abort_on_failure)
        self.log(f"{what}: IKE SA and Child SA established on both sides after {now() - t:.1f}s")
        for side in ("rtx", "vps"):
            self.log(f"{side} status:\n{self.side_status(side)[2].strip()}")

    def await_failure(self):
        deadline = now() + T_FAIL
        while now() < deadline:
            if self.both_up():
                return ("up", "")
            cat, line = self.find_failure()
            if cat:
                # the other side's attempt may still succeed, and both sides should have logged their view
                t = now()
                while now() - t < 3:
                    if self.both_up():
                        return ("up", "")
                    time.sleep(POLL)
                cat, line = self.find_failure()
                self.log(f"failure found: {cat}: {line}")
                return ("fail", f"{cat}: {line}")
            for side in list(self.procs):
                if self.dead(side):
                    return ("fail", f"{side} daemon exited (rc={self.procs[side].returncode})")
            time.sleep(POLL)
        return ("fail", f"TIMEOUT: no SA within {T_FAIL}s and no known failure line in the logs")

    # ---------------------------------------------------------------- traffic
    def xfrm_counters(self, ns):
        """{(src, dst): packets} for the ESP states of a namespace."""
        rc, out = self.sh(["ip", "-s", "xfrm", "state"], ns=ns, check=False, quiet=True)
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

    def ping(self, ns, dst, src=None, count=1, wait=2):
        args = [BB, "ping", "-c", str(count), "-i", "0.2", "-W", str(wait)]
        if src:
            args += ["-I", src]
        rc, out = self.sh(args + [dst], ns=ns, check=False, timeout=count * wait + 10)
        m = re.search(r"(\d+) packets received", out)
        return int(m.group(1)) if m else 0, out

    def traffic_checks(self, phase):
        f = self.facts
        rtx6, vps6 = f["local_address"], f["remote_address"]
        lan_src = str(ipaddress.ip_interface(f["lan_addresses"][0]).ip) if f["lan_addresses"] else None
        if not lan_src:
            raise ScenarioFail("router.rtx has no `ip lanN address`: nothing to ping from")
        vps_ip = str(self.vps_priv.ip)
        before = self.xfrm_counters("rtx")
        self.log(f"{phase}: xfrm ESP packet counters (rtx) before: {before}")
        # RTX LAN -> VPS private address, through the tunnel
        deadline = now() + T_PING
        while True:
            got, out = self.ping("rtx", vps_ip, src=lan_src)
            if got:
                break
            if now() > deadline:
                raise ScenarioFail(f"{phase}: no echo reply from {vps_ip} to {lan_src} through the tunnel within {T_PING}s")
        got, out = self.ping("rtx", vps_ip, src=lan_src, count=3, wait=2)
        if got < 3:
            raise ScenarioFail(f"{phase}: ping {lan_src} -> {vps_ip}: only {got}/3 replies")
        after = self.xfrm_counters("rtx")
        self.log(f"{phase}: counters after RTX-LAN ping: {after}")
        out_d, in_d = after.get((rtx6, vps6), 0) - before.get((rtx6, vps6), 0), after.get((vps6, rtx6), 0) - before.get((vps6, rtx6), 0)
        if out_d < 3 or in_d < 3:
            raise ScenarioFail(f"{phase}: ping replied but ESP counters moved only out+{out_d}/in+{in_d} (traffic bypassed the SA?)")
        # the VPS host itself -> RTX LAN (needs the route the VPS files give)
        before = after
        got, out = self.ping("vps", lan_src, count=1, wait=2)
        if not got:
            deadline = now() + 5
            while not got and now() < deadline:
                got, out = self.ping("vps", lan_src, count=1, wait=1)
        if not got:
            _, routes = self.sh(["ip", "route", "get", lan_src], ns="vps", check=False)
            raise ScenarioFail(f"{phase}: ping from the VPS host to {lan_src} failed (route: {routes.strip()}); "
                               f"does the VPS side give a route with source {vps_ip}?")
        got, out = self.ping("vps", lan_src, count=3, wait=2)
        after = self.xfrm_counters("rtx")
        in_d = after.get((vps6, rtx6), 0) - before.get((vps6, rtx6), 0)
        if got < 3 or in_d < 3:
            raise ScenarioFail(f"{phase}: VPS -> {lan_src}: {got}/3 replies, ESP in+{in_d}")
        self.log(f"{phase}: counters after VPS ping: {after}")
        self.log(f"{phase}: traffic OK both ways through ESP")

    # ---------------------------------------------------------------- faults
    def fault_rtx_restart(self, rtxdir):
        dpd = self.facts.get("dpd")
        # deadline from the keepalive settings: a full DPD/liveness detection period, a retry, margin
        if dpd:
            deadline = dpd["interval"] * (dpd["count"] + 1) + 30
        else:
            deadline = 60
        vdpd = self.vps_dpd()
        if vdpd:
            deadline = max(deadline, vdpd + 30)
        self.log(f"fault rtx-restart: killing the RTX daemon; deadline {deadline}s (RTX keepalive {dpd}, VPS dpd {vdpd})")
        old_vps = self.child_serials("vps")
        self.log(f"VPS Child SAs before the fault: {sorted(old_vps)}")
        p = self.procs.pop("rtx")
        p.kill()
        p.wait(timeout=10)
        # a reboot loses the kernel SAs too
        self.sh(["ip", "xfrm", "state", "flush"], ns="rtx")
        self.sh(["ip", "xfrm", "policy", "flush"], ns="rtx")
        shutil.rmtree(os.path.join(self.run, "rtx"), ignore_errors=True)
        os.rename(os.path.join(rtxdir, "pluto.log"), os.path.join(rtxdir, "pluto.before-restart.log"))
        for fn in ("nss",):
            shutil.rmtree(os.path.join(rtxdir, fn), ignore_errors=True)
        t = now()
        self.start_pluto("rtx", rtxdir, os.path.join(rtxdir, "ipsec.conf"), os.path.join(rtxdir, "ipsec.secrets"))
        if not self.facts["initiates"]:
            self.log("RTX does not initiate (no `ipsec auto refresh on`): the VPS must notice and re-initiate")
        def back():
            return self.both_up() and bool(self.child_serials("vps") - old_vps)
        self.wait_for(f"tunnel back after rtx-restart with a new VPS Child SA (deadline {deadline}s)", back, deadline,
                      fail_check=lambda: self.abort_on_failure_after_restart())
        self.log(f"rtx-restart: tunnel back after {now() - t:.1f}s")
        self.traffic_checks("after rtx-restart")

    def abort_on_failure_after_restart(self):
        for side in list(self.procs):
            if self.dead(side):
                raise ScenarioFail(f"{side} daemon exited unexpectedly after restart")
        cat, line = self.find_failure([os.path.join(self.out, "rtx", "pluto.log")])
        if cat in ("CONN_LOAD_FAILED", "AUTHENTICATION_FAILED", "NO_PROPOSAL_CHOSEN"):
            raise ScenarioFail(f"after rtx-restart: {cat}: {line}")

    def vps_dpd(self):
        """dpd delay+timeout of the VPS file, seconds (None if absent)."""
        text = ""
        for fn in self.vps_files.get("conf", []):
            p = self.file("ipsec.d", fn) if self.vps_kind == "libreswan" else self.file("swanctl", "conf.d", fn)
            text += open(p).read()

        def secs(v):
            m = re.match(r"(\d+)\s*([smh]?)", v)
            return int(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)] if m else 0
        total = 0
        for k in ("dpddelay", "dpdtimeout", "dpd_delay", "dpd_timeout", "retransmit-timeout"):
            m = re.search(rf"^\s*{k}\s*=\s*(\S+)", text, re.M)
            if m:
                total += secs(m.group(1))
        return total or None

    # ---------------------------------------------------------------- evidence
    def collect(self):
        for ns in ("rtx", "vps"):
            if not os.path.exists(f"/run/netns/{ns}"):
                continue
            try:
                _, a = self.sh(["ip", "-s", "xfrm", "state"], ns=ns, check=False, quiet=True)
                _, b = self.sh(["ip", "xfrm", "policy"], ns=ns, check=False, quiet=True)
                _, c = self.sh(["ip", "addr"], ns=ns, check=False, quiet=True)
                _, d = self.sh(["ip", "route", "show", "table", "all"], ns=ns, check=False, quiet=True)
                with open(os.path.join(self.out, ns, "final-state.txt"), "w") as f:
                    f.write(f"## ip -s xfrm state\n{a}\n## ip xfrm policy\n{b}\n## ip addr\n{c}\n## routes\n{d}\n")
                if ns in getattr(self, "ctl", {}) and not self.dead(ns) and ns in self.procs:
                    _, s = self.sh([f"{LIBEXEC}/whack", "--ctlsocket", self.ctl[ns], "--status"], ns=ns,
                                   check=False, quiet=True, timeout=10)
                    with open(os.path.join(self.out, ns, "whack-status.txt"), "w") as f:
                        f.write(s)
                elif ns == "vps" and getattr(self, "vici", None) and "vps" in self.procs and not self.dead("vps"):
                    _, s = self.sh(["swanctl", "--list-sas", "--uri", self.vici], ns="vps", check=False, quiet=True,
                                   timeout=10, env=self.ss_env)
                    with open(os.path.join(self.out, ns, "swanctl-list-sas.txt"), "w") as f:
                        f.write(s)
            except Exception as e:  # noqa: BLE001
                self.log(f"collect {ns}: {e!r}")

    def tail(self, path, n=3):
        try:
            return " | ".join(open(path, errors="replace").read().strip().splitlines()[-n:])
        except OSError:
            return "(no log)"


def main():
    lst, results = sys.argv[1], sys.argv[2]
    dirs = [l.rstrip("\n").split("\t") for l in open(lst) if l.strip()]
    os.environ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    used = set()
    with open(results, "a") as res:
        for i, d in enumerate(dirs):
            sc = Scenario(d[0], i, origin=d[-1])
            base = os.path.basename(sc.out)
            if base in used or base in ("scenarios", "") or base.startswith("."):
                sc.out = os.path.join(OUT, f"{base or 'scenario'}-{i + 1}")
            used.add(os.path.basename(sc.out))
            v = sc.execute()
            res.write(v + "\n")
            res.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
