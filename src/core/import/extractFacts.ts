import { isStrictIpv4, parseIpv4Interface } from '../net/ipv4';
import { isIpv6Text } from '../net/ipv6';
import { bi } from '../text/bilingual';
import { findIpv4Access, findWanInterface, type Ipv4AccessFact, type PppoeFilterRoute } from './wan';
import { collectUsedNumbers, filterLists, ikeGatewayOf, USED_KINDS, type UsedKind, type UsedNumbers } from './usedNumbers';
import type { ConfigLine, ImportProblem, ParsedConfig } from './types';

export interface LanFact {
  readonly interface: string;
  readonly address: string;
  readonly line: number;
}

export interface SecureFilterFact {
  readonly in: readonly number[];
  readonly out: readonly number[];
  readonly outDynamic: readonly number[];
  /** Lines of the `ipv6 <wan> secure filter in` / `out` commands, when present. */
  readonly inLine?: number;
  readonly outLine?: number;
}

/** An IPsec security gateway already configured (a site-to-site peer or the L2TP/IPsec server). */
export interface IpsecPeerFact {
  readonly gateway: number;
  readonly tunnel?: number;
  readonly policy?: number;
  readonly remoteAddress?: string;
  readonly localAddress?: string;
  readonly ikeVersion: 1 | 2;
  readonly line: number;
}

export interface L2tpRemoteAccessFact {
  readonly service: boolean;
  /** Tunnels with `tunnel encapsulation l2tp` (the L2TP/IPsec server side). */
  readonly tunnels: readonly number[];
  readonly anonymousPp: boolean;
  readonly line: number;
}

/** What an imported configuration says, for the plan and for number collision checks. */
export interface RtxFacts {
  readonly model?: string;
  readonly firmware?: string;
  readonly wanInterface?: string;
  /** A literal IPv6 address on the WAN (`ipv6 lan2 address 2001:db8::1/64`), when one is written. */
  readonly wanIpv6?: string;
  readonly ipv4Access: Ipv4AccessFact;
  readonly pppoeFilterRoute?: PppoeFilterRoute;
  readonly lans: readonly LanFact[];
  readonly secureFilter: SecureFilterFact;
  readonly used: UsedNumbers;
  readonly ipsecPeers: readonly IpsecPeerFact[];
  readonly l2tpRemoteAccess?: L2tpRemoteAccessFact;
  readonly netvolante: readonly string[];
  readonly problems: readonly ImportProblem[];
}

/** `lan1`, `lan1/2` (tagged VLAN), `lan1.2` (LAN division), `bridge1`, `vlan1` (CR §1.3). */
const LAN_INTERFACE = /^(?:lan\d{1,2}(?:[./]\d{1,3})?|bridge\d{1,2}|vlan\d{1,3})$/;

function lanAddresses(lines: readonly ConfigLine[]): LanFact[] {
  const lans: LanFact[] = [];
  for (const { words, line, known } of lines) {
    if (!known || words[0] !== 'ip' || words[2] !== 'address' || !LAN_INTERFACE.test(words[1] ?? '')) continue;
    const address = words[3] ?? '';
    if (parseIpv4Interface(address) === undefined) continue;
    const existing = lans.findIndex((lan) => lan.interface === words[1]);
    // The last line wins, as when the RTX reads the lines in order.
    if (existing >= 0) lans.splice(existing, 1);
    lans.push({ interface: words[1]!, address, line });
  }
  return lans;
}

function secureFilterOf(lines: readonly ConfigLine[], wan: string | undefined): SecureFilterFact {
  let result: { in: number[]; out: number[]; outDynamic: number[]; inLine?: number; outLine?: number } = { in: [], out: [], outDynamic: [] };
  if (wan === undefined) return result;
  for (const { words, line, known } of lines) {
    if (!known || words[0] !== 'ipv6' || words[1] !== wan || words[2] !== 'secure' || words[3] !== 'filter') continue;
    const lists = filterLists(words, 5);
    if (words[4] === 'in') result = { ...result, in: lists.static, inLine: line };
    if (words[4] === 'out') result = { ...result, out: lists.static, outDynamic: lists.dynamic, outLine: line };
  }
  return result;
}

function wanIpv6Of(lines: readonly ConfigLine[], wan: string | undefined): string | undefined {
  let found: string | undefined;
  for (const { words, known } of lines) {
    if (!known || words[0] !== 'ipv6' || words[1] !== wan || words[2] !== 'address') continue;
    const address = (words[3] ?? '').split('/')[0]!;
    if (isIpv6Text(address)) found = address;
  }
  return found;
}

