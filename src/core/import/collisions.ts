import type { Finding } from '../findings';
import type { Plan } from '../plan/schema';
import { bi } from '../text/bilingual';
import type { RtxImport } from './importRtx';
import { isSelect, sameLineKey as key } from './minimalLines';
import { parseRtxConfig } from './parseRtxConfig';
import { ikeGatewayOf, type UsedKind } from './usedNumbers';

/** A number the generated lines would define that the router already uses. */
export interface Collision {
  readonly kind: UsedKind;
  readonly number: number;
  /** The imported line that uses it, and its text. */
  readonly line: number;
  readonly text: string;
  /** The generated line that would define it. */
  readonly generated: string;
}

const NUMBER = /^\d{1,10}$/;
const num = (word: string | undefined) => (word !== undefined && NUMBER.test(word) ? Number(word) : undefined);

/** The numbers a generated line defines (not the ones it only refers to, like a route's tunnel). */
function definitions(words: readonly string[]): [UsedKind, number | undefined][] {
  const [w0, w1, w2] = words;
  if (w0 === 'tunnel' && w1 === 'select') return [['tunnels', num(w2)]];
  if (w0 === 'pp' && w1 === 'select') return [['pp', num(w2)]];
  if (w0 === 'ipsec' && w1 === 'tunnel') return [['saPolicies', num(w2)]];
  if (w0 === 'ipsec' && w1 === 'sa' && w2 === 'policy') return [['saPolicies', num(words[3])]];
  if (w0 === 'ipsec' && w1 === 'ike') return [['ikeGateways', ikeGatewayOf(words)]];
  if ((w0 === 'ip' || w0 === 'ipv6') && w1 === 'filter') {
    const dynamic = w2 === 'dynamic';
    const kind: UsedKind = w0 === 'ip' ? (dynamic ? 'ipDynamicFilters' : 'ipFilters') : dynamic ? 'ipv6DynamicFilters' : 'ipv6Filters';
    return [[kind, num(dynamic ? words[3] : w2)]];
  }
  if (w0 === 'nat' && w1 === 'descriptor') return [['natDescriptors', num(words.slice(2).find((word) => NUMBER.test(word)))]];
  return [];
}

/**
 * Every number the generated RTX lines would define that the imported configuration already
 * uses, unless the very same line is already there (then the generated line changes nothing).
 */
export function findCollisions(generatedRtx: string, imported: RtxImport): Collision[] {
  if (!imported.facts) return [];
  const existing = new Set(imported.config.lines.map(key));
  const textAt = new Map(imported.config.lines.map((line) => [line.line, line.raw.trim()]));
  const collisions: Collision[] = [];
  const seen = new Set<string>();
  for (const line of parseRtxConfig(generatedRtx).lines) {
    // The same line changes nothing, except a select: its block would go into the existing tunnel.
    if (!isSelect(line) && existing.has(key(line))) continue;
    for (const [kind, number] of definitions(line.words)) {
      const at = number === undefined ? undefined : imported.facts.used[kind].get(number);
      if (at === undefined || seen.has(`${kind}:${number}`)) continue;
      seen.add(`${kind}:${number}`);
      collisions.push({ kind, number: number!, line: at, text: textAt.get(at) ?? '', generated: line.raw.trim() });
    }
  }
  return collisions;
}

const LABEL: Readonly<Record<UsedKind, string>> = {
  tunnels: 'tunnel',
  saPolicies: 'SA policy',
  ikeGateways: 'IKE gateway',
  ipFilters: 'ip filter',
  ipv6Filters: 'ipv6 filter',
  ipDynamicFilters: 'ip filter dynamic',
  ipv6DynamicFilters: 'ipv6 filter dynamic',
  natDescriptors: 'nat descriptor',
  pp: 'pp',
};

/** The plan field that chose a colliding number, so the finding points at what to change. */
function pathOf(plan: Plan, collision: Collision): string {
  const { kind, number } = collision;
  const peerField = { tunnels: 'tunnelId', saPolicies: 'policyId', ikeGateways: 'gatewayId' } as const;
  if (kind === 'tunnels' || kind === 'saPolicies' || kind === 'ikeGateways') {
    const index = plan.peers.findIndex((peer) => peer.tunnel[peerField[kind]] === number);
    if (index >= 0) return `peers.${index}.tunnel.${peerField[kind]}`;
  }
  if (kind === 'ipv6Filters') return 'home.filters.vpsFilterBase';
  const base = plan.home.pppoe.filterBase;
  if (kind === 'ipFilters' && number >= base && number <= base + 3) return 'home.pppoe.filterBase';
  return 'home';
}

/** One error per collision: the plan is refused with the router's line that uses the number. */
export function collisionFindings(plan: Plan, collisions: readonly Collision[]): Finding[] {
  return collisions.map((collision) => {
    const what = `${LABEL[collision.kind]} ${collision.number}`;
    return {
      level: 'error',
      code: 'import.numberInUse',
      path: pathOf(plan, collision),
      message: bi(
        `${what} はルーターの設定の ${collision.line} 行目ですでに使われています (${collision.text})。空いている番号にしてください。`,
        `${what} is already in use on the router, line ${collision.line} (${collision.text}); choose a free number.`,
      ),
    };
  });
}
