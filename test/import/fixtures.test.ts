import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsToJson } from '../../src/core/import/extractFacts';
import { importRtxConfig } from '../../src/core/import/importRtx';

const read = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function factsOf(name: string) {
  const result = importRtxConfig(read(name));
  expect(result.facts, JSON.stringify(result.problems)).toBeDefined();
  return { json: factsToJson(result.facts!, result.config.problems) as Record<string, unknown> & { used: Record<string, number[]> }, result };
}

describe('facts from real and composed RTX configurations', () => {
  it('RTX830, seed topology: DS-Lite, PPPoE filter route, IPsec to the VPS, L2TP/IPsec server', () => {
    const { json, result } = factsOf('rtx830-dslite-pppoe-l2tp.txt');
    expect(json).toMatchObject({
      model: 'RTX830',
      firmware: '15.02.33',
      wanInterface: 'lan2',
      wanIpv6: '2001:db8:1::1',
      ipv4Access: { kind: 'ds-lite', tunnel: 1 },
      pppoeFilterRoute: { pp: 1, filters: [400000, 400001, 400002, 400003] },
      lans: [
        { interface: 'lan1', address: '192.168.10.1/24' },
        { interface: 'lan2', address: '192.168.11.1/24' },
      ],
      secureFilter: { in: [101000, 101001, 101002, 102000], out: [101099], outDynamic: [101080, 101081, 101082, 101083, 101084, 101085, 101098, 101099] },
      netvolante: ['example-home.aa0.netvolante.jp'],
      l2tpRemoteAccess: { service: true, tunnels: [10], anonymousPp: true },
    });
    expect(json.used).toMatchObject({
      tunnels: [1, 2, 10],
      saPolicies: [1, 10],
      ikeGateways: [1, 10],
      ipFilters: [400000, 400001, 400002, 400003],
      ipv6Filters: [101000, 101001, 101002, 101099, 102000],
      natDescriptors: [1000],
      pp: [1],
    });
    expect(result.facts!.ipsecPeers.map((peer) => [peer.gateway, peer.tunnel, peer.policy, peer.remoteAddress])).toEqual([
      [1, 2, 1, '2001:db8:2::1'],
      [10, 10, 10, 'any'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('RTX1210, MAP-E and three LANs (one a tagged VLAN)', () => {
    const { json } = factsOf('rtx1210-mape-three-lans.txt');
    expect(json).toMatchObject({
      model: 'RTX1210',
      firmware: '14.01.38',
      wanInterface: 'lan2',
      ipv4Access: { kind: 'map-e', tunnel: 1 },
      lans: [
        { interface: 'lan1', address: '192.168.100.1/24' },
        { interface: 'lan3', address: '192.168.200.1/24' },
        { interface: 'lan1/1', address: '192.168.110.1/24' },
      ],
      secureFilter: { in: [200030, 200031, 200038, 200039], out: [200099], outDynamic: [200080, 200081, 200082, 200083, 200084, 200098, 200099] },
    });
    expect(json.used).toMatchObject({ tunnels: [1], saPolicies: [], ikeGateways: [], ipFilters: [200030, 200039, 200099], natDescriptors: [1000], pp: [] });
  });

  it('RTX1210 (real, terraform-provider-rtx): DHCP WAN, L2TP/IPsec remote access and an L2TPv3 tunnel', () => {
    const { json, result } = factsOf('rtx1210-l2tp-remote-access.txt');
    expect(json).toMatchObject({
      model: null,
      wanInterface: 'lan2',
      ipv4Access: { kind: 'none' },
      lans: [{ interface: 'bridge1', address: '192.168.1.253/16' }],
      secureFilter: { in: [101000, 101002, 101099], out: [101099], outDynamic: [101080, 101081, 101082, 101083, 101084, 101085, 101098, 101099] },
      l2tpRemoteAccess: { service: true, tunnels: [2], anonymousPp: true },
    });
    expect(json.used).toMatchObject({ tunnels: [1, 2], saPolicies: [1, 3, 101], ikeGateways: [1, 2], natDescriptors: [1000], pp: [] });
    expect(json.used.ipFilters).toContain(500000);
    expect(json.used.ipv6Filters).toEqual([101000, 101002, 101098, 101099, 402100]);
    expect(result.facts!.ipsecPeers.map((peer) => [peer.gateway, peer.tunnel, peer.policy])).toEqual([
      [1, 1, 101],
      [2, 2, 1],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('RTX1210 (real): ipsec ike lines at column 0 still count their gateway', () => {
    const { json } = factsOf('rtx1210-ike-at-column-0.txt');
    expect(json.used).toMatchObject({ tunnels: [1, 2], saPolicies: [1, 101], ikeGateways: [1, 2] });
  });

  it('NVR510 pasted from a terminal: prompts skipped, lines wrapped at 80 columns joined', () => {
    const { json, result } = factsOf('nvr510-pppoe-wrapped.txt');
    expect(json).toMatchObject({
      model: 'NVR510',
      firmware: '15.01.14',
      wanInterface: 'onu1',
      ipv4Access: { kind: 'pppoe', pp: 1 },
      lans: [{ interface: 'lan1', address: '192.168.3.1/24' }],
      netvolante: ['branch-3.aa0.netvolante.jp'],
    });
    // 201032 sits on a wrapped line; 201026 was cut in two ("20102" + "6").
    expect(json.used.ipFilters).toEqual(expect.arrayContaining([201032, 201026, 201027]));
    expect(json.used.ipFilters).not.toContain(20102);
    expect(json.used.ipDynamicFilters).toEqual([201080, 201081, 201082, 201083, 201084, 201098, 201099]);
    expect(result.problems.map((problem) => [problem.code, problem.line])).toEqual([
      ['promptLine', 1],
      ['wrappedLine', 26],
      ['wrappedLine', 28],
      ['promptLine', 47],
    ]);
  });
});
