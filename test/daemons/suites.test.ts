import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/core/bundle/types';
import { STACKS, TARGETS, VPS_TARGETS } from '../../src/core/caps/targets';
import { PROFILES } from '../../src/core/crypto/profiles';
import { generate } from '../../src/core/generate';
import { loadExamples } from '../core/support/examples';
import { nearestTree, type Suite } from './realTrees';
import { daemonsAvailable, removeBundle, runDaemonCheck, writeBundle } from './runCheck';

/**
 * Each target's files loaded into the real build nearest to the release its row names
 * (test/daemons/realTrees.ts): libreswan 4.3 / strongSwan 5.9.1 (Debian 11 chroot), 4.10 / 5.9.8
 * (Debian 12, check.ts), 5.2 / 6.0.1 (Debian 13 chroot). Two plans per target and stack: IKEv2 with
 * LAN segments that do not aggregate (one selector each), and IKEv1 with one segment. The chroots
 * come from `tools/daemons/suite-check.sh SUITE setup` (scripts/system-deps.sh runs it); a missing
 * one fails in CI.
 */
const SCRIPT = 'tools/daemons/suite-check.sh';
const chrootReady = (suite: Suite) => existsSync(join(spawnSync('bash', [SCRIPT, suite, 'root'], { encoding: 'utf8' }).stdout.trim(), '.ready'));
const run = !(daemonsAvailable() && chrootReady('bullseye') && chrootReady('trixie')) && !process.env.CI;

function suiteCheck(suite: Suite, ...args: string[]) {
  const result = spawnSync('bash', [SCRIPT, suite, ...args], { encoding: 'utf8', timeout: 180_000 });
  return { ok: result.status === 0 && /RESULT ok/.test(result.stdout), output: `${result.stdout}\n${result.stderr}` };
}

interface Case {
  readonly name: string;
  readonly files: readonly GeneratedFile[];
  readonly suite: Suite;
}

const LANS = [
  { interface: 'lan1', address: '192.168.10.1/24' },
  { interface: 'lan2', address: '192.168.30.1/24' },
];

const matrix: Case[] = VPS_TARGETS.flatMap((target) =>
  STACKS.flatMap((stack) => {
    const tree = nearestTree(target, stack);
    if (!tree) return [];
    // Debian 12's own programs already load every target's single-segment files (generated.test.ts).
    return ([1, 2] as const)
      .filter((ike) => tree.suite !== 'bookworm' || ike === 2)
      .map((ike) => ({
        name: `${target} ${stack} ${TARGETS[target].stacks[stack]!.release} IKEv${ike} → ${tree.suite} ${tree.real}${tree.above ? ' (no real build at or below)' : ''}`,
        suite: tree.suite,
        files: generate({
          home: { lans: ike === 1 ? LANS.slice(0, 1) : LANS },
          peers: [
            {
              name: `s-${target.replace('.', '')}`,
              vps: { target, stack },
              tunnel: { crypto: PROFILES[ike === 1 ? 'ikev1-modern' : 'ikev2-recommended'].suite, psk: 'Suite-Check-Key-0123456789abcdef' },
            },
          ],
        }).files,
      }));
  }),
).filter((c) => c.files.length > 0); // IKEv1 on EL9/EL10 is refused by design (see the matrix test)

// The examples whose target's nearest tree is a chroot.
const examples: Case[] = loadExamples().flatMap(({ name, plan }) => {
  const bundle = generate(plan);
  const peer = bundle.plan!.peers[0]!;
  const tree = nearestTree(peer.vps.target, peer.vps.stack ?? TARGETS[peer.vps.target].defaultStack);
  return tree && tree.suite !== 'bookworm' ? [{ name: `example ${name} → ${tree.suite}`, files: bundle.files, suite: tree.suite }] : [];
});

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeBundle));

describe.skipIf(run)('generated files in the nearest real daemon build', () => {
  it('covers all three Debian generations of both daemons', () => {
    const seen = new Set(matrix.map((c) => `${c.suite} ${/ libreswan /.test(c.name) ? 'libreswan' : 'strongswan'}`));
    expect([...seen].sort()).toEqual([
      'bookworm libreswan',
      'bookworm strongswan',
      'bullseye libreswan',
      'bullseye strongswan',
      'trixie libreswan',
      'trixie strongswan',
    ]);
  });

  describe.each([...matrix, ...examples])('$name', ({ files, suite }) => {
    const dir = writeBundle(files.map((file) => ({ path: file.path, content: file.content })));
    dirs.push(dir);
    const conn = files.find((file) => /^vps\/etc\/ipsec\.d\/.*\.conf$/.test(file.path));
    const secrets = files.find((file) => /\.secrets$/.test(file.path));
    const swanctl = files.find((file) => /swanctl\/conf\.d\//.test(file.path));

    if (conn)
      it('every libreswan conn is added', () => {
        if (suite === 'bookworm') {
          const result = runDaemonCheck('libreswan', [join(dir, conn.path), join(dir, secrets!.path), '2001:db8:2::1']);
          expect(result.ok, `${result.details}\n${result.log}`).toBe(true);
          return;
        }
        const result = suiteCheck(suite, 'libreswan', join(dir, conn.path), join(dir, secrets!.path), '2001:db8:2::1');
        expect(result.ok, result.output).toBe(true);
        expect(result.output).toMatch(/added IKEv[12] connection/);
        expect(result.output).not.toMatch(/unrecognized keyword|not a subnet declaration|failed to add/);
      });

    if (swanctl)
      it('the swanctl file loads every connection', () => {
        if (suite === 'bookworm') {
          const result = runDaemonCheck('swanctl', [join(dir, swanctl.path)]);
          expect(result.ok, `${result.details}\n${result.log}`).toBe(true);
          return;
        }
        const result = suiteCheck(suite, 'swanctl', join(dir, swanctl.path));
        expect(result.ok, result.output).toBe(true);
        expect(result.output).not.toMatch(/invalid value|discarded/);
      });
  });
});
