import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STACKS, TARGETS, VPS_TARGETS } from '../../src/core/caps/targets';
import { generate } from '../../src/core/generate';
import { validPlan } from './support/arbitraries';
import { libreswanGrammarViolations, rtxGrammarViolations, swanctlGrammarViolations } from './support/grammars';
import { crossSideViolations } from './support/invariants';

/*
 * Issue 11: single-NIC VPS, port forwards, egress through the VPS. Bad input is refused with the
 * field path; good input gives files both sides of which agree, for every target and stack.
 */

const PSK = 'abcdefghijklmnopqrstuvwxyz012345';

type PeerExtra = Record<string, unknown>;

function plan(peer: PeerExtra = {}, home: Record<string, unknown> = {}) {
  return {
    home,
    peers: [{ tunnel: { psk: PSK }, vps: { ipv6: '2400:1::1' }, ...peer }],
  };
}

const errorsOf = (input: unknown) =>
  generate(input)
    .findings.filter((finding) => finding.level === 'error')
    .map((finding) => [finding.code, finding.path]);

const file = (input: unknown, path: string) => generate(input).files.find((f) => f.path === path)?.content ?? '';

describe('bad port forwards are refused with the field path', () => {
  it.each([
    [
      'duplicate',
      [
        { publicPort: 80, host: '192.168.10.5' },
        { publicPort: 80, host: '192.168.10.6' },
      ],
      'forwards.duplicate',
      'peers.0.portForwards.1.publicPort',
    ],
    [
      'overlap',
      [
        { publicPort: 8000, publicPortEnd: 8010, host: '192.168.10.5' },
        { publicPort: 8010, host: '192.168.10.6' },
      ],
      'forwards.overlap',
      'peers.0.portForwards.1.publicPort',
    ],
    ['IKE port', [{ protocol: 'udp', publicPort: 500, host: '192.168.10.5' }], 'forwards.ikePort', 'peers.0.portForwards.0.publicPort'],
    [
      'NAT-T port in a range',
      [{ protocol: 'udp', publicPort: 4000, publicPortEnd: 5000, host: '192.168.10.5' }],
      'forwards.ikePort',
      'peers.0.portForwards.0.publicPort',
    ],
    ['SSH port', [{ publicPort: 22, host: '192.168.10.5' }], 'forwards.sshPort', 'peers.0.portForwards.0.publicPort'],
    ['outside every LAN', [{ publicPort: 80, host: '192.168.99.5' }], 'forwards.hostOutside', 'peers.0.portForwards.0.host'],
    ['the RTX itself', [{ publicPort: 80, host: '192.168.10.1' }], 'forwards.hostAddress', 'peers.0.portForwards.0.host'],
    ['backwards range', [{ publicPort: 90, publicPortEnd: 80, host: '192.168.10.5' }], 'forwards.range', 'peers.0.portForwards.0.publicPortEnd'],
    [
      'range with another home port',
      [{ publicPort: 80, publicPortEnd: 81, hostPort: 8080, host: '192.168.10.5' }],
      'forwards.rangeHostPort',
      'peers.0.portForwards.0.hostPort',
    ],
    [
      'home ports past 65535',
      [
        { publicPort: 100, publicPortEnd: 110, hostPort: 100, host: '192.168.10.5' },
        { publicPort: 200, hostPort: 65535, host: '192.168.10.5' },
      ],
      undefined,
      undefined,
    ],
  ])('%s', (_name, portForwards, code, path) => {
    const errors = errorsOf(plan({ portForwards }));
    if (code === undefined) expect(errors).toEqual([]);
    else expect(errors).toContainEqual([code, path]);
  });

  it('UDP on the SSH port number is not SSH', () => {
    expect(errorsOf(plan({ portForwards: [{ protocol: 'udp', publicPort: 22, host: '192.168.10.5' }] }))).toEqual([]);
  });

  it('a moved SSH port frees 22 and guards the new one', () => {
    expect(errorsOf(plan({ vps: { ipv6: '2400:1::1', sshPort: 2222 }, portForwards: [{ publicPort: 22, host: '192.168.10.5' }] }))).toEqual([]);
    expect(errorsOf(plan({ vps: { ipv6: '2400:1::1', sshPort: 2222 }, portForwards: [{ publicPort: 2222, host: '192.168.10.5' }] }))).toContainEqual([
      'forwards.sshPort',
      'peers.0.portForwards.0.publicPort',
    ]);
  });

  it('a port outside 1..65535 is a field error', () => {
    expect(errorsOf(plan({ portForwards: [{ publicPort: 70000, host: '192.168.10.5' }] }))).toContainEqual([
      'field.range',
      'peers.0.portForwards.0.publicPort',
    ]);
  });
});

