"""One IKE daemon in one namespace: libreswan's pluto or strongSwan's charon (+ swanctl).

Both offer the same small interface, so checks never ask which one runs:
start(), stop(graceful), dead(), status() -> (ike_up, child_up, text), ike_serials(), child_serials(),
rekey_child(), rekey_ike(), logs()."""
import os
import re
import shutil
import signal
import subprocess

from .base import T_DAEMON, ScenarioFail, now, tail
from .failures import find_failure

LIBEXEC = "/usr/libexec/ipsec"
CHARON = "/usr/lib/ipsec/charon"


class Daemon:
    kind = "?"

    def __init__(self, ctx, ns, d):
        self.ctx, self.ns, self.d = ctx, ns, d
        self.proc = None
        self.run = os.path.join(ctx.rundir, ns)
        self.generation = 0  # restarts so far; each keeps its own log file

    def dead(self):
        return self.proc is not None and self.proc.poll() is not None

    def stop(self, graceful=True):
        """graceful: SIGTERM (the daemon sends Delete, as `systemctl restart` does); else SIGKILL."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM if graceful else signal.SIGKILL)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.proc = None

    def rotate_log(self):
        """Before a restart: keep the old log under a numbered name so failure scans see only the new run."""
        self.generation += 1
        for p in self.logs():
            if os.path.exists(p):
                os.rename(p, f"{p[:-4]}.before-restart-{self.generation}.log")

    def failure(self, since=None):
        return find_failure(self.logs(), since)


class Pluto(Daemon):
    kind = "libreswan"

    def __init__(self, ctx, ns, d, conf, secrets, ipsecdir, root=None):
        super().__init__(ctx, ns, d)
        self.conf, self.secrets, self.ipsecdir = conf, secrets, ipsecdir
        # another Debian release's libreswan: run inside its chroot (stacks.py makes the paths visible there)
        self.pre = ["chroot", root] if root else []
        self.ctl = os.path.join(self.run, "pluto.ctl")
        self.log = os.path.join(d, "pluto.log")

    def logs(self):
        return [self.log]

    def start(self):
        shutil.rmtree(self.run, ignore_errors=True)
        os.makedirs(self.run)
        nss = os.path.join(self.d, "nss")
        shutil.rmtree(nss, ignore_errors=True)
        os.makedirs(nss)
        self.ctx.sh(self.pre + ["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], quiet=True)
        cmd = ["ip", "netns", "exec", self.ns] + self.pre + [f"{LIBEXEC}/pluto", "--config", self.conf, "--secretsfile", self.secrets,
               "--rundir", self.run, "--nssdir", nss, "--ipsecdir", self.ipsecdir, "--logfile", self.log, "--nofork"]
        self.ctx.log("$ " + " ".join(cmd))
        self.proc = subprocess.Popen(cmd, stdout=open(os.path.join(self.d, "pluto.stdout"), "a"), stderr=subprocess.STDOUT)
        self.ctx.wait_for(f"{self.ns} pluto control socket", lambda: os.path.exists(self.ctl) or self.dead(), T_DAEMON)
        if self.dead():
            raise ScenarioFail(f"{self.ns} pluto exited (rc={self.proc.returncode}): {tail(self.log)}")
        self.ctx.wait_for(f"{self.ns} pluto to load its connections", self.conns_loaded, T_DAEMON,
                          fail_check=self.check_load_errors)
        self.ctx.log(f"{self.ns}: pluto running, connections loaded")

    def whack(self, *args, timeout=40, quiet=True):
        return self.ctx.sh(self.pre + [f"{LIBEXEC}/whack", "--ctlsocket", self.ctl, *args], ns=self.ns, check=False,
                           quiet=quiet, timeout=timeout)

    def conns_loaded(self):
        rc, out = self.whack("--status")
        # addconn --autoall (run by pluto) has finished once the conns are listed
        return rc == 0 and re.search(r'^\d*\s*"[^"]+"(\[\d+\])?: .*(===|\.\.\.)', out, re.M) is not None

    def check_load_errors(self):
        if self.dead():
            raise ScenarioFail(f"{self.ns} daemon exited: {tail(self.log)}")
        cat, line = find_failure([self.log])
        if cat == "CONN_LOAD_FAILED":
            raise ScenarioFail(f"{cat}: {self.ns} log: {line}")

    IKE_RX = r"ISAKMP SA established|STATE_MAIN_[IR][34]\b|ESTABLISHED_IKE_SA|IKE SA established"
    CHILD_RX = r"IPsec SA established|STATE_QUICK_[IR]2\b|ESTABLISHED_CHILD_SA"

    def status(self):
        if self.proc is None or self.dead():
            return False, False, ""
        rc, out = self.whack("--showstates")
        return bool(re.search(self.IKE_RX, out)), bool(re.search(self.CHILD_RX, out)), out

    def _serials(self, rx):
        out = self.status()[2]
        return {int(m.group(1)): m.group(2) for m in re.finditer(rf'#(\d+): "([^"]+)".*({rx})', out)}

    def ike_serials(self):
        return set(self._serials(self.IKE_RX))

    def child_serials(self):
        return set(self._serials(self.CHILD_RX))

    def _rekey(self, what):
        names = sorted(set(self._serials(self.CHILD_RX).values()))
        if not names:
            raise ScenarioFail(f"{self.ns}: no established Child SA to rekey")
        if re.search(r"STATE_(MAIN|QUICK)_", self.status()[2]):
            return self._rekey_ikev1(what, names)
        for name in names:
            rc, out = self.whack("--asynchronous", f"--rekey-{what}", "--name", name, timeout=40, quiet=False)
            if rc != 0 and what == "ipsec" and "unrecognized option" in out:
                # libreswan 5.x renamed --rekey-ipsec to --rekey-child
                rc, out = self.whack("--asynchronous", "--rekey-child", "--name", name, timeout=40, quiet=False)
            if rc != 0:
                raise ScenarioFail(f"REKEY_FAILED: {self.ns} whack --rekey-{what} --name {name}: rc={rc} {out.strip()[-200:]}")

    def _rekey_ikev1(self, what, names):
        """libreswan 4.x: "cannot force rekey of IKEv1 connection". A Child (phase 2) rekey = a new Quick
        Mode under the existing ISAKMP SA (`--initiate` on an established conn does exactly that, with a
        fresh PFS exchange); an IKE (phase 1) rekey = delete the ISAKMP SA (its IPsec SAs stay) and
        initiate, which runs a new Main Mode."""
        if what == "ike":
            for serial in sorted(self.ike_serials()):
                self.whack("--deletestate", str(serial), timeout=40, quiet=False)
        for name in names:
            rc, out = self.whack("--asynchronous", "--initiate", "--name", name, timeout=40, quiet=False)
            if rc != 0:
                raise ScenarioFail(f"REKEY_FAILED: {self.ns} whack --initiate --name {name}: rc={rc} {out.strip()[-200:]}")

    def rekey_child(self):
        self._rekey("ipsec")

    def rekey_ike(self):
        self._rekey("ike")


class Charon(Daemon):
    """charon + swanctl. `confd` holds the swanctl conf.d files as they are loaded."""
    kind = "strongswan"

    def __init__(self, ctx, ns, d):
        super().__init__(ctx, ns, d)
        self.vici = f"unix://{self.run}/charon.vici"
        self.log = os.path.join(d, "charon.log")
        self.swanctl_conf = os.path.join(d, "swanctl", "swanctl.conf")
        self.sconf = os.path.join(d, "strongswan.conf")
        self.env = dict(os.environ, STRONGSWAN_CONF=self.sconf)

    def logs(self):
        return [self.log]

    def prepare(self, files):
        """files: {name: text} for swanctl/conf.d; writes Debian's stock swanctl layout around them."""
        confd = os.path.join(self.d, "swanctl", "conf.d")
        os.makedirs(confd, exist_ok=True)
        for sub in ("x509", "x509ca", "x509ocsp", "x509aa", "x509ac", "x509crl", "pubkey", "private", "rsa",
                    "ecdsa", "bliss", "pkcs8", "pkcs12"):
            os.makedirs(os.path.join(self.d, "swanctl", sub), exist_ok=True)
        for fn, text in files.items():
            with open(os.path.join(confd, fn), "w") as f:
                f.write(text)
        with open(self.swanctl_conf, "w") as f:
            f.write("# Debian's stock swanctl.conf (lab copy)\ninclude conf.d/*.conf\n")
        with open(self.sconf, "w") as f:
            f.write(f"""# lab: Debian's strongswan.conf plus a log file and a per-namespace vici socket
charon {{
  load_modular = yes
  filelog {{
    lab {{
      path = {self.log}
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

    def start(self):
        shutil.rmtree(self.run, ignore_errors=True)
        os.makedirs(self.run)
        for p in ("/run/charon.pid", "/var/run/charon.pid"):
            if os.path.exists(p):
                os.unlink(p)
        cmd = ["ip", "netns", "exec", self.ns, CHARON]
        self.ctx.log(f"$ STRONGSWAN_CONF={self.sconf} " + " ".join(cmd))
        self.proc = subprocess.Popen(cmd, stdout=open(os.path.join(self.d, "charon.stdout"), "a"),
                                     stderr=subprocess.STDOUT, env=self.env)
        sock = self.vici[len("unix://"):]
        self.ctx.wait_for(f"{self.ns} charon vici socket", lambda: os.path.exists(sock) or self.dead(), T_DAEMON)
        if self.dead():
            raise ScenarioFail(f"charon exited: {tail(self.log)} {tail(os.path.join(self.d, 'charon.stdout'))}")
        rc, out = self.swanctl("--load-all", "--noprompt", "--file", self.swanctl_conf, quiet=False)
        with open(os.path.join(self.d, "swanctl-load.txt"), "a") as f:
            f.write(out)
        bad = [line for line in out.splitlines() if re.search(r"fail|error|invalid|unknown", line, re.I)
               and not re.match(r"plugin '.*': failed to load|opening directory .* failed", line)]
        if rc != 0 or bad:
            raise ScenarioFail(f"CONN_LOAD_FAILED: swanctl --load-all: {bad[0] if bad else out.strip()[-300:]}")

    def swanctl(self, *args, timeout=40, quiet=True):
        return self.ctx.sh(["swanctl", *args, "--uri", self.vici], ns=self.ns, check=False, quiet=quiet,
                           timeout=timeout, env=self.env)

    def status(self):
        if self.proc is None or self.dead():
            return False, False, ""
        rc, out = self.swanctl("--list-sas")
        return bool(re.search(r"\bESTABLISHED\b", out)), bool(re.search(r"\bINSTALLED\b", out)), out

    def ike_serials(self):
        return {int(m.group(1)) for m in re.finditer(r"(?m)^\S[^:\n]*: #(\d+), ESTABLISHED", self.status()[2])}

    def child_serials(self):
        return {int(m.group(1)) for m in re.finditer(r"(?m)^[ \t]+\S[^:\n]*: #(\d+),.*\bINSTALLED\b", self.status()[2])}

    def _names(self, rx):
        return sorted(set(re.findall(rx, self.status()[2], re.M)))

    def rekey_child(self):
        names = self._names(r"^[ \t]+(\S[^:\n]*): #\d+,.*\bINSTALLED\b")
        if not names:
            raise ScenarioFail(f"{self.ns}: no installed Child SA to rekey")
        for n in names:
            rc, out = self.swanctl("--rekey", "--child", n, timeout=40, quiet=False)
            if rc != 0:
                raise ScenarioFail(f"REKEY_FAILED: {self.ns} swanctl --rekey --child {n}: {out.strip()[-200:]}")

    def rekey_ike(self):
        names = self._names(r"^(\S[^:\n]*): #\d+, ESTABLISHED")
        if not names:
            raise ScenarioFail(f"{self.ns}: no established IKE SA to rekey")
        for n in names:
            rc, out = self.swanctl("--rekey", "--ike", n, timeout=40, quiet=False)
            if rc != 0:
                raise ScenarioFail(f"REKEY_FAILED: {self.ns} swanctl --rekey --ike {n}: {out.strip()[-200:]}")
