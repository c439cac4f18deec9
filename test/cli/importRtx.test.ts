import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/importRtx.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
const tmp = () => mkdtempSync(join(tmpdir(), 'import-rtx-test-'));

// Each case starts tsx in a child process: generous timeouts, since the test machine may be busy.
describe('npm run import-rtx', { timeout: 300_000 }, () => {
  it('prints the facts as JSON with the documented keys', () => {
    const result = cli('test/import/fixtures/rtx830-dslite-pppoe-l2tp.txt', '--format', 'json');
    expect(result.status, result.stderr).toBe(0);
    const facts = JSON.parse(result.stdout);
    expect(Object.keys(facts)).toEqual(
      expect.arrayContaining(['model', 'firmware', 'wanInterface', 'ipv4Access', 'lans', 'secureFilter', 'used', 'netvolante', 'problems']),
    );
    expect(facts.ipv4Access).toMatchObject({ kind: 'ds-lite', tunnel: 1 });
    expect(facts.secureFilter).toMatchObject({ in: [101000, 101001, 101002, 102000], out: [101099] });
    expect(Object.keys(facts.used)).toEqual(
      expect.arrayContaining(['tunnels', 'saPolicies', 'ikeGateways', 'ipFilters', 'ipv6Filters', 'natDescriptors', 'pp']),
    );
  });

  it('exits 0 on a real configuration with a line it does not know, and lists that line', () => {
    const dir = tmp();
    const text =
      '# RTX830 Rev.15.02.33\nip lan1 address 192.168.10.1/24\nfuture-command on\ntunnel select 1\n tunnel encapsulation map-e\nip route default gateway tunnel 1\n';
    // The RTX writes its config file in Shift_JIS (a Japanese comment here): read as such, not as binary.
    writeFileSync(join(dir, 'config.txt'), Buffer.concat([Buffer.from('# '), Buffer.from([0x90, 0xdd, 0x92, 0xe8]), Buffer.from(`\n${text}`)]));
    const result = cli(join(dir, 'config.txt'));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('IPv4 access:    map-e (tunnel 1)');
    expect(result.stdout).toMatch(/warning: line 4: .*Unknown command.*\n\s+future-command on/);
  });

  it('exits 2 on text with no RTX command, and on binary data, saying so', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'prose.txt'), 'Hello,\nthis is a shopping list.\n');
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const prose = cli(join(dir, 'prose.txt'));
    expect(prose.status).toBe(2);
    expect(prose.stderr).toContain('No line is an RTX command');
    const binary = cli(join(dir, 'image.png'));
    expect(binary.status).toBe(2);
    expect(binary.stderr).toContain('binary data');
  });

  it('reports a missing file as what it is', () => {
    const result = cli(join(tmp(), 'nope.txt'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no such file (ENOENT)');
    expect(result.stderr).not.toContain('internal error');
  });
});

describe('npm run generate -- --rtx-config', { timeout: 300_000 }, () => {
  const generateCli = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

  it('refuses a plan that reuses the router’s numbers, with the line, and writes the minimal lines otherwise', () => {
    const dir = tmp();
    const refused = generateCli(
      '--plan',
      'examples/seed.plan.json',
      '--rtx-config',
      'test/import/fixtures/rtx830-dslite-pppoe-l2tp.txt',
      '--out',
      join(dir, 'refused'),
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^peers\.0\.tunnel\.tunnelId: .*tunnel 2 is already in use on the router, line 10/m);
    const plan = JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'));
    Object.assign(plan.peers[0].tunnel, { tunnelId: 3, gatewayId: 2, policyId: 2 });
    plan.home.filters.inbound = [101000, 101001, 101002, 102000];
    plan.home.filters.vpsFilterBase = 102001;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const ok = generateCli('--plan', join(dir, 'plan.json'), '--rtx-config', 'test/import/fixtures/rtx830-dslite-pppoe-l2tp.txt', '--out', join(dir, 'out'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('info: router line 19: ');
    const config = readFileSync(join(dir, 'out', 'router', 'rtx-config.txt'), 'utf8');
    expect(config).toContain('ipv6 lan2 secure filter in 101000 101001 101002 102000 102001\n');
    expect(config).not.toContain('ip lan1 address');
  });
});
