"""One scenario from start to verdict: translate the RTX text, build the network, start the daemons
(responder first), wait for the tunnel (or for the expected failure), run the checks, collect evidence."""
import ipaddress
import json
import os
import re
import shutil
import sys
import time
import traceback

from . import checks, firewall, stacks, topology, vpsfiles
from .base import LAB, OUT, T_DAEMON, T_FAIL, T_GRACE, T_UP, POLL, ScenarioFail, Shell, now
from .daemons import Charon, Pluto
from .failures import find_failure
from .spec import Spec


class Scenario:
    def __init__(self, sdir, index, origin=None):
        self.origin = origin or sdir
        self.index = index
        self.spec_error = None
        try:
            self.spec = Spec(sdir)
            self.name = self.spec.name
            safe = self.spec.safe_name
        except Exception as e:  # noqa: BLE001
            self.spec, self.spec_error = None, f"cannot read scenario.json: {e}"
            self.name = safe = os.path.basename(os.path.abspath(sdir).rstrip("/"))
        self.out = os.path.join(OUT, safe)
        self.rundir = f"/run/lab/{index}"  # sockets: short paths on the guest's tmpfs
        self.daemons = {}
        self.facts = {}
        self.record = {"name": self.name, "recovery": {}}
        self.first_failure = None

    # delegated plumbing (checks call sc.sh / sc.log / sc.wait_for)
    def sh(self, *a, **k):
        return self.shell.sh(*a, **k)

    def log(self, msg):
        self.shell.log(msg)

    def wait_for(self, *a, **k):
        return self.shell.wait_for(*a, **k)

    # ---------------------------------------------------------------- the run
    def execute(self):
        shutil.rmtree(self.out, ignore_errors=True)
        os.makedirs(self.out)
        self.shell = Shell(os.path.join(self.out, "lab.log"))
        self.net = topology.Net(self)
        self.log(f"scenario {self.name} from {self.origin}")
        t0 = now()
        try:
            if self.spec_error:
                raise ScenarioFail(self.spec_error)
            self.log(f"initiator = {self.spec.initiator}, expect = {self.spec.expect}, checks = {self.spec.checks}")
            self.run_steps()
            result = ("up", "")
        except ScenarioFail as e:
            result = ("fail", str(e) or "(no reason given: lab bug)")
        except Exception as e:  # noqa: BLE001
            self.log(traceback.format_exc())
            result = ("fail", f"lab error: {e!r}")
        finally:
            self.collect()
            for d in self.daemons.values():
                d.stop(graceful=False)
            self.net.teardown()
        outcome, reason = result
        verdict = self.verdict(outcome, reason)
        self.record.update(result="PASS" if verdict.startswith("PASS") else "FAIL", seconds=round(now() - t0, 1),
                           reason=reason, verdict=verdict)
        self.log(f"outcome={outcome} reason={reason!r}")
        self.log(f"{verdict}  ({now() - t0:.1f}s)")
        self.shell.close()
        return verdict

    def verdict(self, outcome, reason):
        if self.spec is None or self.spec.expect == "up":
            return f"PASS {self.name}" if outcome == "up" else f"FAIL {self.name}: {reason}"
        want = self.spec.expect_reason
        if outcome == "up":
            return f"FAIL {self.name}: expected failure ({want}) but the tunnel came up and every check passed"
        if want and want not in reason:
            return f"FAIL {self.name}: failed, but not for the expected reason {want!r}: {reason}"
        return f"PASS {self.name}"

    def run_steps(self):
        spec = self.spec
        self.rtxdir = os.path.join(self.out, "rtx")
        self.vpsdir = os.path.join(self.out, "vps")
        os.makedirs(self.rtxdir)
        os.makedirs(self.vpsdir)
        self.translate()
        self.vps_kind, self.vps_files = vpsfiles.detect(spec)
        self.log(f"VPS side: {self.vps_kind} {self.vps_files}")
        self.build_net()
        firewall.apply(self)
        self.daemons["rtx"] = self.make_rtx()
        self.daemons["vps"] = self.make_vps()
        if spec.initiator == "rtx" and not self.facts["initiates"]:
            raise ScenarioFail("scenario says the RTX initiates but router.rtx has no `ipsec auto refresh on`")
        order = ["rtx", "vps"] if spec.initiator == "vps" else ["vps", "rtx"]
        t = now()
        for side in order:
            self.daemons[side].start()
        if spec.expect == "fail" and not spec.meta.get("mutation"):
            outcome, reason = self.await_failure()
            if outcome == "fail":
                raise ScenarioFail(reason)
            return
        self.await_up("initial negotiation", fail_check=self.firewall_diagnosis)
        self.record["up"] = round(now() - t, 1)
        for name in spec.checks + [f for f in spec.meta.get("faults", []) or [] if f not in spec.checks]:
            checks.run(name, self)

    # ---------------------------------------------------------------- the RTX stand-in
    def translate(self):
        rc, out = self.sh([sys.executable, os.path.join(LAB, "rtx-translate.py"), self.spec.file("router.rtx"),
                           self.rtxdir, f"--ts={self.spec.ts}"], check=False, timeout=T_DAEMON)
        if rc == 124:
            raise ScenarioFail(f"TIMEOUT: rtx-translate.py did not finish within {T_DAEMON}s (guest overloaded?)")
        if rc != 0:
            raise ScenarioFail(out.strip().replace("rtx-translate: ", "RTX_TEXT: ", 1) or f"RTX_TEXT: exit {rc}")
        with open(os.path.join(self.rtxdir, "rtx.json")) as f:
            self.facts = json.load(f)
        for n in self.facts["notes"]:
            self.log(f"translator note: {n}")

    def make_rtx(self):
        if self.spec.rtx_stand_in != "libreswan":
            raise ScenarioFail(f"rtxStandIn {self.spec.rtx_stand_in!r} is not available")
        d = self.rtxdir
        ipsecd = os.path.join(d, "ipsec.d")
        os.makedirs(ipsecd, exist_ok=True)
        return Pluto(self, "rtx", d, os.path.join(d, "ipsec.conf"), os.path.join(d, "ipsec.secrets"), ipsecd)

    # ---------------------------------------------------------------- the VPS
    def rewrite_auto(self, text, kind):
        """Only when the RTX initiates: stop the VPS from initiating too (logged)."""
        if self.spec.initiator != "rtx":
            return text
        if kind == "libreswan":
            new = re.sub(r"^(\s+auto\s*=\s*)(start|up)\s*$", r"\1add", text, flags=re.M)
        else:
            new = re.sub(r"^(\s*start_action\s*=\s*)(start|trap\|start|start\|trap)\s*$", r"\1none", text, flags=re.M)
        if new != text:
            self.log("REWRITE: the RTX initiates in this scenario, so the VPS file's start action was changed to "
                     "add/none (nothing else changed)")
        return new

    def make_vps(self):
        d = self.vpsdir
        if self.vps_kind == "libreswan":
            src = self.spec.file("ipsec.d")
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
                f.write(f"# Debian's stock ipsec.conf (lab copy)\nconfig setup\n\ninclude {ipsecd}/*.conf\n")
            secrets = os.path.join(d, "ipsec.secrets")
            with open(secrets, "w") as f:
                f.write(f"include {ipsecd}/*.secrets\n")
            return Pluto(self, "vps", d, conf, secrets, ipsecd, root=stacks.root_for(self, self.spec.vps_stack))
        if self.spec.vps_stack != "bookworm":
            raise ScenarioFail(f"vpsStack {self.spec.vps_stack}: only libreswan runs from another release's chroot")
        ch = Charon(self, "vps", d)
        ch.prepare({fn: self.rewrite_auto(open(self.spec.file("swanctl", "conf.d", fn)).read(), "strongswan")
                    for fn in self.vps_files["conf"]})
        return ch

    def vps_conf_text(self):
        return vpsfiles.conf_text(self.spec, self.vps_kind, self.vps_files)

    # ---------------------------------------------------------------- network
    def build_net(self):
        f, net = self.facts, self.net
        rtx6, vps6 = f["local_address"], f["remote_address"]
        for ns in ("rtx", "vps"):
            net.add_ns(ns)
        net.link("rtx", "eth0", "vps", "eth0")
        for ns, mine, peer in (("rtx", rtx6, vps6), ("vps", vps6, rtx6)):
            net.addr(ns, "eth0", f"{mine}/128")
            net.route(ns, f"{peer}/128", "dev", "eth0")
        # RTX LAN segments, each with a host behind it
        self.lan_hosts = []
        for i, a in enumerate(f["lan_addresses"]):
            lan, host_ns = f"lan{i + 1}", f"lan{i + 1}"
            net.add_ns(host_ns)
            net.link("rtx", lan, host_ns, "eth0")
            net.addr("rtx", lan, a)
            host = topology.host_address(ipaddress.ip_interface(a).network, [a])
            net.addr(host_ns, "eth0", str(host))
            net.route(host_ns, "default", "via", a.split("/")[0])
            self.lan_hosts.append((host_ns, str(host.ip)))
        if not self.lan_hosts:
            raise ScenarioFail("router.rtx has no `ip lanN address`: nothing to ping from")
        net.dummy("rtx", "tunnel")
        for n in f["tunnel_routes"]:
            net.route("rtx", n, "dev", "tunnel")
        # VPS private side with a host behind it; the host's gateway is the VPS
        self.vps_priv = vpsfiles.private_address(self.spec, f)
        net.add_ns("vpshost")
        net.link("vps", "eth1", "vpshost", "eth0")
        net.addr("vps", "eth1", str(self.vps_priv))
        inside = [ipaddress.ip_network(r) for r in f["tunnel_routes"]]
        self.vps_host = topology.host_address(self.vps_priv.network, [self.vps_priv])
        if not any(self.vps_host.ip in r for r in inside):
            raise ScenarioFail(f"the VPS private network {self.vps_priv.network} is not routed into the tunnel")
        net.addr("vpshost", "eth0", str(self.vps_host))
        net.route("vpshost", "default", "via", str(self.vps_priv.ip))
        for host in self.spec.hosts:
            topology.add_extra_host(net, host)
        net.flush()
        self.sh(["sysctl", "-qw", "net.ipv4.ip_forward=1"], ns="rtx")  # the RTX routes between LAN and tunnel
        # the VPS files, as written: every sysctl line in one `sysctl -w` (it reports each failing key)
        lines = vpsfiles.sysctl_lines(self.spec)
        if lines:
            rc, out = self.sh(["sysctl", "-w"] + [f"{k}={v}" for k, v, _ in lines], ns="vps", check=False)
            for k, v, optional in lines:
                if not optional and re.search(rf"(?m)^sysctl: .*{re.escape(k.replace('.', '/'))}|^sysctl: .*\b{re.escape(k)}\b", out):
                    raise ScenarioFail(f"sysctl {k}={v} failed in the VPS namespace: {out.strip()[-300:]}")
        routes = vpsfiles.route_lines(self.spec)
        if routes:
            rc, out = self.sh(["ip", "-n", "vps", "-batch", "-"], check=False,
                              stdin="".join(f"route add {line}\n" for line in routes))
            if rc != 0:
                raise ScenarioFail(f"route file lines {routes!r} cannot be applied: {out.strip()[-300:]}")

    # ---------------------------------------------------------------- state of the tunnel
    def logs(self):
        return [p for d in self.daemons.values() for p in d.logs() if os.path.exists(p)]

    def both_up(self):
        return all(s[0] and s[1] for s in (d.status() for d in self.daemons.values()))

    def abort_on_failure(self, since=None):
        """A failure line ends the wait after T_GRACE seconds (the other side's attempt may still win)."""
        for side, d in self.daemons.items():
            if d.dead():
                raise ScenarioFail(f"{side} daemon exited unexpectedly (rc={d.proc.returncode})")
        cat, line = find_failure(self.logs(), since)
        if not cat:
            return
        if cat == "CONN_LOAD_FAILED":
            raise ScenarioFail(f"{cat}: {line}")
        if self.first_failure is None:
            self.log(f"failure line seen, waiting {T_GRACE}s more for the tunnel anyway: {cat}: {line}")
            self.first_failure = (now(), line, cat)
        if now() - self.first_failure[0] > T_GRACE:
            raise ScenarioFail(f"{self.first_failure[2]}: {self.first_failure[1]}")

    def await_up(self, what, timeout=T_UP, pred=None, since=None, fail_check=None):
        t = now()
        self.first_failure = None

        def check():
            self.abort_on_failure(since)
            if fail_check:
                fail_check(t, timeout)
        try:
            self.wait_for(f"IKE SA + Child SA on both sides ({what})", pred or self.both_up, timeout, fail_check=check)
        except ScenarioFail as e:
            if str(e).startswith("timeout"):
                raise ScenarioFail(f"TIMEOUT: {e}") from None
            raise
        took = now() - t
        self.log(f"{what}: IKE SA and Child SA established on both sides after {took:.1f}s")
        for side, d in self.daemons.items():
            self.log(f"{side} status:\n{d.status()[2].strip()}")
        return took

    def firewall_diagnosis(self, t0, timeout):
        """Near the deadline with the VPS firewall loaded: remove it; if the tunnel then comes up, say so."""
        if not getattr(self, "firewall_loaded", None) or now() - t0 < timeout - 12:
            return
        self.log("no tunnel yet: removing the VPS firewall to see whether it is the cause")
        firewall.remove(self)
        self.firewall_loaded = None
        try:
            self.wait_for("tunnel without the firewall", self.both_up, 20)
        except ScenarioFail:
            return
        raise ScenarioFail(f"FIREWALL_BLOCKS_IKE: the tunnel came up only after the generated VPS firewall "
                           f"({self.firewall_kind}) was removed")

    def await_failure(self):
        deadline = now() + T_FAIL
        while now() < deadline:
            if self.both_up():
                return ("up", "")
            cat, line = find_failure(self.logs())
            if cat:
                t = now()
                while now() - t < 3:  # the other side's attempt may still succeed; let both sides log
                    if self.both_up():
                        return ("up", "")
                    time.sleep(POLL)
                cat, line = find_failure(self.logs())
                self.log(f"failure found: {cat}: {line}")
                return ("fail", f"{cat}: {line}")
            for side, d in self.daemons.items():
                if d.dead():
                    return ("fail", f"{side} daemon exited (rc={d.proc.returncode})")
            time.sleep(POLL)
        return ("fail", f"TIMEOUT: no SA within {T_FAIL}s and no known failure line in the logs")

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
                dm = self.daemons.get(ns)
                if dm is not None:
                    with open(os.path.join(self.out, ns, "daemon-status.txt"), "w") as f:
                        f.write(dm.status()[2])
            except Exception as e:  # noqa: BLE001
                self.log(f"collect {ns}: {e!r}")
