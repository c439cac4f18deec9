"""The RTX reboots: its daemon is SIGKILLed (no Delete) and its kernel SAs flushed, then it starts again.
The tunnel must come back by itself with a new VPS Child SA, and traffic must flow; the time is recorded.

Deadline: the larger of the RTX keepalive interval x (count + 1) and the VPS dpd delay + timeout,
plus T_RECOVER_MARGIN (process starts are slow in a loaded guest; recovery time is recorded, not judged)."""
from .. import traffic, vpsfiles
from ..base import T_RECOVER_MARGIN, ScenarioFail, now
from ..failures import find_failure

NAME = "restart-rtx"


def run(sc):
    dpd = sc.facts.get("dpd")
    deadline = dpd["interval"] * (dpd["count"] + 1) + T_RECOVER_MARGIN if dpd else 2 * T_RECOVER_MARGIN
    vdpd = vpsfiles.dpd_seconds(sc.vps_conf_text())
    if vdpd:
        deadline = max(deadline, vdpd + T_RECOVER_MARGIN)
    rtx, vps = sc.daemons["rtx"], sc.daemons["vps"]
    old_vps = vps.child_serials()
    sc.log(f"restart-rtx: kill -9 the RTX daemon, flush its SAs; deadline {deadline}s; VPS children {sorted(old_vps)}")
    t = now()
    rtx.stop(graceful=False)
    sc.sh(["ip", "xfrm", "state", "flush"], ns="rtx")
    sc.sh(["ip", "xfrm", "policy", "flush"], ns="rtx")
    rtx.rotate_log()
    rtx.start()
    if not sc.facts["initiates"]:
        sc.log("the RTX does not initiate (no `ipsec auto refresh on`): the VPS must notice and re-initiate")

    def back():
        return sc.both_up() and bool(vps.child_serials() - old_vps)

    def fatal(_t0, _timeout):
        cat, line = find_failure(rtx.logs())
        if cat in ("CONN_LOAD_FAILED", "AUTHENTICATION_FAILED", "NO_PROPOSAL_CHOSEN"):
            raise ScenarioFail(f"after restart-rtx: {cat}: {line}")
    sc.wait_for(f"tunnel back after restart-rtx with a new VPS Child SA (deadline {deadline}s)", back, deadline,
                fail_check=lambda: fatal(None, None))
    traffic.all_pairs(sc, "after restart-rtx", every_lan=False)
    sc.record["recovery"]["rtx"] = round(now() - t, 1)
    sc.log(f"restart-rtx: recovered (SAs and traffic) after {now() - t:.1f}s")
