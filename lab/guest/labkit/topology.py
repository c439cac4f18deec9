"""Network namespaces and links inside the guest.

The default picture of one scenario (names are namespaces):

    lan1 ─┐                                         ┌─ vpshost
    lan2 ─┼─ rtx ══ eth0 (IPv6 outer, veth) ══ vps ─┘  (eth1 = VPS private NIC)
    ...  ─┘   └ tunnel (dummy: routes into the tunnel die here without an SA)

Extra hosts (scenario.json "hosts") attach to any namespace by another veth pair."""
import ipaddress
import os
import signal
import subprocess


class Net:
    """Namespaces and links. Commands are queued and run by flush() as `ip -batch` per namespace: each
    process start costs about a second in a loaded UML guest, so one scenario's ~40 commands would
    otherwise take a minute."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.namespaces = []
        self.queue = {}  # namespace ("" = the guest's own) -> batch lines, in order

    def _q(self, ns, line):
        self.queue.setdefault(ns, []).append(line)

    def flush(self):
        # the guest's own namespace first: it creates the namespaces and the links between them
        for ns in sorted(self.queue, key=lambda n: n != ""):
            lines = self.queue[ns]
            args = ["ip"] + (["-n", ns] if ns else []) + ["-batch", "-"]
            rc, out = self.ctx.sh(args, check=False, stdin="\n".join(lines) + "\n", quiet=True)
            self.ctx.log(f"$ {' '.join(args)}  -> rc={rc}\n  " + "\n  ".join(lines) + (f"\n{out.rstrip()}" if out.strip() else ""))
            if rc != 0:
                from .base import ScenarioFail
                raise ScenarioFail(f"network setup failed in namespace {ns or '(guest)'}: {out.strip()[-300:]}")
        self.queue = {}

    def add_ns(self, ns):
        if os.path.exists(f"/run/netns/{ns}"):
            self.delete_ns(ns)
        self._q("", f"netns add {ns}")
        self.namespaces.append(ns)
        self._q(ns, "link set lo up")

    def link(self, ns_a, if_a, ns_b, if_b):
        self._q("", f"link add {if_a} netns {ns_a} type veth peer name {if_b} netns {ns_b}")
        self._q(ns_a, f"link set {if_a} up")
        self._q(ns_b, f"link set {if_b} up")

    def dummy(self, ns, ifname):
        self._q(ns, f"link add {ifname} type dummy")
        self._q(ns, f"link set {ifname} up")

    # `ip -batch` lines take no options (-4/-6): the family comes from the addresses themselves
    def addr(self, ns, ifname, cidr):
        self._q(ns, f"addr add {cidr} dev {ifname}" + (" nodad" if ":" in cidr else ""))

    def route(self, ns, *args):
        args = list(args)
        if args[0] == "default" and len(args) > 2 and ":" in args[2]:
            args[0] = "::/0"
        self._q(ns, f"route replace {' '.join(args)}")

    @staticmethod
    def delete_ns(ns):
        pids = subprocess.run(["ip", "netns", "pids", ns], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True).stdout.split()
        for p in pids:
            try:
                os.kill(int(p), signal.SIGKILL)
            except OSError:
                pass
        subprocess.run(["ip", "netns", "del", ns], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def teardown(self):
        """Daemons are already stopped; killing what is left and deleting takes one process per namespace."""
        for ns in reversed(self.namespaces):
            if os.path.exists(f"/run/netns/{ns}"):
                self.delete_ns(ns)
        self.namespaces = []
        self.queue = {}


def host_address(network, taken):
    """The first host address of `network` not in `taken` (an interface string with the prefix)."""
    net = ipaddress.ip_network(network, strict=False)
    taken = {ipaddress.ip_address(str(t).split("/")[0]) for t in taken}
    for h in net.hosts():
        if h not in taken:
            return ipaddress.ip_interface(f"{h}/{net.prefixlen}")
    raise ValueError(f"no free host address in {net}")


def add_extra_host(net, host):
    """scenario.json "hosts": [{"name", "attach", "ifname", "address", "attachAddress", "routes": [...]}].

    A namespace `name` with eth0 = `address`, joined by veth to namespace `attach` (interface `ifname`,
    address `attachAddress`). `routes` are `ip route` argument strings for the new host (e.g.
    "default via 2001:db8:ff::1"); `attachRoutes` the same for the attach side."""
    name, attach = host["name"], host["attach"]
    net.add_ns(name)
    net.link(name, "eth0", attach, host["ifname"])
    net.addr(name, "eth0", host["address"])
    if host.get("attachAddress"):
        net.addr(attach, host["ifname"], host["attachAddress"])
    for r in host.get("routes", []):
        net.route(name, *r.split())
    for r in host.get("attachRoutes", []):
        net.route(attach, *r.split())
