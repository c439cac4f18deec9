"""The VPS restarts its IPsec service (SIGTERM: the daemon sends Delete, as `systemctl restart` does),
then starts again with the same files. The tunnel must come back by itself; the time is recorded."""
from .. import traffic
from ..base import T_RECOVER_MARGIN, ScenarioFail, now

NAME = "restart-vps"


def run(sc):
    rtx, vps = sc.daemons["rtx"], sc.daemons["vps"]
    old_rtx = rtx.child_serials()
    dpd = sc.facts.get("dpd")
    deadline = dpd["interval"] * (dpd["count"] + 1) + T_RECOVER_MARGIN if dpd else 2 * T_RECOVER_MARGIN
    sc.log(f"restart-vps: SIGTERM the VPS daemon, start it again; deadline {deadline}s")
    t = now()
    vps.stop(graceful=True)
    vps.rotate_log()
    vps.start()

    def back():
        return sc.both_up() and bool(rtx.child_serials() - old_rtx)

    def fatal():
        if vps.dead():
            raise ScenarioFail("the VPS daemon exited after its restart")
    sc.wait_for(f"tunnel back after restart-vps with a new RTX Child SA (deadline {deadline}s)", back, deadline,
                fail_check=fatal)
    traffic.all_pairs(sc, "after restart-vps", every_lan=False)
    sc.record["recovery"]["vps"] = round(now() - t, 1)
    sc.log(f"restart-vps: recovered (SAs and traffic) after {now() - t:.1f}s")
