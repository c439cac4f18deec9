"""Per-scenario checks. Each module here defines NAME and run(sc); scenario.json "checks" lists names.

Adding a check = adding a file: nothing else registers it. `sc` is the running Scenario: sc.sh(args,
ns=...), sc.log, sc.wait_for, sc.daemons["rtx"|"vps"] (start/stop/status/rekey_*), sc.facts (from the
RTX text), sc.lan_hosts, sc.vps_priv, sc.vps_host, sc.net (add hosts), sc.record (result table)."""
import importlib
import os
import pkgutil

from ..base import ScenarioFail

_REGISTRY = {}


def _load():
    if _REGISTRY:
        return _REGISTRY
    for m in pkgutil.iter_modules([os.path.dirname(__file__)]):
        mod = importlib.import_module(f"{__name__}.{m.name}")
        if hasattr(mod, "NAME") and hasattr(mod, "run"):
            _REGISTRY[mod.NAME] = mod.run
    return _REGISTRY


def run(name, sc):
    reg = _load()
    if name not in reg:
        raise ScenarioFail(f"unknown check {name!r} (known: {', '.join(sorted(reg))})")
    sc.log(f"---- check {name}")
    reg[name](sc)
