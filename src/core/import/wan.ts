import { bi } from '../text/bilingual';
import type { ConfigLine, ImportProblem } from './types';

export type Ipv4AccessKind = 'ds-lite' | 'map-e' | 'pppoe' | 'none' | 'other';

/** How the router reaches the IPv4 internet: the default route's first gateway without a filter. */
export interface Ipv4AccessFact {
  readonly kind: Ipv4AccessKind;
  readonly tunnel?: number;
  readonly pp?: number;
  /** The `ip route default` line, when there is one. */
  readonly line?: number;
}

/** The seed's filter-type default route: the packets its filters match go out through this pp. */
export interface PppoeFilterRoute {
  readonly pp: number;
  readonly filters: readonly number[];
  readonly line: number;
}

export interface WanGuess {
  readonly name?: string;
  readonly candidates: readonly string[];
  readonly ambiguous: boolean;
}

/**
 * The IPv6 WAN interface, from the lines that only an NGN-facing interface carries, strongest
 * first (rtx-commands.md §5.1): `ngn type <if> ntt`, `ipv6 <if> dhcp service client`, a prefix
 * learnt `@<if>`, `pppoe use <if>`, `ipv6 <if> secure filter in`, `ip <if> address dhcp`.
 */
export function findWanInterface(lines: readonly ConfigLine[]): WanGuess {
  const score = new Map<string, number>();
  const vote = (name: string | undefined, points: number) => {
    if (name && /^(?:lan\d{1,2}|onu\d)$/.test(name)) score.set(name, (score.get(name) ?? 0) + points);
  };
  for (const { words, known } of lines) {
    if (!known || words[0] === 'no') continue;
    if (words[0] === 'ngn' && words[1] === 'type' && words[3] === 'ntt') vote(words[2], 16);
    if (words[0] === 'ipv6' && words[2] === 'dhcp' && words[3] === 'service' && words[4] === 'client') vote(words[1], 8);
    if (words[0] === 'ipv6') {
      for (const word of words) {
        const match = /^(?:ra|dhcp)-prefix@([a-z0-9]+)::/.exec(word);
        if (match) vote(match[1], 4);
      }
    }
    if (words[0] === 'pppoe' && words[1] === 'use') vote(words[2], 2);
    if (words[0] === 'ipv6' && words[2] === 'secure' && words[3] === 'filter' && words[4] === 'in') vote(words[1], 2);
    if (words[0] === 'ip' && words[2] === 'address' && words[3] === 'dhcp') vote(words[1], 1);
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (ranked.length === 0) return { candidates: [], ambiguous: false };
  const best = ranked[0]!;
  const tied = ranked.filter(([, points]) => points === best[1]).map(([name]) => name);
  return { name: best[0], candidates: ranked.map(([name]) => name), ambiguous: tied.length > 1 };
}

interface Gateway {
  readonly words: readonly string[];
  readonly filters: readonly number[];
}

/** Splits `ip route default gateway A … gateway B … filter N…` into its gateways (CR §8.1.7). */
function gatewaysOf(words: readonly string[]): Gateway[] {
  const gateways: Gateway[] = [];
  let current: string[] | undefined;
  const flush = () => {
    if (!current) return;
    const at = current.indexOf('filter');
    const filters: number[] = [];
    if (at >= 0) for (const word of current.slice(at + 1)) if (/^\d{1,10}$/.test(word)) filters.push(Number(word));
    gateways.push({ words: current, filters });
  };
  for (const word of words.slice(3)) {
    if (word === 'gateway') {
      flush();
      current = [];
    } else current?.push(word);
  }
  flush();
  return gateways;
}

export function findIpv4Access(lines: readonly ConfigLine[]): { access: Ipv4AccessFact; filterRoute?: PppoeFilterRoute; problems: ImportProblem[] } {
  const encapsulation = new Map<number, string>();
  for (const { words, known, context } of lines) {
    // A selected tunnel without `tunnel encapsulation` is an IPsec tunnel (the default, CR §14.4).
    if (known && words[0] === 'tunnel' && words[1] === 'select' && context.tunnel !== undefined && !encapsulation.has(context.tunnel))
      encapsulation.set(context.tunnel, 'ipsec');
    if (known && words[0] === 'tunnel' && words[1] === 'encapsulation' && context.tunnel !== undefined && words[2]) encapsulation.set(context.tunnel, words[2]);
  }
  let route: ConfigLine | undefined;
  for (const line of lines) if (line.known && line.words[0] === 'ip' && line.words[1] === 'route' && line.words[2] === 'default') route = line;
  if (!route) return { access: { kind: 'none' }, problems: [] };

  const gateways = gatewaysOf(route.words);
  const problems: ImportProblem[] = [];
  const primary = gateways.find((gateway) => gateway.filters.length === 0) ?? gateways[0];
  const filtered = gateways.find((gateway) => gateway.filters.length > 0 && gateway.words[0] === 'pp' && /^\d+$/.test(gateway.words[1] ?? ''));
  const filterRoute = filtered ? { pp: Number(filtered.words[1]), filters: filtered.filters, line: route.line } : undefined;
  const number = primary && /^\d{1,5}$/.test(primary.words[1] ?? '') ? Number(primary.words[1]) : undefined;
  let access: Ipv4AccessFact = { kind: 'none', line: route.line };
  if (primary?.words[0] === 'pp' && number !== undefined) access = { kind: 'pppoe', pp: number, line: route.line };
  if (primary?.words[0] === 'tunnel' && number !== undefined) {
    const kind = encapsulation.get(number);
    access = { kind: kind === 'ipip' ? 'ds-lite' : kind === 'map-e' ? 'map-e' : 'other', tunnel: number, line: route.line };
    if (kind !== undefined && access.kind === 'other') {
      problems.push({
        level: 'warning',
        code: 'missingTunnelBlock',
        line: route.line,
        message: bi(
          `既定経路の tunnel ${number} は DS-Lite でも MAP-E でもありません (${kind})。IPv4 の出口を選んでください。`,
          `The default route's tunnel ${number} is neither DS-Lite nor MAP-E (${kind}); choose the IPv4 access yourself.`,
        ),
      });
    }
    if (kind === undefined) {
      problems.push({
        level: 'warning',
        code: 'missingTunnelBlock',
        line: route.line,
        message: bi(
          `既定経路の tunnel ${number} の設定 (tunnel select ${number}) がありません。DS-Lite か MAP-E かを選んでください。`,
          `The default route's tunnel ${number} has no block (tunnel select ${number}); choose DS-Lite or MAP-E yourself.`,
        ),
      });
    }
  }
  return { access, filterRoute, problems };
}
