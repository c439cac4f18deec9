import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/core/bundle/types';
import { STACKS, TARGETS, VPS_TARGETS } from '../../src/core/caps/targets';
import { generate } from '../../src/core/generate';
import { daemonsAvailable, removeBundle, runDaemonCheck, writeBundle, type DaemonCheckKind } from './runCheck';

/**
 * Issue 11's VPS files in the real Debian programs, for every target and stack: a single-NIC VPS
 * with port forwards (both return paths) and egress. The nft tables (with their nat chains), the
 * iptables-restore input (nat, filter, mangle; also ufw's before.rules block), the widened
 * selectors in pluto 4.10 and swanctl 5.9.8, and the scripts in sh -n and shellcheck.
 */
const skip = !daemonsAvailable() && !process.env.CI;

const VARIANTS = {
  'single-nic, snat forwards, egress of a segment': {
    vps: { inner: 'dummy' },
    portForwards: [
      { publicPort: 443, host: '192.168.10.5', hostPort: 8443 },
      { protocol: 'udp', publicPort: 51820, publicPortEnd: 51822, host: '192.168.11.6' },
    ],
    egress: { mode: 'selected', sources: ['192.168.10.128/25', '192.168.11.7'] },
  },
  'private NIC, client-address forwards, egress of all, block while down': {
    portForwards: [{ publicPort: 8080, host: '192.168.10.5', hostPort: 80 }],
    forwardReturn: 'client-address',
    egress: { mode: 'all', whenDown: 'block' },
  },
} as const;

interface Case {
  readonly name: string;
  readonly files: readonly GeneratedFile[];
  readonly target: (typeof VPS_TARGETS)[number];
}

const cases: Case[] = VPS_TARGETS.flatMap((target) =>
  STACKS.filter((stack) => TARGETS[target].stacks[stack]).flatMap((stack) =>
    Object.entries(VARIANTS).map(([variant, extra]) => {
      const bundle = generate({
        home: {
          lans: [
            { interface: 'lan1', address: '192.168.10.1/24' },
            { interface: 'lan2', address: '192.168.11.1/24' },
          ],
        },
        peers: [
          {
            ...extra,
            name: `t-${target.replace('.', '')}-${stack}`,
            vps: { target, stack, ...('vps' in extra ? extra.vps : {}) },
            tunnel: { crypto: { dhGroup: 'modp2048' }, psk: 'Daemon-Check-Key-0123456789abcdef' },
          },
        ],
      });
      return { name: `${target} ${stack}: ${variant}`, files: bundle.files, target };
    }),
  ),
);

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeBundle));

function expectOk(kind: DaemonCheckKind, args: string[]) {
  const result = runDaemonCheck(kind, args);
  expect(result.ok, `${kind} ${args.join(' ')}\n${result.details}\n${result.log}`).toBe(true);
  return result;
}

describe('the topology cases generate', () => {
  it.each(cases.map((c) => [c.name, c.files.length] as const))('%s', (_name, count) => expect(count).toBeGreaterThan(0));
});

describe.skipIf(skip)('issue 11 VPS files in the real Debian programs', () => {
  describe.each(cases)('$name', ({ files, target }) => {
    const dir = writeBundle(files.map((file) => ({ path: file.path, content: file.content })));
    dirs.push(dir);
    const at = (file: GeneratedFile) => join(dir, file.path);
    const find = (pattern: RegExp) => files.filter((file) => pattern.test(file.path));
    const conn = find(/^vps\/etc\/ipsec\.d\/.*\.conf$/)[0];
    const secrets = find(/^vps\/etc\/ipsec\.d\/.*\.secrets$/)[0];
    if (conn && TARGETS[target].stacks.libreswan?.dialect !== 'libreswan5') {
      it('the widened libreswan conn loads in pluto 4.10', () => {
        const combined = writeBundle([{ path: 'ipsec.conf', content: conn.content }]);
        dirs.push(combined);
        const result = expectOk('libreswan', [join(combined, 'ipsec.conf'), at(secrets!), '2001:db8:2::1']);
        expect(result.log).toMatch(/added IKEv2 connection/);
      });
    }
    const swanctl = find(/swanctl\/conf\.d\/.*\.conf$/)[0];
    if (swanctl) it('the widened swanctl file loads in strongSwan 5.9.8', () => void expectOk('swanctl', [at(swanctl)]));
    for (const file of find(/\.nft$/)) it(`${file.path} passes nft -c`, () => void expectOk('nft', [at(file)]));
    for (const file of find(/\/(iptables|ufw-before-mangle)\.rules$/))
      it(`${file.path} passes iptables-restore --test`, () => void expectOk('iptables-restore', [at(file), '--noflush']));
    for (const file of files.filter((f) => f.language === 'shell' || f.path.endsWith('.modules'))) {
      it(`${file.path} parses in sh and passes shellcheck`, () => {
        const syntax = spawnSync('sh', ['-n', at(file)], { encoding: 'utf8' });
        expect(syntax.status, syntax.stderr).toBe(0);
        const lint = spawnSync('shellcheck', ['--shell=sh', '--severity=warning', at(file)], { encoding: 'utf8' });
        expect(lint.status, lint.stdout).toBe(0);
      });
    }
    for (const file of files.filter((f) => f.language === 'sysctl')) it(`${file.path} names real sysctl keys`, () => void expectOk('sysctl', [at(file)]));
  });
});
