/** systemd-networkd .network files: no offline validator exists in systemd 252, so skipped. */
import type { CheckResult } from './result';

export function checkNetworkd(args: string[]): CheckResult {
  return {
    ok: true,
    skipped: true,
    tool: "networkd",
    details:
      `skipped: systemd 252 has no offline validator for .network files (systemd-analyze verify only takes units; ` +
      `networkctl needs a running systemd-networkd + D-Bus). File: ${args[0] || "(none)"}`,
    log: "",
  };
}

