import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/generate';

const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 600_000 });
const tmp = () => mkdtempSync(join(tmpdir(), 'cli-test-'));

function tree(root: string): Map<string, { content: string; mode: number }> {
  const files = new Map<string, { content: string; mode: number }>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else files.set(relative(root, path), { content: readFileSync(path, 'utf8'), mode: stat.mode & 0o777 });
    }
  };
  walk(root);
  return files;
}

describe('the CLI', () => {
  it('writes every bundle file under --out, with its permissions', () => {
    const out = tmp();
    const result = cli('--plan', 'examples/seed.plan.json', '--out', out);
    expect(result.status, result.stderr).toBe(0);
    const written = tree(out);
    const expected = generate(JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'))).files;
    expect([...written.keys()].sort()).toEqual(expected.map((file) => file.path).sort());
    for (const file of expected) {
      expect(written.get(file.path)!.content).toBe(file.content);
      if (file.mode) expect(written.get(file.path)!.mode.toString(8)).toBe(file.mode.slice(1));
    }
  });

  it('writes the same zip twice (deterministic)', () => {
    const dir = tmp();
    expect(cli('--plan', 'examples/seed.plan.json', '--zip', join(dir, 'a.zip')).status).toBe(0);
    expect(cli('--plan', 'examples/seed.plan.json', '--zip', join(dir, 'b.zip')).status).toBe(0);
    expect(readFileSync(join(dir, 'a.zip')).equals(readFileSync(join(dir, 'b.zip')))).toBe(true);
  });

  it('prints the bundle as JSON', () => {
    const result = cli('--plan', 'examples/debian12-strongswan-ikev2.plan.json', '--format', 'json');
    expect(result.status).toBe(0);
    const bundle = JSON.parse(result.stdout) as { files: { path: string }[]; findings: unknown[] };
    expect(bundle.files.map((file) => file.path)).toContain('router/rtx-config.txt');
  });

  it('exits 2 with one "path: message" line per problem, never a stack trace', () => {
    const dir = tmp();
    const plan = JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'));
    plan.home.wanIpv6 = 'fd00::1';
    plan.peers[0].tunnel.psk = 'bad"key-0123456789';
    plan.peers[0].tunnel.tunnelId = 99;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const result = cli('--plan', join(dir, 'plan.json'), '--out', join(dir, 'out'));
    expect(result.status).toBe(2);
    const errors = result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning:'));
    expect(errors.length).toBe(3);
    for (const line of errors) expect(line).toMatch(/^[a-zA-Z0-9.]+: \S.* \/ \S/);
    expect(result.stderr).toContain('home.wanIpv6: ');
    expect(result.stderr).toContain('peers.0.tunnel.psk: ');
    expect(result.stderr).toContain('peers.0.tunnel.tunnelId: ');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+|Error:/);
    expect(() => statSync(join(dir, 'out'))).toThrow();
  });

  it('exits 2 on a schema problem and 1 on unreadable input', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ peers: [{ description: 'a\nb' }] }));
    const bad = cli('--plan', join(dir, 'bad.json'), '--format', 'json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^peers\.0\.description: /m);
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    expect(cli('--plan', join(dir, 'broken.json'), '--format', 'json').status).toBe(1);
    expect(cli('--plan', join(dir, 'missing.json'), '--format', 'json').status).toBe(1);
  });

  it('fills an empty PSK with --generate-psk', () => {
    const dir = tmp();
    const plan = JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'));
    plan.peers[0].tunnel.psk = '';
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    expect(cli('--plan', join(dir, 'plan.json'), '--format', 'json').status).toBe(2);
    const result = cli('--plan', join(dir, 'plan.json'), '--format', 'json', '--generate-psk');
    expect(result.status).toBe(0);
    const rtx = (JSON.parse(result.stdout) as { files: { path: string; content: string }[] }).files.find((f) => f.path === 'router/rtx-config.txt')!;
    expect(rtx.content).toMatch(/pre-shared-key 1 text [A-Za-z0-9]{32}\n/);
  });
});