function ipsecPeers(lines: readonly ConfigLine[]): IpsecPeerFact[] {
  const peers = new Map<
    number,
    { gateway: number; tunnel?: number; policy?: number; remoteAddress?: string; localAddress?: string; ikeVersion: 1 | 2; line: number }
  >();
  const tunnelOfPolicy = new Map<number, number>();
  const peer = (gateway: number, line: number) => {
    if (!peers.has(gateway)) peers.set(gateway, { gateway, ikeVersion: 1, line });
    return peers.get(gateway)!;
  };
  for (const { words, line, known, context } of lines) {
    if (!known || words[0] !== 'ipsec') continue;
    if (words[1] === 'tunnel' && context.tunnel !== undefined && /^\d+$/.test(words[2] ?? '')) tunnelOfPolicy.set(Number(words[2]), context.tunnel);
    if (words[1] === 'sa' && words[2] === 'policy' && /^\d+$/.test(words[3] ?? '') && /^\d+$/.test(words[4] ?? '')) {
      peer(Number(words[4]), line).policy ??= Number(words[3]);
    }
    const gateway = ikeGatewayOf(words);
    if (gateway === undefined) continue;
    const entry = peer(gateway, line);
    const at = words.indexOf(String(gateway), 2);
    const sub = words.slice(2, at).join(' ');
    const value = words[at + 1];
    if (sub === 'remote address' && value !== undefined) entry.remoteAddress = value;
    if (sub === 'local address' && value !== undefined && (isIpv6Text(value) || isStrictIpv4(value))) entry.localAddress = value;
    if (sub === 'version' && value === '2') entry.ikeVersion = 2;
  }
  for (const entry of peers.values()) {
    if (entry.policy !== undefined && tunnelOfPolicy.has(entry.policy)) entry.tunnel = tunnelOfPolicy.get(entry.policy);
  }
  return [...peers.values()].sort((a, b) => a.gateway - b.gateway);
}

function l2tpRemoteAccess(lines: readonly ConfigLine[]): L2tpRemoteAccessFact | undefined {
  let service = false;
  let first: number | undefined;
  let anonymousPp = false;
  const tunnels: number[] = [];
  for (const { words, line, known, context } of lines) {
    if (!known) continue;
    if (words[0] === 'l2tp' && words[1] === 'service' && words[2] === 'on') {
      service = true;
      first ??= line;
    }
    if (words[0] === 'pp' && words[1] === 'select' && words[2] === 'anonymous') anonymousPp = true;
    if (words[0] === 'tunnel' && words[1] === 'encapsulation' && words[2] === 'l2tp' && context.tunnel !== undefined) {
      if (!tunnels.includes(context.tunnel)) tunnels.push(context.tunnel);
      first ??= line;
    }
  }
  return first === undefined ? undefined : { service, tunnels, anonymousPp, line: first };
}

/** `netvolante-dns hostname host <if> [server=N] <name>` (CR ch.22). */
function netvolanteNames(lines: readonly ConfigLine[]): string[] {
  const names: string[] = [];
  for (const { words, known } of lines) {
    if (!known || words[0] !== 'netvolante-dns' || words[1] !== 'hostname' || words[2] !== 'host') continue;
    const name = words.slice(4).find((word) => /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(word));
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

export function extractFacts(config: ParsedConfig): RtxFacts {
  const { lines } = config;
  const problems: ImportProblem[] = [];
  const wan = findWanInterface(lines);
  if (wan.ambiguous) {
    problems.push({
      level: 'warning',
      code: 'ambiguousWan',
      line: 0,
      message: bi(
        `WAN のインターフェースを 1 つに決められませんでした (${wan.candidates.join(', ')})。${wan.name} としました。`,
        `Could not tell the WAN interface for sure (${wan.candidates.join(', ')}); took ${wan.name}.`,
      ),
    });
  }
  const access = findIpv4Access(lines);
  problems.push(...access.problems);
  return {
    model: config.header.model,
    firmware: config.header.firmware,
    wanInterface: wan.name,
    wanIpv6: wanIpv6Of(lines, wan.name),
    ipv4Access: access.access,
    pppoeFilterRoute: access.filterRoute,
    lans: lanAddresses(lines),
    secureFilter: secureFilterOf(lines, wan.name),
    used: collectUsedNumbers(lines),
    ipsecPeers: ipsecPeers(lines),
    l2tpRemoteAccess: l2tpRemoteAccess(lines),
    netvolante: netvolanteNames(lines),
    problems,
  };
}

/** The facts as plain JSON (the CLI's `--format json`): number sets as sorted arrays. */
export function factsToJson(facts: RtxFacts, parseProblems: readonly ImportProblem[]): Record<string, unknown> {
  const used = Object.fromEntries(USED_KINDS.map((kind: UsedKind) => [kind, [...facts.used[kind].keys()].sort((a, b) => a - b)]));
  return {
    model: facts.model ?? null,
    firmware: facts.firmware ?? null,
    wanInterface: facts.wanInterface ?? null,
    wanIpv6: facts.wanIpv6 ?? null,
    ipv4Access: facts.ipv4Access,
    pppoeFilterRoute: facts.pppoeFilterRoute ?? null,
    lans: facts.lans,
    secureFilter: facts.secureFilter,
    used,
    ipsecPeers: facts.ipsecPeers,
    l2tpRemoteAccess: facts.l2tpRemoteAccess ?? null,
    netvolante: facts.netvolante,
    problems: [...parseProblems, ...facts.problems],
  };
}
