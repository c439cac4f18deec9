/**
 * Renders interop-lab scenarios (lab/README.md) from examples/*.plan.json into lab/out/scenarios/.
 * The router and VPS files are the generator's output, unchanged; only their places in the
 * scenario folder differ. The private-NIC route is taken from the generated ifupdown file.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from '../src/core/bundle/types';
import { generate } from '../src/core/generate';

const OUT = 'lab/out/scenarios';

interface Scenario {
  readonly name: string;
  /** The plan for the router side and, unless `vpsPlan` is given, for the VPS side. */
  readonly plan: unknown;
  /** A different plan for the VPS side: the negative scenarios break one thing on purpose. */
  readonly vpsPlan?: unknown;
  readonly meta: Record<string, unknown>;
}

const example = (name: string) => JSON.parse(readFileSync(`examples/${name}.plan.json`, 'utf8'));

function withTunnel(plan: ReturnType<typeof example>, change: Record<string, unknown>) {
  const copy = structuredClone(plan);
  Object.assign(copy.peers[0].tunnel, change);
  return copy;
}

const v1 = example('debian12-libreswan-ikev1');
const v2 = example('debian12-libreswan-ikev2');
const ss = example('debian12-strongswan-ikev2');

const SCENARIOS: Scenario[] = [
  { name: 'gen-ikev1-libreswan', plan: v1, meta: { initiator: 'vps', expect: 'up', faults: ['rtx-restart'] } },
  {
    // A route-based RTX most likely proposes 0.0.0.0/0 selectors (rtx-commands.md §2.4, UNVERIFIED):
    // the generated narrowing=yes must let the VPS accept them.
    name: 'gen-ikev2-libreswan-rtx-initiates',
    plan: withTunnel(v2, { initiator: 'rtx' }),
    meta: { initiator: 'rtx', expect: 'up', faults: ['rtx-restart'], rtxTrafficSelectors: 'any' },
  },
  { name: 'gen-ikev2-libreswan-vps-initiates', plan: v2, meta: { initiator: 'vps', expect: 'up' } },
  { name: 'gen-ikev2-strongswan', plan: ss, meta: { initiator: 'vps', expect: 'up', faults: ['rtx-restart'] } },
  {
    name: 'gen-ikev2-strongswan-rtx-initiates',
    plan: withTunnel(ss, { initiator: 'rtx' }),
    meta: { initiator: 'rtx', expect: 'up', rtxTrafficSelectors: 'any' },
  },
  {
    name: 'gen-psk-mismatch',
    plan: v2,
    vpsPlan: withTunnel(v2, { psk: 'ExampleOnly-Another-Key-000000000' }),
    meta: { initiator: 'vps', expect: 'fail', expectReason: 'AUTHENTICATION_FAILED' },
  },
  {
    name: 'gen-proposal-mismatch',
    plan: v1,
    vpsPlan: withTunnel(v1, { crypto: { ...v1.peers[0].tunnel.crypto, espEncryption: 'aes128' } }),
    meta: { initiator: 'vps', expect: 'fail', expectReason: 'NO_PROPOSAL_CHOSEN' },
  },
];

function filesOf(plan: unknown): readonly GeneratedFile[] {
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

function write(dir: string, path: string, content: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

rmSync(OUT, { recursive: true, force: true });
for (const scenario of SCENARIOS) {
  const dir = join(OUT, scenario.name);
  const routerFiles = filesOf(scenario.plan);
  const vpsFiles = filesOf(scenario.vpsPlan ?? scenario.plan);
  write(dir, 'router.rtx', routerFiles.find((file) => file.path === 'router/rtx-config.txt')!.content);
  for (const file of vpsFiles) {
    const placed =
      /^vps\/etc\/ipsec\.d\//.test(file.path) || /^vps\/etc\/swanctl\/conf\.d\//.test(file.path) || /^vps\/etc\/sysctl\.d\//.test(file.path)
        ? file.path.replace(/^vps\/etc\//, '')
        : undefined;
    if (placed) write(dir, placed, file.content);
  }
  const route = routeFile(vpsFiles);
  if (route) write(dir, route.name, route.content);
  write(dir, 'scenario.json', `${JSON.stringify({ name: scenario.name, ...scenario.meta })}\n`);
}
console.log(`${SCENARIOS.length} scenarios written to ${OUT}`);
