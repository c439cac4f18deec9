/**
 * Renders interop-lab scenarios (lab/README.md) from examples/*.plan.json into lab/out/scenarios/.
 *
 * Two kinds:
 * - scenarios: the generator's files, unchanged (only their places in the scenario folder differ);
 *   "up" scenarios must bring the tunnel up and pass every check.
 * - mutations (`mut-*`): the same files with ONE fault a user could meet, each required to FAIL for its
 *   own reason (`expectReason`). A lab that passes a mutation is a failing lab.
 *
 * The private-NIC route is taken from the generated ifupdown file.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from '../src/core/bundle/types';
import { generate } from '../src/core/generate';

const OUT = 'lab/out/scenarios';

/** Scenario folder path -> content. */
type Files = Map<string, string>;

interface Scenario {
  readonly name: string;
  /** The plan for the router side and, unless `vpsPlan` is given, for the VPS side. */
  readonly plan: Plan;
  /** A different plan for the VPS side: some negative scenarios break one thing on purpose. */
  readonly vpsPlan?: Plan;
  /** scenario.json (lab/README.md "Scenario directory"). */
  readonly meta: Record<string, unknown>;
  /**
   * Why the lab itself cannot run this scenario yet (a lab defect, not a generator one). Such a scenario
   * is written only with LAB_ALL=1, so that `npm test` stays a verdict on the product; each entry is an
   * open item of the lab (lab/README.md "Known lab gaps").
   */
  readonly labGap?: string;
  /** A mutation: one fault applied to the placed files; must change something. */
  readonly mutate?: (files: Files) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plans are JSON read from examples/
type Plan = any;

const example = (name: string): Plan => JSON.parse(readFileSync(`examples/${name}.plan.json`, 'utf8'));

function withTunnel(plan: Plan, change: Record<string, unknown>): Plan {
  const copy = structuredClone(plan);
  Object.assign(copy.peers[0].tunnel, change);
  return copy;
}

function withCrypto(plan: Plan, change: Record<string, unknown>): Plan {
  return withTunnel(plan, { crypto: { ...plan.peers[0].tunnel.crypto, ...change } });
}

function withHome(plan: Plan, change: Record<string, unknown>): Plan {
  const copy = structuredClone(plan);
  Object.assign(copy.home, change);
  return copy;
}

function withVps(plan: Plan, change: Record<string, unknown>): Plan {
  const copy = structuredClone(plan);
  Object.assign(copy.peers[0].vps, change);
  return copy;
}

/** Replace text in the one placed file whose path matches; a mutation that changes nothing is a bug. */
function edit(files: Files, path: RegExp, from: RegExp | string, to: string): void {
  const hits = [...files.keys()].filter((p) => path.test(p));
  if (hits.length !== 1) throw new Error(`mutation: ${hits.length} files match ${path}`);
  const before = files.get(hits[0]!)!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`mutation: ${String(from)} not found in ${hits[0]}`);
  files.set(hits[0]!, after);
}

const v1 = example('debian12-libreswan-ikev1');
const v2 = example('debian12-libreswan-ikev2');
const ss = example('debian12-strongswan-ikev2');
// The MAP-E example's VPS is Debian 13; its RTX side (RTX1210, MAP-E, lan1 + lan3) is what this scenario is about.
const mape = withVps(example('rtx1210-mape-debian13'), { target: 'debian-12' });

// LAN segments that do not aggregate into one network: the VPS needs one selector per segment
const apart = withHome(v2, {
  lans: [
    { interface: 'lan1', address: '192.168.10.1/24' },
    { interface: 'lan2', address: '172.16.5.1/24' },
  ],
});
// every shell/config metacharacter the plan schema allows in a PSK (it refuses space " ' # ? | > \)
const METACHAR_PSK = 'Ab1$`;&<(){}[]*!~%^=,.:@+-_/xyz$(id)${HOME}0123';

const UP = { expect: 'up' };
// Rekeys and restarts depend on the daemons and who initiates, not on addressing or the PSK's text: the
// scenarios about those run the traffic check only (each full check set costs minutes of guest time).
const TRAFFIC = { expect: 'up', checks: ['traffic'] };
// Debian's UML kernel lacks NF_TABLES_INET: these run in the QEMU guest, where the nft file is enforced.
const QEMU = { guest: 'qemu' };

