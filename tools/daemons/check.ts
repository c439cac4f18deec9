#!/usr/bin/env -S node --import tsx
// Feed generated VPS files to the REAL Debian 12 parsers/daemons and report what they said.
//
//   node --import tsx tools/daemons/check.ts <kind> <args…>
//
//   libreswan CONF SECRETS LEFT_IPV6   pluto 4.10 in a fresh netns + addconn per conn + algparse
//   swanctl FILE                       charon 5.9.8 in a fresh netns + swanctl --load-all --file
//   nft FILE                           nft -c -f (in a netns)
//   iptables-restore FILE [--noflush]  iptables-restore --test (in a netns)
//   ip6tables-restore FILE [--noflush] ip6tables-restore --test (in a netns)
//   netplan FILE                       netplan generate --root-dir (temp root, mode 600)
//   sysctl FILE                        key = value syntax, key exists under /proc/sys, net.* keys
//                                      written for real inside a throw-away netns
//   networkd FILE                      skipped (no offline validator in systemd 252)
//
// Prints ONE JSON object on stdout: {ok, tool, details, log, skipped?}. Exit code 0 if ok, 1 if
// not ok, 2 on usage errors. Needs root and tools/daemons/install.sh. One module per job under
// check/: sandbox (netns, temp dirs, daemons, cleanup), proc (running programs), ipsecConf and
// swanctlCount (readers), and one module per kind.
import fs from 'node:fs';
import { checkIptables, checkNft } from './check/firewall';
import { checkLibreswan } from './check/libreswan';
import { checkNetplan } from './check/netplan';
import { checkNetworkd } from './check/networkd';
import { printResult, type Check, type CheckResult } from './check/result';
import { doCleanup } from './check/sandbox';
import { checkSwanctl } from './check/swanctl';
import { checkSysctl } from './check/sysctl';

const KINDS: Record<string, Check> = {
  libreswan: checkLibreswan,
  swanctl: checkSwanctl,
  nft: checkNft,
  'iptables-restore': (a) => checkIptables('iptables-restore', a),
  'ip6tables-restore': (a) => checkIptables('ip6tables-restore', a),
  netplan: checkNetplan,
  sysctl: checkSysctl,
  networkd: checkNetworkd,
};

async function main(): Promise<number> {
  const [kind = '', ...args] = process.argv.slice(2);
  const fn = KINDS[kind];
  if (!fn) {
    printResult({ ok: false, tool: String(kind), details: `usage: check.ts <${Object.keys(KINDS).join('|')}> args…` });
    return 2;
  }
  if (process.getuid && process.getuid() !== 0 && !['sysctl', 'networkd'].includes(kind)) {
    printResult({ ok: false, tool: kind, details: 'must run as root (network namespaces)' });
    return 2;
  }
  for (const a of args.filter((x) => !x.startsWith('--') && kind !== 'libreswan'))
    if (!fs.existsSync(a)) {
      printResult({ ok: false, tool: kind, details: `no such file: ${a}` });
      return 2;
    }
  let res: CheckResult;
  const t0 = Date.now();
  try {
    res = await fn(args);
  } catch (e) {
    res = { ok: false, tool: kind, details: `harness error: ${e instanceof Error && e.stack ? e.stack : String(e)}` };
  }
  res.details = `${res.details}\n(check took ${Date.now() - t0} ms)`;
  printResult(res);
  return res.ok ? 0 : 1;
}

void main().then((code) => {
  doCleanup();
  process.exit(code);
});