describe('bad egress is refused with the field path', () => {
  it.each([
    ['the VPS subnet', ['192.168.20.0/24'], 'egress.vpsSubnet', 'peers.0.egress.sources.0'],
    ['a VPS host', ['192.168.10.0/25', '192.168.20.7'], 'egress.vpsSubnet', 'peers.0.egress.sources.1'],
    ['outside the LANs', ['10.9.0.0/16'], 'egress.outside', 'peers.0.egress.sources.0'],
    ['wider than the LAN', ['192.168.8.0/21'], 'egress.outside', 'peers.0.egress.sources.0'],
    ['overlapping sources', ['192.168.10.0/25', '192.168.10.5'], 'egress.overlap', 'peers.0.egress.sources.1'],
    ['no source', [], 'egress.noSources', 'peers.0.egress.sources'],
  ])('%s', (_name, sources, code, path) => {
    expect(errorsOf(plan({ egress: { mode: 'selected', sources } }))).toContainEqual([code, path]);
  });

  it('host bits set is a field error', () => {
    expect(errorsOf(plan({ egress: { mode: 'selected', sources: ['192.168.10.5/24'] } }))).toContainEqual(['field.ipv4.network', 'peers.0.egress.sources.0']);
  });

  it('route filters may not overlap the PPPoE filters', () => {
    expect(errorsOf(plan({ egress: { mode: 'all' }, routeFilterBase: 400002 }, { pppoe: { enabled: true } }))).toContainEqual([
      'routeFilters.overlap',
      'peers.0.routeFilterBase',
    ]);
  });
});

describe('single-NIC mode', () => {
  it('refuses a dummy named like the public NIC', () => {
    expect(errorsOf(plan({ vps: { ipv6: '2400:1::1', inner: 'dummy', dummyInterface: 'eth0' } }))).toContainEqual([
      'vps.dummyInterface.same',
      'peers.0.vps.dummyInterface',
    ]);
  });

  it('does not compare the unused private NIC name with the public one', () => {
    expect(errorsOf(plan({ vps: { ipv6: '2400:1::1', inner: 'dummy', privateInterface: 'eth0' } }))).toEqual([]);
  });
});

describe('RTX filter-type routes', () => {
  const forwards = [
    { publicPort: 443, host: '192.168.10.5' },
    { protocol: 'udp', publicPort: 51820, publicPortEnd: 51821, host: '192.168.10.6' },
  ];

  it('SNAT return path needs no RTX route and keeps the VPS selector', () => {
    const rtx = file(plan({ portForwards: forwards }), 'router/rtx-config.txt');
    expect(rtx).not.toMatch(/ip route default/);
    expect(file(plan({ portForwards: forwards }), 'vps/etc/swanctl/conf.d/vps-rtx.conf')).toMatch(/local_ts = 192\.168\.20\.0\/24/);
  });

  it('client-address return path routes each server reply port into the tunnel', () => {
    const rtx = file(plan({ portForwards: forwards, forwardReturn: 'client-address' }), 'router/rtx-config.txt');
    expect(rtx).toContain('ip route default gateway tunnel 1 gateway tunnel 2 filter 400100 400101\n');
    expect(rtx).toContain('ip filter 400100 pass 192.168.10.5 * tcp 443 *\n');
    expect(rtx).toContain('ip filter 400101 pass 192.168.10.6 * udp 51820-51821 *\n');
  });

  it('egress keeps the seed L2TP route first and falls back with hide', () => {
    const input = plan({ egress: { mode: 'selected', sources: ['192.168.10.128/25', '192.168.10.7'] } }, { pppoe: { enabled: true } });
    const rtx = file(input, 'router/rtx-config.txt');
    expect(rtx).toContain('ip route default gateway tunnel 1 gateway pp 1 filter 400000 400001 400002 400003 gateway tunnel 2 filter 400100 400101 hide\n');
    expect(rtx).toContain('ip filter 400101 pass 192.168.10.7 *\n');
    const rollback = file(input, 'router/rollback.txt');
    expect(rollback).toContain('ip route default gateway tunnel 1 gateway pp 1 filter 400000 400001 400002 400003\n');
    expect(rollback).toContain('no ip filter 400101\n');
  });

  it('egress that blocks while down has no hide; with no other IPv4 the tunnel is the only gateway', () => {
    const block = file(plan({ egress: { mode: 'all', whenDown: 'block' } }), 'router/rtx-config.txt');
    expect(block).toContain('ip route default gateway tunnel 1 gateway tunnel 2 filter 400100\n');
    const none = generate(plan({ egress: { mode: 'all' } }, { ipv4Access: { kind: 'none' } }));
    expect(none.files.find((f) => f.path === 'router/rtx-config.txt')!.content).toContain('ip route default gateway tunnel 2 filter 400100\n');
    expect(none.findings.map((finding) => finding.code)).toContain('egress.noFallback');
    expect(none.files.find((f) => f.path === 'router/rollback.txt')!.content).toContain('no ip route default\n');
  });

  it('IKEv1 names 0.0.0.0/0 as the VPS-side phase-2 ID when widened', () => {
    const input = plan({ egress: { mode: 'all' }, vps: { ipv6: '2400:1::1', stack: 'libreswan' }, tunnel: { psk: PSK, crypto: { ikeVersion: 1 } } });
    expect(file(input, 'router/rtx-config.txt')).toContain('  ipsec ike remote id 1 0.0.0.0/0\n');
    expect(file(input, 'vps/etc/ipsec.d/vps-rtx.conf')).toMatch(/leftsubnet=0\.0\.0\.0\/0/);
  });
});

