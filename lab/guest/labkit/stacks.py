"""VPS daemon stacks from other Debian releases, run inside their chroots (built by tools/daemons/, see
/work/notes or tools/daemons/trixie-check.sh): scenario.json "vpsStack": "trixie" = libreswan 5.2.
The guest's root is an overlay with a tmpfs on top, so the chroot can get mount points: lab/out and
/run/lab are bind-mounted at the same paths inside it, so every path the lab passes stays valid."""
import os

from .base import OUT, ScenarioFail

ROOTS = {
    "bookworm": None,  # the guest's own trees (lab/setup.sh)
    "trixie": os.environ.get("LAB_TRIXIE_ROOT", "/var/cache/rtx-daemons-trixie"),
    "bullseye": os.environ.get("LAB_BULLSEYE_ROOT", "/var/cache/rtx-daemons-bullseye"),
}
_prepared = set()


def root_for(sc, stack):
    if stack not in ROOTS:
        raise ScenarioFail(f"vpsStack {stack!r} unknown (known: {', '.join(ROOTS)})")
    root = ROOTS[stack]
    if root is None:
        return None
    if not os.path.isfile(os.path.join(root, "usr/libexec/ipsec/pluto")):
        raise ScenarioFail(f"vpsStack {stack}: no libreswan in {root} (build it: tools/daemons/trixie-check.sh setup)")
    if root not in _prepared:
        for src, dst, kind in ((OUT, root + OUT, "bind"), ("/run/lab", root + "/run/lab", "bind"),
                               ("/dev", root + "/dev", "bind"), ("proc", root + "/proc", "proc")):
            os.makedirs(dst, exist_ok=True)
            if kind == "bind":
                os.makedirs(src, exist_ok=True)
                sc.sh(["mount", "--bind", src, dst])
            else:
                sc.sh(["mount", "-t", "proc", "proc", dst])
        _prepared.add(root)
    return root