const SCENARIOS: Scenario[] = [
  { name: 'gen-ikev1-libreswan', plan: v1, meta: { ...UP, initiator: 'vps' } },
  { name: 'gen-ikev1-rtx-initiates', plan: withTunnel(v1, { initiator: 'rtx' }), meta: { ...UP, initiator: 'rtx' } },
  {
    // A route-based RTX most likely proposes 0.0.0.0/0 selectors (rtx-commands.md §2.4, UNVERIFIED):
    // the generated narrowing=yes must let the VPS accept them.
    name: 'gen-ikev2-libreswan-rtx-initiates',
    plan: withTunnel(v2, { initiator: 'rtx' }),
    meta: { ...UP, initiator: 'rtx', rtxTrafficSelectors: 'any' },
  },
  { name: 'gen-ikev2-libreswan-vps-initiates', plan: v2, meta: { ...UP, initiator: 'vps' } },
  { name: 'gen-ikev2-strongswan', plan: ss, meta: { ...UP, initiator: 'vps' } },
  {
    name: 'gen-ikev2-strongswan-rtx-initiates',
    plan: withTunnel(ss, { initiator: 'rtx' }),
    meta: { ...UP, initiator: 'rtx', rtxTrafficSelectors: 'any' },
  },
  // Debian 13's libreswan 5.2, run from the trixie chroot tools/daemons/trixie-check.sh builds
  {
    name: 'gen-debian13-libreswan',
    plan: withVps(v2, { target: 'debian-13' }),
    meta: { ...UP, initiator: 'vps', vpsStack: 'trixie', checks: ['traffic', 'rekey'] },
  },
  { name: 'gen-mape-rtx1210', plan: mape, meta: { ...TRAFFIC, initiator: 'vps' } },
  {
    name: 'gen-lans-not-aggregated',
    plan: apart,
    meta: { ...TRAFFIC, initiator: 'vps' },
    labGap:
      'rtx-translate.py gives its libreswan 4.10 stand-in a leftsubnets={…} IPv4 list with IPv6 endpoints, which 4.x refuses; the stand-in needs one conn per segment joined with also=, as the generator writes for the VPS',
  },
  { name: 'gen-psk-metacharacters', plan: withTunnel(v1, { psk: METACHAR_PSK }), meta: { ...TRAFFIC, initiator: 'vps' } },
  // the generated nft file enforced (QEMU): it must admit IKE and ESP from the RTX and the tunnel's traffic
  { name: 'gen-nft-enforced', plan: v2, meta: { ...TRAFFIC, ...QEMU, initiator: 'vps' } },

  // ---- mutations: each must FAIL, for the reason named
  {
    name: 'mut-psk-mismatch',
    plan: v2,
    vpsPlan: withTunnel(v2, { psk: 'ExampleOnly-Another-Key-000000000' }),
    meta: { initiator: 'vps', expect: 'fail', expectReason: 'AUTHENTICATION_FAILED' },
  },
  {
    name: 'mut-proposal-mismatch',
    plan: v1,
    // CR §15.25: without negotiate-strictly an IKEv1 RTX *responder* accepts any supported suite, so a VPS
    // proposing aes128 would get in; the mismatch bites when the RTX initiates with its one suite.
    vpsPlan: withCrypto(v1, { espEncryption: 'aes128' }),
    meta: { initiator: 'rtx', expect: 'fail', expectReason: 'NO_PROPOSAL_CHOSEN' },
  },
  {
    name: 'mut-no-ip-forward',
    plan: v2,
    meta: { initiator: 'vps', expect: 'fail', mutation: true, expectReason: 'NOT_FORWARDED', checks: ['traffic'] },
    mutate: (f) => edit(f, /^sysctl\.d\//, /^net\.ipv4\.ip_forward = 1$/m, '# (mutation: ip_forward removed)'),
  },
  {
    name: 'mut-vps-selector-lan1-only',
    plan: v2,
    meta: { initiator: 'vps', expect: 'fail', mutation: true, expectReason: 'NOT_ENCRYPTED: traffic: lan2', checks: ['traffic'] },
    mutate: (f) => edit(f, /^ipsec\.d\/.*\.conf$/, /^(\s*rightsubnet=)192\.168\.10\.0\/23$/m, '$1192.168.10.0/24'),
  },
  {
    name: 'mut-nft-wrong-rtx-address',
    plan: v2,
    meta: { ...QEMU, initiator: 'vps', expect: 'fail', mutation: true, expectReason: 'FIREWALL_BLOCKS_IKE', checks: [] },
    labGap:
      'the firewall diagnosis flushes the ruleset only shortly before the deadline and waits passively; it must flush at a fixed point and re-initiate, or the reason depends on retransmit timing',
    mutate: (f) => edit(f, /^nftables\.d\//, /saddr != 2001:db8:1::1 drop/g, 'saddr != 2001:db8:1::99 drop'),
  },
  {
    name: 'mut-rtx-vps-filters-deleted',
    plan: v2,
    meta: { initiator: 'vps', expect: 'fail', expectReason: 'RTX_FILTER' },
    mutate: (f) => edit(f, /^router\.rtx$/, /^ipv6 filter 10200[01] .*\n/gm, ''),
  },
  {
    name: 'mut-rtx-secure-filter-unlisted',
    plan: v2,
    meta: { initiator: 'vps', expect: 'fail', expectReason: 'RTX_FILTER' },
    mutate: (f) => edit(f, /^router\.rtx$/, / 102000 102001$/m, ''),
  },
  {
    // IKEv2's first Child SA has no KE payload: only a rekey shows a PFS mismatch
    name: 'mut-pfs-off-vps',
    plan: v2,
    meta: { initiator: 'vps', expect: 'fail', mutation: true, expectReason: 'REKEY_FAILED', checks: ['rekey'] },
    mutate: (f) => {
      edit(f, /^ipsec\.d\/.*\.conf$/, /^(\s*)pfs=yes$/m, '$1pfs=no');
      edit(f, /^ipsec\.d\/.*\.conf$/, /^(\s*esp=aes256-sha2_256);modp2048$/m, '$1');
    },
  },
  {
    name: 'mut-rtx-unknown-line',
    plan: v2,
    // a line the lab can neither emulate nor has a reason to ignore must stop the scenario
    meta: { initiator: 'vps', expect: 'fail', expectReason: 'not understood by the lab' },
    mutate: (f) => edit(f, /^router\.rtx$/, /^ipsec auto refresh on$/m, 'ipsec auto refresh on\nip lan2 nat descriptor 1000'),
  },
];

function filesOf(plan: Plan): readonly GeneratedFile[] {
  const bundle = generate(plan);
  if (bundle.files.length === 0) throw new Error(`plan refused: ${bundle.findings.map((f) => `${f.path}: ${f.message.en}`).join('; ')}`);
  return bundle.files;
}

/** `up ip route replace NET via GW dev IF` in the ifupdown file → `route-IF` lines. */
function routeFile(files: readonly GeneratedFile[]): { name: string; content: string } | undefined {
  const nic = files.find((file) => file.path.startsWith('vps/etc/network/interfaces.d/'));
  if (!nic) return undefined;
  const routes = [...nic.content.matchAll(/^\s+up ip route replace (\S+ via \S+ dev (\S+))$/gm)];
  if (routes.length === 0) return undefined;
  return { name: `route-${routes[0]![2]}`, content: `${routes.map((match) => match[1]).join('\n')}\n` };
}

/** Where each generated VPS file goes in a scenario folder (lab/README.md "Scenario directory"). */
function placeOf(path: string): string | undefined {
  if (/^vps\/etc\/(ipsec\.d|swanctl\/conf\.d|sysctl\.d|nftables\.d)\//.test(path)) return path.replace(/^vps\/etc\//, '');
  const setup = /^vps\/setup\/(iptables\.rules|ip6tables\.rules|ufw-before-mangle\.rules)$/.exec(path);
  if (setup) return `firewall/${setup[1]}`;
  return undefined;
}

function placed(scenario: Scenario): Files {
  const files: Files = new Map();
  const routerFiles = filesOf(scenario.plan);
  const vpsFiles = filesOf(scenario.vpsPlan ?? scenario.plan);
  files.set('router.rtx', routerFiles.find((file) => file.path === 'router/rtx-config.txt')!.content);
  for (const file of vpsFiles) {
    const place = placeOf(file.path);
    if (place) files.set(place, file.content);
  }
  const route = routeFile(vpsFiles);
  if (route) files.set(route.name, route.content);
  return files;
}

rmSync(OUT, { recursive: true, force: true });
const all = process.env.LAB_ALL === '1';
for (const scenario of SCENARIOS.filter((entry) => all || !entry.labGap)) {
  const dir = join(OUT, scenario.name);
  const files = placed(scenario);
  scenario.mutate?.(files);
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  writeFileSync(join(dir, 'scenario.json'), `${JSON.stringify({ name: scenario.name, ...scenario.meta })}\n`);
}
const gaps = SCENARIOS.filter((entry) => entry.labGap);
console.log(`${all ? SCENARIOS.length : SCENARIOS.length - gaps.length} scenarios written to ${OUT}`);
if (!all) for (const gap of gaps) console.log(`not run (lab gap; LAB_ALL=1 runs it): ${gap.name}: ${gap.labGap}`);
