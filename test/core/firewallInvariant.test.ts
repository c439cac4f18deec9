import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/core/bundle/types';
import { STACKS, VPS_TARGETS } from '../../src/core/caps/targets';
import { generate } from '../../src/core/generate';
import { validPlan } from './support/arbitraries';
import { loadExamples } from './support/examples';
import { expectationOf, firewallOf, firewallViolations } from './support/firewallInvariant';

const RUNS = Math.max(200, Math.floor(Number(process.env.PROPERTY_RUNS ?? 10_000) / 20));

function matrix() {
  return VPS_TARGETS.flatMap((target) =>
    STACKS.map((stack) => {
      const plan = {
        home: { wanIpv6: '2400:4050:1:2::9', lans: [{ interface: 'lan1', address: '192.168.20.1/24' }] },
        peers: [
          {
            name: 'fw',
            vps: { target, stack, ipv6: '2401:2500:10::20', privateAddress: '10.8.0.1/24' },
            tunnel: { psk: 'Firewall-Check-Key-0123456789abcdef' },
          },
        ],
      };
      return { name: `${target} ${stack}`, plan, files: generate(plan).files };
    }),
  ).filter((c) => c.files.length > 0);
}

/** The bundle with one file's text changed. */
const mutate = (files: readonly GeneratedFile[], pattern: RegExp, edit: (text: string) => string): GeneratedFile[] =>
  files.map((file) => (pattern.test(file.path) ? { ...file, content: edit(file.content) } : file));

describe('what the generated firewall admits and drops, read from its text', () => {
  it.each([...loadExamples().map(({ name, plan }) => ({ name, plan, files: generate(plan).files })), ...matrix()])('$name', ({ plan, files }) => {
    expect(firewallViolations(expectationOf(plan), files)).toEqual([]);
  });

  it('covers all four tools', () => {
    expect(new Set(matrix().map(({ files }) => firewallOf(files).tool))).toEqual(new Set(['nftables', 'iptables', 'ufw', 'firewalld']));
  });

  it(`holds for random plans (${RUNS})`, () => {
    fc.assert(
      fc.property(validPlan, (plan) => {
        const bundle = generate(plan);
        if (bundle.files.length > 0) expect(firewallViolations(expectationOf(plan), bundle.files)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the invariant catches a changed rule', () => {
  const byTool = new Map(matrix().map((c) => [firewallOf(c.files).tool, c] as const));
  const caught = (tool: string, pattern: RegExp, edit: (text: string) => string) => {
    const { plan, files } = byTool.get(tool)!;
    const changed = mutate(files, pattern, edit);
    expect(changed).not.toEqual(files);
    return firewallViolations(expectationOf(plan), changed);
  };

  it("nft: the ESP rule's != flipped to ==", () => {
    const bad = caught('nftables', /\.nft$/, (text) => text.replace(/(meta l4proto esp ip6 saddr )!= /, '$1== '));
    expect(bad.some((line) => line.includes('ESP from the RTX'))).toBe(true);
  });

  it('nft: an admit address changed', () => {
    expect(caught('nftables', /\.nft$/, (text) => text.replace(/(udp dport \{ 500, 4500 \} ip6 saddr != )\S+/, '$12400::dead'))).not.toEqual([]);
  });

  it('nft: the IPsec condition of the forward chain inverted', () => {
    expect(caught('nftables', /\.nft$/, (text) => text.replace('meta ipsec missing', 'meta ipsec exists'))).not.toEqual([]);
  });

  it('iptables: the RTX address of the jump changed', () => {
    expect(caught('iptables', /ip6tables\.rules$/, (text) => text.replace(/-s \S+\/128/, '-s 2400::dead/128'))).not.toEqual([]);
  });

  it('iptables: the forward policy direction swapped', () => {
    expect(caught('iptables', /\/iptables\.rules$/, (text) => text.replace(/--dir in/g, '--dir out'))).not.toEqual([]);
  });

  it('ufw: the ESP rule from any address', () => {
    expect(caught('ufw', /apply\.sh$/, (text) => text.replace(/ufw allow proto esp from \S+/, 'ufw allow proto esp from any'))).not.toEqual([]);
  });

  it('firewalld: the rich rule for another source', () => {
    expect(caught('firewalld', /apply\.sh$/, (text) => text.replace(/source address="[^"]+"/, 'source address="2400::dead/128"'))).not.toEqual([]);
  });
});
