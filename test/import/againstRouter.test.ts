import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/generate';
import { applyImport } from '../../src/core/import/applyImport';
import { importRtxConfig } from '../../src/core/import/importRtx';
import { ikeGatewayOf } from '../../src/core/import/usedNumbers';
import { parseRtxConfig } from '../../src/core/import/parseRtxConfig';
import { planFromImport } from '../../src/core/import/planFromImport';
import type { ConfigLine } from '../../src/core/import/types';

const routerText = readFileSync(join(__dirname, 'fixtures', 'rtx830-dslite-pppoe-l2tp.txt'), 'utf8');
const imported = importRtxConfig(routerText);
const seedPlan = () => JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'));
const content = (files: readonly { path: string; content: string }[], path: string) => files.find((file) => file.path === path)!.content;

/**
 * A small model of how the RTX keeps its settings: each line sets one key (its `no` form), a
 * `no` line removes it. Enough to compare "imported, then our lines, then our rollback" with
 * "imported".
 */
function settingKey(line: ConfigLine): string {
  const words = line.words[0] === 'no' ? line.words.slice(1) : line.words;
  const [w0, w1, w2] = words;
  const scope = `t${line.context.tunnel ?? '-'}p${line.context.pp ?? '-'}`;
  const gateway = ikeGatewayOf(words);
  if (w0 === 'ipsec' && w1 === 'ike' && gateway !== undefined) return words.slice(0, words.indexOf(String(gateway), 2) + 1).join(' ');
  if (w0 === 'ipsec' && w1 === 'sa' && w2 === 'policy') return words.slice(0, 4).join(' ');
  if (w0 === 'ipsec' && w1 === 'tunnel') return `${scope} ipsec tunnel`;
  if (w0 === 'ip' && w1 === 'route') return `ip route ${w2}`;
  if ((w0 === 'ip' || w0 === 'ipv6') && w1 === 'filter') return words.slice(0, w2 === 'dynamic' ? 4 : 3).join(' ');
  if ((w0 === 'ip' || w0 === 'ipv6') && words[2] === 'secure') return words.slice(0, 5).join(' ');
  if (w0 === 'ip' && words[2] === 'address') return words.slice(0, 3).join(' ');
  if (w0 === 'description') return `${scope} description`;
  if (w0 === 'ip' && w1 === 'tunnel') return `${scope} ${words.slice(0, 5).join(' ')}`;
  if (w0 === 'tunnel' && (w1 === 'enable' || w1 === 'disable')) return `tunnel enable ${w2}`;
  return `${scope} ${words.join(' ')}`;
}

function apply(state: Map<string, string>, text: string): Map<string, string> {
  for (const line of parseRtxConfig(text).lines) {
    if (line.words[1] === 'select') continue;
    const key = settingKey(line);
    if (line.words[0] === 'no' || (line.words[0] === 'tunnel' && line.words[1] === 'disable')) state.delete(key);
    else state.set(key, line.words.join(' '));
  }
  return state;
}

describe('a plan against the router it is for', () => {
  it('is refused when it reuses a number the router uses, naming the line that uses it', () => {
    const bundle = generate(seedPlan());
    const result = applyImport(bundle.plan!, bundle.files, imported);
    expect(result.files).toEqual([]);
    const errors = result.findings.filter((finding) => finding.level === 'error').map((finding) => [finding.path, finding.message.en]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['peers.0.tunnel.tunnelId', expect.stringContaining('tunnel 2 is already in use on the router, line 10 (ip route 192.168.20.0/24 gateway tunnel 2)')],
        ['peers.0.tunnel.policyId', expect.stringContaining('SA policy 1 is already in use on the router, line 53')],
        ['peers.0.tunnel.gatewayId', expect.stringContaining('IKE gateway 1 is already in use on the router, line 54')],
      ]),
    );
    // Lines the router already has word for word (its PPPoE filters, the seed's ipv6 filter 102000) are no collision.
    expect(errors.map(([path]) => path)).not.toContain('home.pppoe.filterBase');
    expect(errors.map(([path]) => path)).not.toContain('home.filters.vpsFilterBase');
  });

  it('is filled from the import with free numbers, each field saying where it came from', () => {
    const { plan, fields } = planFromImport(imported.facts!, seedPlan());
    expect(plan).toMatchObject({
      router: { model: 'RTX830', firmware: '15.02.33' },
      home: {
        wanInterface: 'lan2',
        ipv4Access: { kind: 'ds-lite', tunnelId: 1 },
        pppoe: { enabled: true, pp: 1, filterBase: 400000 },
        filters: { inbound: [101000, 101001, 101002, 102000], vpsFilterBase: 102001 },
      },
      peers: [{ tunnel: { tunnelId: 3, gatewayId: 2, policyId: 2 } }],
    });
    expect(fields.find((field) => field.path === 'home.filters.inbound')).toMatchObject({ line: 19 });
    expect(fields.map((field) => field.path)).toEqual(expect.arrayContaining(['peers.0.tunnel.tunnelId', 'home.ipv4Access.tunnelId', 'home.lans']));
    const bundle = generate(plan);
    expect(bundle.findings.filter((finding) => finding.level === 'error')).toEqual([]);
    expect(applyImport(bundle.plan!, bundle.files, imported).findings.filter((finding) => finding.level === 'error')).toEqual([]);
  });

  it('adds only what is missing, says which lines it changes, and its rollback restores the imported state', () => {
    const bundle = generate(planFromImport(imported.facts!, seedPlan()).plan);
    const result = applyImport(bundle.plan!, bundle.files, imported);
    const config = content(result.files, 'router/rtx-config.txt');
    const rollback = content(result.files, 'router/rollback.txt');
    expect(config).toContain('# appends 102001 to the list of line 19\nipv6 lan2 secure filter in 101000 101001 101002 102000 102001\n');
    for (const present of [
      'ip lan1 address 192.168.10.1/24',
      'ip filter 400000 pass * * udp 500 *',
      'ipsec auto refresh on',
      'ip route default gateway tunnel 1',
    ]) {
      expect(config).not.toContain(present);
    }
    expect(config).toContain('tunnel select 3\n');
    expect(result.changes.map((change) => change.line).sort((a, b) => a - b)).toEqual([10, 19]);
    const before = apply(new Map(), routerText);
    const after = apply(apply(apply(new Map(), routerText), config), rollback);
    expect([...after.entries()].sort()).toEqual([...before.entries()].sort());
    // And the lines really change the router: without the rollback, the state differs.
    expect([...apply(apply(new Map(), routerText), config).entries()].sort()).not.toEqual([...before.entries()].sort());
  });
});
