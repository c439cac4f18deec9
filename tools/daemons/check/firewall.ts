/** nft -c and ip(6)tables-restore --test, each inside a throw-away netns. */
import path from 'node:path';
import { run, which } from './proc';
import type { CheckResult } from './result';
import { makeNetns } from './sandbox';

export function checkNft(args: string[]): CheckResult {
  const tool = "nft";
  const [fileArg] = args;
  if (!fileArg) return { ok: false, tool, details: "usage: nft FILE" };
  if (!which("nft"))
    return {
      ok: false,
      tool,
      details: "nft not installed: run tools/daemons/install.sh",
    };
  const ns = makeNetns();
  const v = run("nft", ["--version"]).text();
  const r = run(
    "ip",
    ["netns", "exec", ns, "nft", "-c", "-f", path.resolve(fileArg)],
    { timeout: 20000 },
  );
  return {
    ok: r.status === 0,
    tool,
    details: `${v}: nft -c -f -> rc=${r.status}${r.text() ? "\n" + r.text() : ""}`,
    log: r.text(),
  };
}

export function checkIptables(kind: 'iptables-restore' | 'ip6tables-restore', args: string[]): CheckResult {
  const tool = kind;
  const files = args.filter((a) => !a.startsWith("--"));
  const noflush = args.includes("--noflush");
  if (files.length !== 1)
    return { ok: false, tool, details: `usage: ${kind} FILE [--noflush]` };
  if (!which(kind))
    return {
      ok: false,
      tool,
      details: `${kind} not installed: run tools/daemons/install.sh`,
    };
  const ns = makeNetns();
  const v = run(kind.replace("-restore", ""), ["--version"]).text();
  const a = [
    "netns",
    "exec",
    ns,
    kind,
    "--test",
    ...(noflush ? ["--noflush"] : []),
    path.resolve(files[0]!),
  ];
  const r = run("ip", a, { timeout: 20000 });
  return {
    ok: r.status === 0,
    tool,
    details: `${v}: ${kind} --test${noflush ? " --noflush" : ""} -> rc=${r.status}${r.text() ? "\n" + r.text() : ""}`,
    log: r.text(),
  };
}

