"""Every LAN segment of the RTX text <-> the VPS and the host behind it, both ways, ESP counted."""
from .. import traffic

NAME = "traffic"


def run(sc):
    traffic.all_pairs(sc, "traffic")
