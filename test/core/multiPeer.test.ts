import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/generate';
import { defaultPlan, parsePlan } from '../../src/core/plan/parsePlan';
import { bundleGrammarViolations } from './support/bundleGrammar';
import { decodeShareLink, encodeShareLink, planDifference } from '../../src/core/share/shareLink';

const seed = JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'));
const modern = JSON.parse(readFileSync('examples/debian12-strongswan-ikev2.plan.json', 'utf8'));

/** `modern` with a second VPS (its own numbers, address and network) and its own key. */
function twoVps(second: Record<string, unknown> = {}): Record<string, unknown> {
  const plan = structuredClone(modern);
  plan.peers[0].tunnel.psk = 'Aa1!Bb2$Cc3%Dd4&Ee5(Ff6)';
  const other = structuredClone(plan.peers[0]);
  other.name = 'osaka';
  other.vps.ipv6 = '2001:db8:3::1';
  other.vps.privateAddress = '192.168.30.1/24';
  other.tunnel.tunnelId = 3;
  other.tunnel.gatewayId = 2;
  other.tunnel.policyId = 2;
  other.tunnel.psk = 'Zz9!Yy8$Xx7%Ww6&Vv5(Uu4)';
  plan.peers.push({ ...other, ...second });
  return plan;
}

const errors = (input: unknown) => generate(input).findings.filter((finding) => finding.level === 'error');

describe('plans from schema version 1', () => {
  it('migrate on parse: every example still parses, now as version 2', () => {
    const parsed = parsePlan(seed);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(seed.schemaVersion).toBe(1);
    expect(parsed.plan.schemaVersion).toBe(2);
    expect(parsed.plan.home.dns).toEqual({ kind: 'none', fqdn: '' });
    expect(parsed.plan.peers.map((peer) => peer.backup)).toEqual([false]);
  });

  it('refuse a version this build does not know, at the field schemaVersion', () => {
    const parsed = parsePlan({ ...seed, schemaVersion: 3 });
    expect(parsed.ok ? [] : parsed.findings.map((finding) => finding.path)).toEqual(['schemaVersion']);
  });

  it('keep their share links; a plan with two peers round-trips through a link', async () => {
    expect(planDifference(defaultPlan())).toEqual({});
    const plan = parsePlan(twoVps());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const decoded = await decodeShareLink(await encodeShareLink(plan.plan, { includePsk: true }));
    expect(decoded.ok && decoded.plan).toEqual(plan.plan);
  });
});

describe('two VPSes from one home', () => {
  it('give one RTX file with both tunnels and one folder per VPS; numbers never collide', () => {
    const bundle = generate(twoVps());
    expect(errors(twoVps())).toEqual([]);
    expect(bundleGrammarViolations(bundle.files)).toEqual([]);
    const paths = bundle.files.map((file) => file.path);
    expect(paths.filter((path) => path.startsWith('router/'))).toEqual(['router/rtx-config.txt', 'router/rollback.txt']);
    expect(paths.some((path) => path.startsWith('vps/'))).toBe(false);
    expect(paths.filter((path) => path.endsWith('/setup/apply.sh')).sort()).toEqual(
      ['vps-osaka/setup/apply.sh', `vps-${modern.peers[0].name}/setup/apply.sh`].sort(),
    );
    const rtx = bundle.files.find((file) => file.path === 'router/rtx-config.txt')!.content;
    expect(rtx).toMatch(/^tunnel select 2$/m);
    expect(rtx).toMatch(/^tunnel select 3$/m);
    expect(rtx).toMatch(/^ip route 192\.168\.20\.0\/24 gateway tunnel 2$/m);
    expect(rtx).toMatch(/^ip route 192\.168\.30\.0\/24 gateway tunnel 3$/m);
    // Each VPS is admitted by its own pair of filters, and the list carries all four once.
    expect(rtx).toMatch(/^ipv6 filter 102000 pass 2001:db8:2::1 /m);
    expect(rtx).toMatch(/^ipv6 filter 102002 pass 2001:db8:3::1 /m);
    expect(rtx).toMatch(/^ipv6 lan2 secure filter in 101000 101001 101002 102000 102001 102002 102003$/m);
    const apply = bundle.files.find((file) => file.path === 'vps-osaka/setup/apply.sh')!.content;
    expect(apply).toContain('cd vps-osaka && sudo sh setup/apply.sh');
    const rollback = bundle.files.find((file) => file.path === 'router/rollback.txt')!.content;
    expect(rollback).toMatch(/^no ip route 192\.168\.30\.0\/24$/m);
    expect(rollback).toMatch(/^no ipv6 filter 102003$/m);
  });

  it('with the second as backup: one route, the primary hidden while down, the backup on standby', () => {
    const plan = twoVps({ backup: true });
    (plan.peers as { vps: { privateAddress: string } }[])[1]!.vps.privateAddress = '192.168.20.2/24';
    expect(errors(plan)).toEqual([]);
    const bundle = generate(plan);
    expect(bundleGrammarViolations(bundle.files)).toEqual([]);
    const rtx = bundle.files.find((file) => file.path === 'router/rtx-config.txt')!.content;
    expect(rtx).toMatch(/^ip route 192\.168\.20\.0\/24 gateway tunnel 2 hide gateway tunnel 3 weight 0$/m);
    expect(rtx.match(/^ip route 192\.168\.20\.0\/24/gm)).toHaveLength(1);
    const readme = bundle.files.find((file) => file.path === 'README.md')!.content;
    expect(readme).toContain('## 切り替え / Failover');
  });
});