const FEATURES = {
  'single-nic': { vps: { inner: 'dummy' } },
  'port-forward snat': { portForwards: [{ publicPort: 443, host: '192.168.10.5' }] },
  'port-forward client-address': { portForwards: [{ publicPort: 443, host: '192.168.10.5', hostPort: 8443 }], forwardReturn: 'client-address' },
  egress: { egress: { mode: 'all' } },
} as const;

describe.each(VPS_TARGETS.flatMap((target) => STACKS.filter((stack) => TARGETS[target].stacks[stack]).map((stack) => ({ target, stack }))))(
  'every feature on $target with $stack',
  ({ target, stack }) => {
    it.each(Object.entries(FEATURES))('%s generates files whose two sides agree', (_name, extra) => {
      const peer = { ...extra, vps: { ipv6: '2400:1::1', target, stack, ...('vps' in extra ? extra.vps : {}) } };
      const bundle = generate(plan(peer));
      expect(bundle.findings.filter((finding) => finding.level === 'error')).toEqual([]);
      expect(crossSideViolations(bundle.files)).toEqual([]);
      for (const f of bundle.files) {
        if (f.language === 'rtx') expect(rtxGrammarViolations(f.content)).toEqual([]);
        if (f.language === 'libreswan' && !f.path.endsWith('.secrets')) expect(libreswanGrammarViolations(f.content)).toEqual([]);
        if (f.language === 'swanctl') expect(swanctlGrammarViolations(f.content)).toEqual([]);
      }
    });
  },
);

/** Random topology choices laid over the random plans of the main property test. */
const topologyChoices = fc.record({
  inner: fc.constantFrom('private-nic', 'dummy'),
  forwards: fc.array(
    fc.record({ protocol: fc.constantFrom('tcp', 'udp'), port: fc.integer({ min: 1024, max: 60000 }), host: fc.integer({ min: 2, max: 254 }) }),
    { maxLength: 4 },
  ),
  forwardReturn: fc.constantFrom('snat', 'client-address'),
  egress: fc.constantFrom('off', 'all', 'selected'),
  whenDown: fc.constantFrom('fallback', 'block'),
});

