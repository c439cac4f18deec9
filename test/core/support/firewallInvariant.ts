import ipaddr from 'ipaddr.js';
import type { GeneratedFile } from '../../../src/core/bundle/types';
import { firewalldFirewall, iptablesFirewall, nftFirewall, ufwFirewall, type Firewall, type Packet } from './packetModel';

/** What the plan says, read from its own fields (not from the generator's derived values). */
export interface FirewallExpectation {
  readonly rtxIpv6: string;
  readonly vpsIpv6: string;
  readonly homeLans: readonly string[];
  readonly vpsPrivate: string;
}

interface PlanLike {
  readonly home: { readonly wanIpv6: string; readonly lans: readonly { readonly address: string }[] };
  readonly peers: readonly { readonly vps: { readonly ipv6: string; readonly privateAddress: string } }[];
}

export function expectationOf(input: unknown): FirewallExpectation {
  const plan = input as PlanLike;
  const peer = plan.peers[0]!;
  return {
    rtxIpv6: ipaddr.IPv6.parse(plan.home.wanIpv6).toString(),
    vpsIpv6: ipaddr.IPv6.parse(peer.vps.ipv6).toString(),
    homeLans: plan.home.lans.map((lan) => lan.address),
    vpsPrivate: peer.vps.privateAddress,
  };
}

/** The firewall the bundle's text sets up, with the tool it uses. */
export function firewallOf(files: readonly GeneratedFile[]): { tool: string; firewall: Firewall } {
  const text = (pattern: RegExp) => files.find((file) => pattern.test(file.path))?.content;
  const nft = files.find((file) => file.language === 'nft');
  if (nft) return { tool: 'nftables', firewall: nftFirewall(nft.content) };
  const v4 = text(/^vps\/setup\/iptables\.rules$/);
  if (v4) return { tool: 'iptables', firewall: iptablesFirewall({ 4: v4, 6: text(/^vps\/setup\/ip6tables\.rules$/) ?? '' }) };
  const apply = text(/^vps\/setup\/apply\.sh$/) ?? '';
  if (/^ufw /m.test(apply)) return { tool: 'ufw', firewall: ufwFirewall(apply) };
  if (/^firewall-cmd /m.test(apply)) return { tool: 'firewalld', firewall: firewalldFirewall(apply) };
  throw new Error('no firewall in the bundle');
}

/** Another global address: the RTX's with its last group changed. */
function otherIpv6(address: string): string {
  const parts = ipaddr.IPv6.parse(address).parts;
  parts[7] = parts[7]! ^ 0x5a5a || 1;
  return new ipaddr.IPv6(parts).toString();
}

/** The interface address itself and the last host of its network. */
function hosts(cidr: string): string[] {
  const [address, bits] = ipaddr.IPv4.parseCIDR(cidr);
  const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(cidr).toByteArray();
  if (bits < 31) broadcast[3] = broadcast[3]! - 1;
  return [address.toString(), new ipaddr.IPv4(broadcast).toString()];
}

/**
 * What the firewall must admit and drop: IKE (udp/500, udp/4500) and ESP from the RTX to the VPS
 * admitted, from any other address not; inner IPv4 between the home LANs and the VPS network
 * admitted through the SAs both ways (forwarded and to the VPS itself); where the tool can say so
 * (nftables, iptables), not without IPsec; SSH never dropped by our rules. Returns the violations.
 */
export function firewallViolations(expect: FirewallExpectation, files: readonly GeneratedFile[]): string[] {
  const { tool, firewall } = firewallOf(files);
  const bad: string[] = [];
  const want = (what: string, p: Packet, ok: (verdict: string) => boolean) => {
    const verdict = firewall(p);
    if (!ok(verdict)) bad.push(`${tool}: ${what} → ${verdict}`);
  };
  const accepted = (v: string) => v === 'accept';
  const notAccepted = (v: string) => v !== 'accept';
  const other = otherIpv6(expect.rtxIpv6);
  const ike = (src: string, proto: 'udp' | 'esp', dport?: number): Packet => ({
    hook: 'input',
    family: 6,
    src,
    dst: expect.vpsIpv6,
    proto,
    ...(dport ? { dport } : {}),
  });
  for (const [label, p] of [
    ['IKE udp/500', ike(expect.rtxIpv6, 'udp', 500)],
    ['NAT-T udp/4500', ike(expect.rtxIpv6, 'udp', 4500)],
    ['ESP', ike(expect.rtxIpv6, 'esp')],
  ] as const) {
    want(`${label} from the RTX`, p, accepted);
    want(`${label} from another address`, { ...p, src: other }, tool === 'nftables' ? (v) => v === 'drop' : notAccepted);
  }
  const [vpsHost] = hosts(expect.vpsPrivate);
  for (const lan of expect.homeLans) {
    for (const home of hosts(lan)) {
      const inbound: Packet = { hook: 'forward', family: 4, src: home, dst: hosts(expect.vpsPrivate)[1]!, proto: 'tcp', dport: 443, ipsecIn: true };
      want(`forward ${home} → VPS side through IPsec`, inbound, accepted);
      want(`forward VPS side → ${home} through IPsec`, { ...inbound, src: inbound.dst, dst: home, ipsecIn: false, ipsecOut: true }, accepted);
      want(`${home} → the VPS itself through IPsec`, { ...inbound, hook: 'input', dst: vpsHost! }, accepted);
      if (tool === 'nftables' || tool === 'iptables') {
        want(`forward ${home} → VPS side without IPsec`, { ...inbound, ipsecIn: false }, notAccepted);
        want(`forward VPS side → ${home} without IPsec`, { ...inbound, src: inbound.dst, dst: home, ipsecIn: false }, notAccepted);
      }
    }
  }
  const ssh: Packet = { hook: 'input', family: 6, src: other, dst: expect.vpsIpv6, proto: 'tcp', dport: 22 };
  want('SSH over IPv6', ssh, (v) => v !== 'drop');
  want('SSH from the RTX', { ...ssh, src: expect.rtxIpv6 }, (v) => v !== 'drop');
  want('SSH over IPv4', { ...ssh, family: 4, src: '198.51.100.7', dst: '203.0.113.9' }, (v) => v !== 'drop');
  return bad;
}
