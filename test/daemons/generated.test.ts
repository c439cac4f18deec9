import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/core/bundle/types';
import { TARGETS, VPS_TARGETS, STACKS } from '../../src/core/caps/targets';
import { PROFILES, PROFILE_IDS } from '../../src/core/crypto/profiles';
import { generate } from '../../src/core/generate';
import { loadExamples } from '../core/support/examples';
import { daemonsAvailable, removeBundle, runDaemonCheck, writeBundle, type DaemonCheckKind } from './runCheck';

/**
 * Every generated VPS file whose software Debian 12 ships is fed to it: libreswan 4.10's pluto
 * (conns must log "added … connection", algparse must accept the proposals), strongSwan 5.9.8's
 * swanctl, nft, iptables-restore/ip6tables-restore, netplan and the kernel's sysctl keys.
 * libreswan 5.x files go to the Debian 13 long check (tools/daemons/trixie-check.sh).
 */
const skip = !daemonsAvailable() && !process.env.CI;

interface Case {
  readonly name: string;
  readonly files: readonly GeneratedFile[];
  readonly target: (typeof VPS_TARGETS)[number];
}

function matrixCases(): Case[] {
  return VPS_TARGETS.flatMap((target) =>
    STACKS.flatMap((stack) =>
      PROFILE_IDS.map((profile) => {
        const bundle = generate({
          home: {
            lans: [
              { interface: 'lan1', address: '192.168.10.1/24' },
              { interface: 'lan2', address: '192.168.11.1/24' },
            ],
          },
          peers: [
            {
              name: `m-${target.replace('.', '')}-${stack}`,
              vps: { target, stack },
              tunnel: { crypto: PROFILES[profile].suite, psk: 'Daemon-Check-Key-0123456789abcdef' },
            },
          ],
        });
        return { name: `${target} ${stack} ${profile}`, files: bundle.files, target };
      }),
    ),
  ).filter((c) => c.files.length > 0);
}

const cases: Case[] = [
  ...loadExamples().map(({ name, plan }) => {
    const bundle = generate(plan);
    return { name: `example ${name}`, files: bundle.files, target: bundle.plan!.peers[0]!.vps.target };
  }),
  ...matrixCases(),
];

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeBundle));

function expectOk(kind: DaemonCheckKind, args: string[]) {
  const result = runDaemonCheck(kind, args);
  expect(result.ok, `${kind} ${args.join(' ')}\n${result.details}\n${result.log}`).toBe(true);
  return result;
}

describe.skipIf(skip)('generated VPS files in the real Debian programs', () => {
  it('has enough cases to mean something', () => {
    expect(cases.length).toBeGreaterThan(25);
  });

  describe.each(cases)('$name', ({ files, target }) => {
    const dir = writeBundle(files.map((file) => ({ path: file.path, content: file.content })));
    dirs.push(dir);
    const at = (file: GeneratedFile) => join(dir, file.path);
    const find = (pattern: RegExp) => files.filter((file) => pattern.test(file.path));
    const conn = find(/^vps\/etc\/ipsec\.d\/.*\.conf$/)[0];
    const secrets = find(/^vps\/etc\/ipsec\.d\/.*\.secrets$/)[0];
    const caps = TARGETS[target].stacks.libreswan;

    if (conn && caps?.dialect !== 'libreswan5') {
      // Debian's 4.10 is built without DH2, so a legacy-target conn (CentOS 6/7, RHEL 8, which have
      // it) is loaded with modp1024 swapped for modp2048: every other keyword still goes through pluto.
      const legacyDh = conn.content.includes('modp1024');
      it(`libreswan conn loads in pluto 4.10${legacyDh ? ' (modp1024 swapped: 4.10 has no DH2)' : ''}`, () => {
        // On targets whose libreswan accepts IKEv1 by default (3.x, RHEL 8) Debian's 4.10 still
        // needs ikev1-policy=accept to load the conn.
        const needsPolicy = conn.content.includes('ikev2=no') && !conn.content.includes('config setup');
        const globals = needsPolicy ? 'config setup\n    ikev1-policy=accept\n' : '';
        const content = `${globals}\n${conn.content}`.replace(/modp1024/g, 'modp2048');
        const combined = writeBundle([{ path: 'ipsec.conf', content }]);
        dirs.push(combined);
        const result = expectOk('libreswan', [join(combined, 'ipsec.conf'), at(secrets!), '2001:db8:2::1']);
        expect(result.log).toMatch(/added IKEv[12] connection/);
      });
    }

    const swanctl = find(/swanctl\/conf\.d\/.*\.conf$/)[0];
    if (swanctl)
      it('swanctl file loads in strongSwan 5.9.8', () => {
        expectOk('swanctl', [at(swanctl!)]);
      });

    for (const file of find(/\.nft$/)) it(`${file.path} passes nft -c`, () => void expectOk('nft', [at(file)]));
    for (const file of find(/ip6tables\.rules$/))
      it(`${file.path} passes ip6tables-restore --test`, () => void expectOk('ip6tables-restore', [at(file), '--noflush']));
    for (const file of find(/\/(iptables|ufw-before-mangle)\.rules$/))
      it(`${file.path} passes iptables-restore --test`, () => void expectOk('iptables-restore', [at(file), '--noflush']));
    for (const file of find(/netplan\/.*\.yaml$/)) it(`${file.path} passes netplan generate`, () => void expectOk('netplan', [at(file)]));
    for (const file of files.filter((f) => f.language === 'shell')) {
      it(`${file.path} parses in sh and passes shellcheck`, () => {
        const syntax = spawnSync('sh', ['-n', at(file)], { encoding: 'utf8' });
        expect(syntax.status, syntax.stderr).toBe(0);
        // POSIX sh as the scripts are run (`sh setup/apply.sh`); warnings and errors only.
        const lint = spawnSync('shellcheck', ['--shell=sh', '--severity=warning', at(file)], { encoding: 'utf8' });
        expect(lint.error, 'shellcheck is installed').toBeUndefined();
        expect(lint.status, lint.stdout).toBe(0);
      });
    }
    for (const file of files.filter((f) => f.language === 'sysctl')) it(`${file.path} names real sysctl keys`, () => void expectOk('sysctl', [at(file)]));
  });
});
