import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/generate';
import { aggregateNetworks, formatNetwork, networkOf, parseIpv4Interface } from '../../src/core/net/ipv4';

const seed = JSON.parse(readFileSync('examples/seed.plan.json', 'utf8'));

/** The seed plan with one change applied through a path like `peers.0.vps.ipv6`. */
function seedWith(path: string, value: unknown): unknown {
  const plan = structuredClone(seed);
  const keys = path.split('.');
  let node = plan;
  for (const key of keys.slice(0, -1)) node = node[key];
  node[keys[keys.length - 1]!] = value;
  return plan;
}

function errorsAt(input: unknown, path: string) {
  const bundle = generate(input);
  const errors = bundle.findings.filter((finding) => finding.level === 'error');
  expect(bundle.files, 'no files when there is an error').toEqual(errors.length > 0 ? [] : bundle.files);
  return errors.filter((finding) => finding.path === path);
}

describe('bad plans give field-path errors and no files', () => {
  it.each([
    ['malformed IPv6', 'home.wanIpv6', '2001:db8::1::2'],
    ['IPv4 where IPv6 is needed', 'peers.0.vps.ipv6', '192.168.1.1'],
    ['an IPv6 with a zone id', 'peers.0.vps.ipv6', 'fe80::1%eth0'],
  ])('%s', (_what, path, value) => {
    expect(errorsAt(seedWith(path, value), path)[0]?.message.en).toMatch(/IPv6/);
  });

  it.each([
    ['a ULA', 'home.wanIpv6', 'fd12:3456::1', 'unique local'],
    ['a link-local address', 'peers.0.vps.ipv6', 'fe80::1', 'link-local'],
    ['a multicast address', 'peers.0.vps.ipv6', 'ff02::1', 'multicast'],
  ])('%s where a global address is required', (_what, path, value, kind) => {
    const [error] = errorsAt(seedWith(path, value), path);
    expect(error?.code).toBe('ipv6.notGlobal');
    expect(error?.message.en).toContain(kind);
    expect(error?.message.ja).toContain('グローバルユニキャスト');
  });

  it('overlapping subnets on the two sides', () => {
    const [error] = errorsAt(seedWith('peers.0.vps.privateAddress', '192.168.11.100/24'), 'peers.0.vps.privateAddress');
    expect(error?.code).toBe('ipv4.overlap');
  });

  it('overlapping LAN segments', () => {
    const plan = seedWith('home.lans', [
      { interface: 'lan1', address: '192.168.10.1/23' },
      { interface: 'lan2', address: '192.168.11.1/24' },
    ]);
    expect(errorsAt(plan, 'home.lans.1.address')[0]?.code).toBe('ipv4.overlap');
  });

  it('a LAN pair that cannot aggregate: refused for IKEv1 with the reason, per-segment with IKEv2', () => {
    const lans = [
      { interface: 'lan1', address: '192.168.11.1/24' },
      { interface: 'lan2', address: '192.168.12.1/24' },
    ];
    const ikev1 = seedWith('home.lans', lans);
    expect(errorsAt(ikev1, 'home.lans')[0]?.code).toBe('lans.ikev1Aggregate');

    const ikev2 = JSON.parse(readFileSync('examples/debian12-strongswan-ikev2.plan.json', 'utf8'));
    ikev2.home.lans = lans;
    const bundle = generate(ikev2);
    expect(bundle.findings.map((finding) => finding.code)).toContain('lans.perSegment');
    const swanctl = bundle.files.find((file) => file.path.includes('swanctl'))!.content;
    expect(swanctl).toContain('remote_ts = 192.168.11.0/24,192.168.12.0/24');
    const interfaces = bundle.files.find((file) => file.path.includes('interfaces.d'))!.content;
    expect(interfaces).toContain('up ip route replace 192.168.11.0/24 via 192.168.20.1 dev eth1');
    expect(interfaces).toContain('up ip route replace 192.168.12.0/24 via 192.168.20.1 dev eth1');
  });

  it('the seed pair aggregates to a /23 (even third octet and the next)', () => {
    const nets = ['192.168.10.1/24', '192.168.11.1/24'].map((text) => networkOf(parseIpv4Interface(text)!));
    expect(aggregateNetworks(nets).map(formatNetwork)).toEqual(['192.168.10.0/23']);
    const odd = ['192.168.11.1/24', '192.168.12.1/24'].map((text) => networkOf(parseIpv4Interface(text)!));
    expect(aggregateNetworks(odd).map(formatNetwork)).toEqual(['192.168.11.0/24', '192.168.12.0/24']);
  });

  it.each([
    ['RTX830', 21, 'router.tunnelRange'],
    ['NVR510', 5, 'router.tunnelRange'],
  ])('a tunnel number outside the %s range', (model, tunnelId, code) => {
    const plan = seedWith('peers.0.tunnel.tunnelId', tunnelId);
    (plan as typeof seed).router = { model, firmware: model === 'NVR510' ? '15.01.25' : '15.02.33' };
    expect(errorsAt(plan, 'peers.0.tunnel.tunnelId')[0]?.code).toBe(code);
  });

  it('the tunnel number the DS-Lite tunnel already uses', () => {
    expect(errorsAt(seedWith('peers.0.tunnel.tunnelId', 1), 'peers.0.tunnel.tunnelId')[0]?.code).toBe('tunnel.conflict');
  });

  it('a PSK that is too long', () => {
    expect(errorsAt(seedWith('peers.0.tunnel.psk', 'a'.repeat(129)), 'peers.0.tunnel.psk')[0]?.code).toBe('psk.length');
  });

  it.each(['"', "'", '#', '?', '|', '>', '\\', ' ', '\n', 'é', '\u2028'])('a PSK with the forbidden character %j', (char) => {
    const [error] = errorsAt(seedWith('peers.0.tunnel.psk', `abcdefgh${char}ijklmnop1234`), 'peers.0.tunnel.psk');
    expect(error?.code).toBe('psk.character');
  });

  it('a missing PSK', () => {
    expect(errorsAt(seedWith('peers.0.tunnel.psk', ''), 'peers.0.tunnel.psk')[0]?.code).toBe('psk.missing');
  });

  it('a newline in the description', () => {
    const [error] = errorsAt(seedWith('peers.0.description', 'VPS\nip route default gateway tunnel 9'), 'peers.0.description');
    expect(error?.message.en).toMatch(/64 ASCII/);
  });

  it('a firmware revision of another model', () => {
    expect(errorsAt(seedWith('router.firmware', '14.01.42'), 'router.firmware')[0]?.code).toBe('router.firmware.series');
  });

  it('an HGW outside the WAN segment', () => {
    expect(errorsAt(seedWith('hgw.address', '192.168.10.2'), 'hgw.address')[0]?.code).toBe('hgw.address');
  });

  it('no secure filter list on the WAN: none is created (it would drop everything else), with a warning', () => {
    const bundle = generate(seedWith('home.filters.inbound', []));
    expect(bundle.findings.map((finding) => finding.code)).toContain('filters.noSecureFilter');
    const rtx = bundle.files.find((file) => file.path === 'router/rtx-config.txt')!.content;
    expect(rtx).not.toMatch(/secure filter in/);
    expect(rtx).not.toMatch(/^ipv6 filter/m);
    expect(bundle.files.find((file) => file.path === 'router/rollback.txt')!.content).not.toMatch(/secure filter in/);
  });

  it('never throws on garbage', () => {
    for (const input of [null, 1, 'x', [], { peers: 'x' }, { peers: [null] }, { home: { lans: [{}] } }, { router: { model: 'RTX9999' } }]) {
      const bundle = generate(input);
      expect(bundle.files).toEqual([]);
      expect(bundle.findings.length).toBeGreaterThan(0);
    }
  });
});
