/**
 * sysctl files: `key = value` syntax, every key exists under /proc/sys (or is a per-NIC key whose
 * `default` twin exists), and every net.* value is really written inside a throw-away netns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readText, run } from './proc';
import type { CheckResult } from './result';
import { makeNetns } from './sandbox';

interface SysctlEntry {
  line: number;
  key: string;
  value: string;
  ignoreErr: boolean;
  kind?: 'exists' | 'nic-specific' | 'unknown';
  nic?: string;
  applied?: boolean;
}

const NIC_KEY = /^net\.(ipv4|ipv6)\.(conf|neigh)\.([^.]+)\.(.+)$/;
export function checkSysctl(args: string[]): CheckResult {
  const tool = "sysctl";
  const [fileArg] = args;
  if (!fileArg) return { ok: false, tool, details: "usage: sysctl FILE" };
  const text = readText(path.resolve(fileArg));
  const problems: string[] = [];
  const info: string[] = [];
  const entries: SysctlEntry[] = [];
  text.split("\n").forEach((raw, idx) => {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) return;
    const m = /^(-?)([A-Za-z0-9_./*-]+)\s*=\s*(.*)$/.exec(line);
    if (!m || m[3] === "") {
      problems.push(`line ${idx + 1}: not "key = value": ${raw}`);
      return;
    }
    const key = m[2]!.replace(/\//g, ".");
    entries.push({
      line: idx + 1,
      key,
      value: m[3]!.trim(),
      ignoreErr: m[1] === "-",
    });
  });
  const hostNics = new Set(fs.readdirSync("/proc/sys/net/ipv4/conf"));
  const nics = new Set<string>();
  for (const e of entries) {
    const p = "/proc/sys/" + e.key.replace(/\./g, "/");
    const nm = NIC_KEY.exec(e.key);
    if (nm && !["all", "default", "lo"].includes(nm[3]!)) nics.add(nm[3]!); // veth in the netns
    if (fs.existsSync(p)) {
      e.kind = "exists";
    } else if (
      nm &&
      !["all", "default"].includes(nm[3]!) &&
      !hostNics.has(nm[3]!) &&
      fs.existsSync(
        `/proc/sys/net/${nm[1]}/${nm[2]}/default/${nm[4]!.replace(/\./g, "/")}`,
      )
    ) {
      e.kind = "nic-specific";
      e.nic = nm[3]!;
      nics.add(nm[3]!);
    } else {
      e.kind = "unknown";
      (e.ignoreErr ? info : problems).push(
        `line ${e.line}: ${e.key}: no such key under /proc/sys${e.ignoreErr ? " (ignored: leading -)" : ""}`,
      );
    }
  }
  // write net.* values for real inside a throw-away netns (per-netns keys only; veths named
  // like the NICs in the file so per-NIC keys exist); non-net keys are only checked for existence.
  const netEntries = entries.filter(
    (e) => e.kind !== "unknown" && e.key.startsWith("net."),
  );
  if (netEntries.length) {
    const ns = makeNetns();
    let k = 0;
    for (const nic of nics) {
      if (!/^[A-Za-z0-9_.-]{1,15}$/.test(nic)) continue;
      run("ip", [
        "-n",
        ns,
        "link",
        "add",
        nic,
        "type",
        "veth",
        "peer",
        "name",
        `dchkp${k++}`,
      ]);
    }
    for (const e of netEntries) {
      const p = "/proc/sys/" + e.key.replace(/\./g, "/");
      const ex = run("ip", ["netns", "exec", ns, "test", "-e", p]);
      if (ex.status !== 0) {
        info.push(`line ${e.line}: ${e.key}: not per-netns, value not tested`);
        continue;
      }
      const r = run(
        "ip",
        ["netns", "exec", ns, "sysctl", "-w", `${e.key}=${e.value}`],
        { timeout: 5000 },
      );
      if (r.status !== 0)
        problems.push(
          `line ${e.line}: sysctl -w ${e.key}=${e.value} (in netns): ${r.text()}`,
        );
      else e.applied = true;
    }
  }
  const lines = entries.map(
    (e) =>
      `line ${e.line}: ${e.key} = ${e.value} [${e.kind}${e.nic ? " " + e.nic : ""}${e.applied ? ", written in netns" : ""}]`,
  );
  if (entries.length === 0) problems.push("no key = value lines");
  return {
    ok: problems.length === 0,
    tool,
    details: [
      ...(problems.length ? ["PROBLEMS:", ...problems] : ["all keys OK"]),
      ...lines,
      ...info,
    ].join("\n"),
    log: "",
  };
}

