/** netplan generate --root-dir on a temp root holding only FILE (mode 600). */
import fs from 'node:fs';
import path from 'node:path';
import { readText, run, which } from './proc';
import type { CheckResult } from './result';
import { makeTmp } from './sandbox';

export function checkNetplan(args: string[]): CheckResult {
  const tool = "netplan";
  const [fileArg] = args;
  if (!fileArg) return { ok: false, tool, details: "usage: netplan FILE" };
  if (!which("netplan"))
    return {
      ok: false,
      tool,
      details: "netplan not installed: run tools/daemons/install.sh",
    };
  const root = makeTmp("netplan");
  fs.mkdirSync(`${root}/etc/netplan`, { recursive: true });
  let base = path.basename(fileArg);
  if (!/\.ya?ml$/.test(base)) base += ".yaml";
  const dst = `${root}/etc/netplan/${base}`;
  fs.copyFileSync(path.resolve(fileArg), dst);
  fs.chmodSync(dst, 0o600);
  const r = run("netplan", ["generate", "--root-dir", root], {
    timeout: 30000,
  });
  const gen: string[] = [];
  for (const d of [
    "run/systemd/network",
    "run/NetworkManager/system-connections",
  ]) {
    const dir = `${root}/${d}`;
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort())
      gen.push(`--- /${d}/${f} ---\n${readText(`${dir}/${f}`)}`);
  }
  const txt = r.text();
  const problems: string[] = [];
  if (r.status !== 0) problems.push(`netplan generate exited ${r.status}`);
  if (/error|warning|too open/i.test(txt)) problems.push(txt);
  if (r.status === 0 && gen.length === 0)
    problems.push("netplan generated no networkd/NM file");
  return {
    ok: problems.length === 0,
    tool,
    details: [
      ...(problems.length
        ? ["PROBLEMS:", ...problems]
        : ["netplan generate OK"]),
      ...gen,
    ].join("\n"),
    log: txt,
  };
}