describe('bad sets of peers are refused with the field and what to change', () => {
  const at = (input: unknown, code: string) => errors(input).filter((finding) => finding.code === code);

  it('two peers with the same VPS address', () => {
    const plan = twoVps();
    (plan.peers as { vps: { ipv6: string } }[])[1]!.vps.ipv6 = '2001:db8:2::1';
    expect(at(plan, 'peers.duplicateAddress').map((f) => f.path)).toEqual(['peers.1.vps.ipv6']);
  });

  it('overlapping VPS networks, and the same network without backup', () => {
    const overlap = twoVps();
    (overlap.peers as { vps: { privateAddress: string } }[])[1]!.vps.privateAddress = '192.168.0.1/16';
    expect(at(overlap, 'peers.overlap').map((f) => f.path)).toEqual(['peers.1.vps.privateAddress']);
    const same = twoVps();
    (same.peers as { vps: { privateAddress: string } }[])[1]!.vps.privateAddress = '192.168.20.2/24';
    const [finding] = at(same, 'peers.sameNetwork');
    expect(finding?.path).toBe('peers.1.vps.privateAddress');
    expect(finding?.message.en).toContain('peers.1.backup');
  });

  it('a VPS network that overlaps the home LAN of the same plan names that peer', () => {
    const plan = twoVps();
    (plan.peers as { vps: { privateAddress: string } }[])[1]!.vps.privateAddress = '192.168.10.200/24';
    expect(errors(plan).some((f) => f.code === 'ipv4.overlap' && f.path === 'peers.1.vps.privateAddress')).toBe(true);
  });

  it('colliding tunnel, gateway and policy numbers, and names', () => {
    const plan = twoVps({ name: modern.peers[0].name });
    const peer = (plan.peers as { tunnel: Record<string, number> }[])[1]!;
    peer.tunnel.tunnelId = 2;
    peer.tunnel.gatewayId = 1;
    peer.tunnel.policyId = 1;
    expect(at(plan, 'peers.numberCollision').map((f) => f.path)).toEqual(['peers.1.tunnel.tunnelId', 'peers.1.tunnel.gatewayId', 'peers.1.tunnel.policyId']);
    expect(at(plan, 'peers.duplicateName').map((f) => f.path)).toEqual(['peers.1.name']);
  });

  it("more peers than the model's tunnels (NVR510: 4, one taken by DS-Lite)", () => {
    const plan = twoVps();
    (plan.router as { model: string; firmware: string }) = { model: 'NVR510', firmware: '15.01.25' };
    const peers = plan.peers as Record<string, unknown>[];
    for (const n of [4, 5]) {
      const extra = structuredClone(peers[1]!) as { name: string; vps: Record<string, string>; tunnel: Record<string, number | object> };
      extra.name = `vps-${n}`;
      extra.vps.ipv6 = `2001:db8:${n}::1`;
      extra.vps.privateAddress = `192.168.${n}0.1/24`;
      extra.tunnel.tunnelId = n;
      extra.tunnel.gatewayId = n - 1;
      extra.tunnel.policyId = n;
      peers.push(extra);
    }
    const [finding] = at(plan, 'peers.tooMany');
    expect(finding?.path).toBe('peers');
    expect(finding?.message.en).toMatch(/at most 3 tunnels.*remove 1/);
  });

  it('more than 16 peers in any plan, by the schema', () => {
    const plan = structuredClone(modern);
    plan.peers = Array.from({ length: 17 }, () => structuredClone(modern.peers[0]));
    expect(errors(plan).map((f) => [f.path, f.code])).toEqual([['peers', 'field.peers.max']]);
  });
});
