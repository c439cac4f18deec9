import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TARGETS, VPS_TARGETS } from '../../src/core/caps/targets';
import { generate } from '../../src/core/generate';
import { loadExamples } from './support/examples';

const file = (files: readonly { path: string; content: string }[], path: string) => files.find((f) => f.path === path)!.content;

/* Issue 9, defect 3: ikev1-policy=accept must be in /etc/ipsec.conf's own config setup. */

const MAIN_FILES: Readonly<Record<string, string>> = {
  'config setup with settings (Debian-like)':
    'config setup\n\tlogfile=/var/log/pluto.log\n\tuniqueids=yes\n\tprotostack=netkey\n\ninclude /etc/ipsec.d/*.conf\n',
  'config setup that drops IKEv1': 'config setup\n\tikev1-policy=drop\n\tlogfile=/var/log/pluto.log\n\ninclude /etc/ipsec.d/*.conf\n',
  'empty config setup': 'config setup\n\ninclude /etc/ipsec.d/*.conf\n',
  'no config setup': '# only the include\ninclude /etc/ipsec.d/*.conf\n',
};

/** The `config setup` entries of the main file as libreswan's reader sees them (indented key=value). */
function setupEntries(text: string): string[] {
  const out: string[] = [];
  let inSetup = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inSetup = line.trim() === 'config setup';
    else if (inSetup && /^\s+[a-z0-9-]+=/.test(line)) out.push(line.trim());
  }
  return out;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs apply.sh's lines that edit /etc/ipsec.conf against `main` in a temporary folder; returns the result. */
function runMainFileEdits(apply: string, main: string, times = 1): { dir: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sys-ikev1-'));
  dirs.push(dir);
  const path = join(dir, 'ipsec.conf');
  writeFileSync(path, main);
  const lines = apply.split('\n').filter((line) => line.includes('/etc/ipsec.conf') && !line.startsWith('for f in'));
  const script = ['set -eu', ...lines].join('\n').replaceAll('/etc/ipsec.conf', path);
  for (let i = 0; i < times; i++) {
    const run = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  }
  return { dir, text: readFileSync(path, 'utf8') };
}

const ikev1Examples = loadExamples().filter(({ name }) => /ikev1/.test(name));
const ADDCONN = 'tools/daemons/.cache/libreswan/usr/libexec/ipsec/addconn';

describe('IKEv1 on Debian/Ubuntu libreswan: apply.sh makes ikev1-policy=accept effective however /etc/ipsec.conf looks', () => {
  it('has the examples to check', () => expect(ikev1Examples.length).toBeGreaterThanOrEqual(2));

  describe.each(ikev1Examples)('$name', ({ plan }) => {
    const files = generate(plan).files;
    const apply = file(files, 'vps/setup/apply.sh');

    it.each(Object.entries(MAIN_FILES))('%s', (_label, main) => {
      const once = runMainFileEdits(apply, main);
      const entries = setupEntries(once.text);
      expect(entries.filter((entry) => entry.startsWith('ikev1-policy='))).toEqual(['ikev1-policy=accept']);
      expect(once.text).toContain('include /etc/ipsec.d/*.conf');
      // Idempotent: a second run changes nothing.
      expect(runMainFileEdits(apply, main, 2).text).toBe(once.text);
      // libreswan 4.10's own reader, with the generated conn file included (when the daemon cache is installed).
      if (existsSync(ADDCONN)) {
        const conf = files.find((f) => /^vps\/etc\/ipsec\.d\/.*\.conf$/.test(f.path))!;
        writeFileSync(join(once.dir, 'conn.conf'), conf.content);
        writeFileSync(join(once.dir, 'ipsec.conf'), once.text.replace('include /etc/ipsec.d/*.conf', `include ${once.dir}/conn.conf`));
        const run = spawnSync(ADDCONN, ['--configsetup', '--config', join(once.dir, 'ipsec.conf')], { encoding: 'utf8' });
        expect(run.stdout).toMatch(/export ikev1_policy='0'/);
      }
    });

    it('backs up /etc/ipsec.conf, and verify.sh and rollback.sh handle the setting', () => {
      expect(apply).toMatch(/^for f in .*\/etc\/ipsec\.conf.*; do$/m);
      expect(file(files, 'vps/setup/verify.sh')).toMatch(/ipsec status \| grep -q 'ikev1-policy=accept'/);
      expect(file(files, 'vps/setup/rollback.sh')).toContain(`sed -i '/^    ikev1-policy=accept$/d' /etc/ipsec.conf`);
    });
  });
});

/* Issue 9, defect 5: strongSwan from EPEL needs EPEL enabled first, and the README says so. */

const epelTargets = VPS_TARGETS.filter((target) => TARGETS[target].stacks.strongswan?.epel);

describe('strongSwan from EPEL: apply.sh enables EPEL before installing, the README says so', () => {
  it('covers CentOS 7 and EL 8/9/10', () => expect(epelTargets).toEqual(['centos-7', 'el-8', 'el-9', 'el-10']));

  it.each(epelTargets)('%s', (target) => {
    const bundle = generate({ peers: [{ name: 'epel', vps: { target, stack: 'strongswan' }, tunnel: { psk: 'Epel-Check-Key-0123456789abcdefghij' } }] });
    expect(bundle.files.length).toBeGreaterThan(0);
    const lines = file(bundle.files, 'vps/setup/apply.sh').split('\n');
    const install = lines.findIndex((line) => /^(yum|dnf) install -y strongswan$/.test(line));
    const epel = lines.findIndex((line) => /epel-release/.test(line));
    expect(install).toBeGreaterThan(0);
    expect(epel).toBeGreaterThan(0);
    expect(epel).toBeLessThan(install);
    const major = TARGETS[target].stacks.strongswan!.epel!;
    if (major >= 8) expect(lines.join('\n')).toContain(`epel-release-latest-${major}.noarch.rpm`);
    const readme = file(bundle.files, 'README.md');
    expect(readme).toMatch(new RegExp(`strongSwan は EPEL ${major} から入ります.*EPEL ${major}`));
  });
});
