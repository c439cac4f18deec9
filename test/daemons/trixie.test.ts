import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/core/bundle/types';
import { PROFILES } from '../../src/core/crypto/profiles';
import { generate } from '../../src/core/generate';
import { loadExamples } from '../core/support/examples';
import { removeBundle, writeBundle } from './runCheck';

/**
 * The long check: libreswan 5.2 and strongSwan 6.0.1 (Debian 13) in a debootstrap chroot built by
 * `tools/daemons/trixie-check.sh setup` (≈ 40 s, done by .ci/run). Runs when the chroot exists,
 * and must run in CI (a missing chroot fails there).
 */
const SCRIPT = 'tools/daemons/trixie-check.sh';
const ROOT = process.env.TRIXIE_ROOT ?? '/var/cache/rtx-daemons-trixie';
const ready = existsSync(join(ROOT, '.ready'));

function trixie(...args: string[]) {
  const result = spawnSync('bash', [SCRIPT, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { ok: result.status === 0 && /RESULT ok/.test(result.stdout), output: `${result.stdout}\n${result.stderr}` };
}

const bundles: { name: string; files: readonly GeneratedFile[] }[] = [
  ...loadExamples()
    .map(({ name, plan }) => ({ name, files: generate(plan).files }))
    .filter(({ files }) => files.some((file) => file.path.includes('99-home-rtx1210') || file.path.includes('debian-13'))),
  ...(['debian-13', 'el-10'] as const)
    .flatMap((target) =>
      (['ikev2-recommended', 'ikev1-modern'] as const).map((profile) => ({
        name: `${target} libreswan ${profile}`,
        files: generate({
          peers: [
            { name: `t-${target}`, vps: { target, stack: 'libreswan' }, tunnel: { crypto: PROFILES[profile].suite, psk: 'Trixie-Check-Key-0123456789abc' } },
          ],
        }).files,
      })),
    )
    .filter(({ files }) => files.length > 0), // IKEv1 on EL10 is refused by design (see the matrix test)
  {
    name: 'debian-13 strongswan ikev1-modern',
    files: generate({
      peers: [
        {
          name: 't-ss',
          vps: { target: 'debian-13', stack: 'strongswan' },
          tunnel: { crypto: PROFILES['ikev1-modern'].suite, psk: 'Trixie-Check-Key-0123456789abc' },
        },
      ],
    }).files,
  },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeBundle));

describe.skipIf(!ready && !process.env.CI)('generated files in Debian 13 (libreswan 5.2, strongSwan 6.0.1)', () => {
  it('the chroot exists', () => expect(ready).toBe(true));

  describe.each(bundles)('$name', ({ files }) => {
    const dir = writeBundle(files.map((file) => ({ path: file.path, content: file.content })));
    dirs.push(dir);
    const conn = files.find((file) => /^vps\/etc\/ipsec\.d\/.*\.conf$/.test(file.path));
    const secrets = files.find((file) => /\.secrets$/.test(file.path));
    const swanctl = files.find((file) => /swanctl\/conf\.d\//.test(file.path));

    if (conn)
      it('the libreswan conn loads in pluto 5.2', () => {
        const result = trixie('libreswan', join(dir, conn!.path), join(dir, secrets!.path), '2001:db8:2::1');
        expect(result.ok, result.output).toBe(true);
        expect(result.output).toMatch(/added IKEv[12] connection/);
        expect(result.output).not.toMatch(/obsolete keyword|unrecognized keyword/);
      });

    if (swanctl)
      it('the swanctl file loads in strongSwan 6.0.1', () => {
        const result = trixie('swanctl', join(dir, swanctl!.path));
        expect(result.ok, result.output).toBe(true);
      });
  });
});
