import ipaddr from 'ipaddr.js';

/** An IPv4 network in canonical form (host bits cleared). */
export interface Ipv4Network {
  readonly base: number; // unsigned 32-bit
  readonly prefix: number;
}

/** A host address together with the prefix of the segment it sits on (e.g. 192.168.10.1/24). */
export interface Ipv4Interface {
  readonly address: number;
  readonly prefix: number;
}

const DOTTED = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Strict dotted quad: no leading zeros (which some tools read as octal), no shorthand forms. */
export function isStrictIpv4(text: string): boolean {
  return DOTTED.test(text) && ipaddr.IPv4.isValidFourPartDecimal(text);
}

export function ipv4ToNumber(text: string): number {
  const bytes = ipaddr.IPv4.parse(text).toByteArray();
  return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
}

export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function netmaskText(prefix: number): string {
  return numberToIpv4(maskOf(prefix));
}

/** Parses "a.b.c.d/len"; returns undefined for anything else. */
export function parseIpv4Interface(text: string): Ipv4Interface | undefined {
  const match = /^([0-9.]+)\/(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const [, address, prefixText] = match;
  const prefix = Number(prefixText);
  if (!isStrictIpv4(address!) || prefix > 32 || String(prefix) !== prefixText) return undefined;
  return { address: ipv4ToNumber(address!), prefix };
}

/**
 * Parses a network as a user names a set of hosts: `a.b.c.d` (one host, /32) or `a.b.c.d/len` with
 * the host bits clear. Undefined for anything else, so a typo never silently widens the set.
 */
export function parseIpv4Network(text: string): Ipv4Network | undefined {
  const iface = parseIpv4Interface(text.includes('/') ? text : `${text}/32`);
  if (!iface) return undefined;
  const network = networkOf(iface);
  return network.base === iface.address ? network : undefined;
}

export function networkOf(iface: Ipv4Interface): Ipv4Network {
  return { base: (iface.address & maskOf(iface.prefix)) >>> 0, prefix: iface.prefix };
}

export function formatNetwork(network: Ipv4Network): string {
  return `${numberToIpv4(network.base)}/${network.prefix}`;
}

export function formatInterface(iface: Ipv4Interface): string {
  return `${numberToIpv4(iface.address)}/${iface.prefix}`;
}

export function networkContains(network: Ipv4Network, address: number): boolean {
  return (address & maskOf(network.prefix)) >>> 0 === network.base;
}

export function networksOverlap(a: Ipv4Network, b: Ipv4Network): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  return (a.base & maskOf(prefix)) >>> 0 === (b.base & maskOf(prefix)) >>> 0;
}

/** True for the network and broadcast addresses of a segment, which cannot be a host's address. */
export function isNetworkOrBroadcast(iface: Ipv4Interface): boolean {
  if (iface.prefix >= 31) return false;
  const network = networkOf(iface).base;
  const broadcast = (network | (~maskOf(iface.prefix) >>> 0)) >>> 0;
  return iface.address === network || iface.address === broadcast;
}

const PRIVATE_RANGES: readonly Ipv4Network[] = [
  { base: ipv4ToNumber('10.0.0.0'), prefix: 8 },
  { base: ipv4ToNumber('172.16.0.0'), prefix: 12 },
  { base: ipv4ToNumber('192.168.0.0'), prefix: 16 },
];

/** RFC 1918: the inner traffic of this product is private IPv4 by design. */
export function isPrivateNetwork(network: Ipv4Network): boolean {
  return PRIVATE_RANGES.some((range) => network.prefix >= range.prefix && networkContains(range, network.base));
}

/**
 * Merges a list of segments into as few networks as exactly cover them: two sibling networks of the
 * same size become their parent (the seed's even/odd /24 pair becomes a /23). Never widens past
 * what the segments cover, so no foreign address is ever routed into the tunnel.
 */
export function aggregateNetworks(networks: readonly Ipv4Network[]): Ipv4Network[] {
  let current = dedupe(networks);
  for (;;) {
    const merged = mergeOnePair(current);
    if (!merged) return current.sort(compareNetworks);
    current = dedupe(merged);
  }
}

function mergeOnePair(networks: Ipv4Network[]): Ipv4Network[] | undefined {
  for (let i = 0; i < networks.length; i++) {
    for (let j = i + 1; j < networks.length; j++) {
      const a = networks[i]!;
      const b = networks[j]!;
      const covering = a.prefix <= b.prefix ? a : b;
      const inner = covering === a ? b : a;
      if (networkContains(covering, inner.base) && covering.prefix <= inner.prefix) {
        return networks.filter((_, k) => k !== (covering === a ? j : i));
      }
      if (a.prefix === b.prefix && a.prefix > 0) {
        const parentPrefix = a.prefix - 1;
        const parentA = (a.base & maskOf(parentPrefix)) >>> 0;
        const parentB = (b.base & maskOf(parentPrefix)) >>> 0;
        if (parentA === parentB && a.base !== b.base) {
          const rest = networks.filter((_, k) => k !== i && k !== j);
          return [...rest, { base: parentA, prefix: parentPrefix }];
        }
      }
    }
  }
  return undefined;
}

function dedupe(networks: readonly Ipv4Network[]): Ipv4Network[] {
  const seen = new Map<string, Ipv4Network>();
  for (const network of networks) seen.set(formatNetwork(network), network);
  return [...seen.values()];
}

function compareNetworks(a: Ipv4Network, b: Ipv4Network): number {
  return a.base - b.base || a.prefix - b.prefix;
}
