"""Force Child SA rekeys (from the VPS, then from the RTX) and an IKE SA rekey; traffic must still flow.

With PFS, a Child SA rekey carries a new DH exchange (IKEv2 CREATE_CHILD_SA, IKEv1 quick mode with KE):
a PFS mismatch between the sides shows here and nowhere else in IKEv2, whose first Child SA has no KE."""
from .. import traffic
from ..base import T_REKEY
from ..failures import log_offsets

NAME = "rekey"


def _rekey(sc, initiator, what):
    d = sc.daemons[initiator]
    old = {s: (x.child_serials() if what == "child" else x.ike_serials()) for s, x in sc.daemons.items()}
    since = log_offsets(sc.logs())
    sc.log(f"rekey: {what} SA from {initiator}; {what} serials before {old}")
    (d.rekey_child if what == "child" else d.rekey_ike)()

    def done():
        for s, x in sc.daemons.items():
            now_ = x.child_serials() if what == "child" else x.ike_serials()
            if not (now_ - old[s]) or not sc.both_up():
                return False
        return True
    try:
        took = sc.await_up(f"{what} rekey from {initiator}", timeout=T_REKEY, pred=done, since=since)
    except Exception as e:  # noqa: BLE001
        raise type(e)(f"REKEY_FAILED: {what} SA rekey initiated by {initiator}: {e}") from None
    sc.record.setdefault("rekeys", []).append(f"{what}@{initiator} {took:.1f}s")
    traffic.all_pairs(sc, f"after {what} rekey from {initiator}", every_lan=False)


def run(sc):
    _rekey(sc, "vps", "child")
    _rekey(sc, "rtx", "child")
    _rekey(sc, "vps", "ike")