describe('random plans with topology choices', () => {
  it('generate grammatical RTX lines and agreeing sides (500 plans)', () => {
    fc.assert(
      fc.property(validPlan, topologyChoices, (base, choice) => {
        const lan = base.home.lans[0]!.address.replace(/\.1\/24$/, '');
        const peer = base.peers[0]!;
        const input = {
          ...base,
          peers: [
            {
              ...peer,
              vps: { ...peer.vps, inner: choice.inner },
              portForwards: choice.forwards.map((forward) => ({ protocol: forward.protocol, publicPort: forward.port, host: `${lan}.${forward.host}` })),
              forwardReturn: choice.forwardReturn,
              egress: { mode: choice.egress, sources: [`${lan}.0/25`], whenDown: choice.whenDown },
            },
          ],
        };
        const bundle = generate(input);
        if (bundle.files.length === 0) return;
        expect(crossSideViolations(bundle.files)).toEqual([]);
        for (const f of bundle.files) if (f.language === 'rtx') expect(rtxGrammarViolations(f.content)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('VPS firewall and NIC for the topology choices', () => {
  const forwardPlan = (target: string, extra: PeerExtra = {}) =>
    plan({ vps: { ipv6: '2400:1::1', target }, portForwards: [{ publicPort: 443, host: '192.168.10.5', hostPort: 8443 }], ...extra });
  const all = (input: unknown) =>
    generate(input)
      .files.map((f) => f.content)
      .join('\n');

  it('nftables: DNAT on the public NIC, SNAT of DNATed flows to the inner address, only forwarded flows admitted', () => {
    const nft = file(forwardPlan('debian-12'), 'vps/etc/nftables.d/vps-rtx.nft');
    expect(nft).toContain('meta nfproto ipv4 iifname "eth0" tcp dport 443 dnat ip to 192.168.10.5:8443');
    expect(nft).toContain('ip daddr 192.168.10.5 tcp dport 8443 ct status dnat snat ip to 192.168.20.1');
    expect(nft).toContain('iifname "eth0" ip daddr 192.168.10.0/24 ct status dnat accept');
    expect(nft).toContain('iifname "eth0" ip daddr 192.168.10.0/24 drop');
    expect(nft).toContain('iifname "eth0" ip daddr 192.168.10.0/24 tcp flags & (syn | rst) == syn tcp option maxseg size set');
  });

  it('client-address return path: no SNAT', () => {
    expect(file(forwardPlan('debian-12', { forwardReturn: 'client-address' }), 'vps/etc/nftables.d/vps-rtx.nft')).not.toContain('snat');
  });

  it('iptables, ufw and firewalld carry the same DNAT', () => {
    expect(file(forwardPlan('centos-6'), 'vps/setup/iptables.rules')).toContain(
      '-A RTX-IPSEC-DNAT -i eth0 -p tcp -m tcp --dport 443 -j DNAT --to-destination 192.168.10.5:8443',
    );
    expect(file(forwardPlan('ubuntu-24.04'), 'vps/setup/ufw-before-mangle.rules')).toContain(
      '-A PREROUTING -i eth0 -p tcp -m tcp --dport 443 -j DNAT --to-destination 192.168.10.5:8443',
    );
    expect(file(forwardPlan('ubuntu-24.04'), 'vps/setup/apply.sh')).toContain('ufw route allow in on eth0 proto tcp from any to 192.168.10.5 port 8443');
    expect(file(forwardPlan('el-9'), 'vps/setup/apply.sh')).toContain('--direct --add-rule ipv4 nat PREROUTING 0 -i eth0 -p tcp -m tcp --dport 443 -j DNAT');
  });

  it('egress masquerades only the chosen sources out of the public NIC', () => {
    const nft = file(plan({ egress: { mode: 'selected', sources: ['192.168.10.128/25'] } }), 'vps/etc/nftables.d/vps-rtx.nft');
    expect(nft).toContain('oifname "eth0" ip saddr 192.168.10.128/25 masquerade');
    expect(nft).toContain('ip saddr 192.168.10.128/25 oifname "eth0" meta ipsec exists accept');
    expect(nft).toContain('ip saddr 192.168.10.0/24 oifname "eth0" drop');
  });

  it('without forwards or egress the firewall has no nat', () => {
    expect(all(plan())).not.toMatch(/DNAT|dnat|MASQUERADE|masquerade/);
  });

  it.each([
    ['centos-6', 'vps/etc/sysconfig/modules/vps-rtx-rtx0.modules', 'ip link add rtx0 type dummy'],
    ['el-9', 'vps/setup/apply.sh', 'nmcli connection add type dummy ifname rtx0'],
    ['ubuntu-22.04', 'vps/etc/systemd/network/60-vps-rtx-rtx0.netdev', 'Kind=dummy'],
    ['debian-12', 'vps/etc/network/interfaces.d/rtx0', 'pre-up ip link show rtx0 >/dev/null 2>&1 || ip link add rtx0 type dummy'],
  ])('single-NIC on %s creates the dummy at boot (%s)', (target, path, text) => {
    const bundle = generate(plan({ vps: { ipv6: '2400:1::1', target, inner: 'dummy' } }));
    expect(bundle.files.find((f) => f.path === path)?.content).toContain(text);
    expect(bundle.files.map((f) => f.content).join('\n')).not.toMatch(/\beth1\b/);
  });
});
