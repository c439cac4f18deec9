"""Shared plumbing: the failure exception, logging, commands in namespaces, polling with deadlines."""
import os
import signal
import subprocess
import time

LAB = os.environ.get("LAB") or os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.environ.get("LAB_OUT") or os.path.join(LAB, "out")
BB = "/bin/busybox"
POLL = 0.25

# Protocol deadlines (seconds). Every wait polls; these are generous upper bounds, never pass criteria.
# A quiet 2-core machine needs a fraction of each (measured: lab/README.md); a loaded one pays 1-4 s per
# process start in the guest, so they are sized for that. Only failing scenarios ever wait them out.
T_DAEMON = 150  # daemon control socket appears, connections loaded
T_UP = 150  # IKE + Child SA established on both sides
T_FAIL = 90  # negative scenario: no SA and a failure reason in the logs
T_PING = 30  # first echo reply through the tunnel
T_GRACE = 10  # after a failure line, how long the other side's attempt may still bring the tunnel up
T_REKEY = 120  # a forced rekey completes
T_RECOVER_MARGIN = 90  # restarts: added to the protocol's own dpd/keepalive time


class ScenarioFail(Exception):
    """The scenario failed; the message is the reason printed after `FAIL name:`."""


def now():
    return time.monotonic()


class Shell:
    """Runs commands (optionally inside a network namespace) and logs each one with its output."""

    def __init__(self, logpath):
        self.logf = open(logpath, "w")

    def log(self, msg):
        self.logf.write(f"[{time.strftime('%H:%M:%S')}] {msg}\n")
        self.logf.flush()

    def close(self):
        self.logf.close()

    def sh(self, args, ns=None, check=True, timeout=20, quiet=False, env=None, stdin=None):
        cmd = (["ip", "netns", "exec", ns] if ns else []) + list(args)
        # own process group: on timeout the whole group dies, so no grandchild keeps the pipe open
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                                stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                start_new_session=True)
        try:
            out, _ = proc.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            self.log(f"$ {' '.join(cmd)}  -> TIMEOUT after {timeout}s")
            if check:
                raise ScenarioFail(f"command timed out: {' '.join(args)}")
            return 124, ""
        p = subprocess.CompletedProcess(cmd, proc.returncode, out)
        if not quiet or p.returncode != 0:
            self.log(f"$ {' '.join(cmd)}  -> rc={p.returncode}" + (f"\n{p.stdout.rstrip()}" if p.stdout.strip() else ""))
        if check and p.returncode != 0:
            raise ScenarioFail(f"`{' '.join(args)}` failed (rc={p.returncode}): {p.stdout.strip()[-300:]}")
        return p.returncode, p.stdout

    def wait_for(self, what, pred, timeout, fail_check=None):
        """Poll `pred` until it returns something truthy; `fail_check` may raise to end the wait early."""
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


def tail(path, n=3):
    try:
        return " | ".join(open(path, errors="replace").read().strip().splitlines()[-n:])
    except OSError:
        return "(no log)"
