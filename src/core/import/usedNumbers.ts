import type { ConfigLine } from './types';

/** The numbered name-spaces of an RTX configuration that a new tunnel must not reuse. */
export const USED_KINDS = [
  'tunnels',
  'saPolicies',
  'ikeGateways',
  'ipFilters',
  'ipv6Filters',
  'ipDynamicFilters',
  'ipv6DynamicFilters',
  'natDescriptors',
  'pp',
] as const;
export type UsedKind = (typeof USED_KINDS)[number];

/** For each name-space, every number in use and the first line that uses it. */
export type UsedNumbers = Record<UsedKind, ReadonlyMap<number, number>>;

const NUMBER = /^\d{1,10}$/;
const num = (word: string | undefined): number | undefined => (word !== undefined && NUMBER.test(word) ? Number(word) : undefined);

/** `ipsec ike` subcommands that take no gateway id (CR §15.13 retry, §15.31 queue length). */
const GLOBAL_IKE = new Set(['retry', 'queue']);

/** Numbers following `from` until the first word that is not a number. */
function numbersFrom(words: readonly string[], from: number): number[] {
  const out: number[] = [];
  for (let i = from; i < words.length; i++) {
    const value = num(words[i]);
    if (value === undefined) break;
    out.push(value);
  }
  return out;
}

/** `<list…> [dynamic <list…>]` of a secure filter line: static and dynamic numbers apart. */
export function filterLists(words: readonly string[], from: number): { static: number[]; dynamic: number[] } {
  const dynamicAt = words.indexOf('dynamic', from);
  return { static: numbersFrom(words, from), dynamic: dynamicAt < 0 ? [] : numbersFrom(words, dynamicAt + 1) };
}

/** The gateway id of an `ipsec ike …` line: its first number (every form puts it before values). */
export function ikeGatewayOf(words: readonly string[]): number | undefined {
  if (words[0] !== 'ipsec' || words[1] !== 'ike' || GLOBAL_IKE.has(words[2] ?? '')) return undefined;
  for (let i = 2; i < words.length; i++) {
    const value = num(words[i]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `tunnel3`, `tunnel3-tunnel5` in `pp bind` (CR §11.1). */
function boundTunnels(word: string): number[] {
  const match = /^tunnel(\d{1,5})(?:-tunnel(\d{1,5}))?$/.exec(word);
  if (!match) return [];
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Math.min(Number(match[2]), first + 3000);
  const out: number[] = [];
  for (let n = first; n <= last; n++) out.push(n);
  return out;
}

/** Every number in use, with the first line that uses it (for "refused: line N uses it"). */
export function collectUsedNumbers(lines: readonly ConfigLine[]): UsedNumbers {
  const used = Object.fromEntries(USED_KINDS.map((kind) => [kind, new Map<number, number>()])) as Record<UsedKind, Map<number, number>>;
  const add = (kind: UsedKind, value: number | undefined, line: number) => {
    if (value !== undefined && !used[kind].has(value)) used[kind].set(value, line);
  };
  for (const { words, line, known } of lines) {
    if (!known || words[0] === 'no') continue;
    const [w0, w1, w2] = words;
    if (w0 === 'tunnel' && (w1 === 'select' || w1 === 'enable' || w1 === 'disable')) add('tunnels', num(w2), line);
    if (w0 === 'pp' && (w1 === 'select' || w1 === 'enable' || w1 === 'disable')) add('pp', num(w2), line);
    if (w0 === 'pp' && w1 === 'bind') for (const word of words.slice(2)) for (const n of boundTunnels(word)) add('tunnels', n, line);
    if (w0 === 'ipsec' && w1 === 'tunnel') add('saPolicies', num(w2), line);
    if (w0 === 'ipsec' && w1 === 'sa' && w2 === 'policy') {
      add('saPolicies', num(words[3]), line);
      add('ikeGateways', num(words[4]), line);
    }
    if (w0 === 'ipsec' && w1 === 'transport' && w2 !== 'template') add('saPolicies', num(words[3]), line);
    if (w0 === 'ipsec' && w1 === 'auto' && w2 === 'refresh') add('ikeGateways', num(words[3]), line);
    add('ikeGateways', ikeGatewayOf(words), line);
    if ((w0 === 'ip' || w0 === 'ipv6') && w1 === 'filter') {
      const dynamic = w2 === 'dynamic';
      const kind: UsedKind = w0 === 'ip' ? (dynamic ? 'ipDynamicFilters' : 'ipFilters') : dynamic ? 'ipv6DynamicFilters' : 'ipv6Filters';
      add(kind, num(dynamic ? words[3] : w2), line);
    }
    if ((w0 === 'ip' || w0 === 'ipv6') && words.includes('secure') && words.includes('filter')) {
      const at = words.indexOf('filter');
      if (words[at - 1] === 'secure' && (words[at + 1] === 'in' || words[at + 1] === 'out')) {
        const lists = filterLists(words, at + 2);
        for (const n of lists.static) add(w0 === 'ip' ? 'ipFilters' : 'ipv6Filters', n, line);
        for (const n of lists.dynamic) add(w0 === 'ip' ? 'ipDynamicFilters' : 'ipv6DynamicFilters', n, line);
      }
    }
    if (w0 === 'ip' && w1 === 'route') {
      for (let i = 2; i < words.length; i++) {
        if (words[i] === 'gateway' && words[i + 1] === 'tunnel') add('tunnels', num(words[i + 2]), line);
        if (words[i] === 'gateway' && words[i + 1] === 'pp') add('pp', num(words[i + 2]), line);
        if (words[i] === 'filter') for (const n of numbersFrom(words, i + 1)) add('ipFilters', n, line);
      }
    }
    if (w0 === 'nat' && w1 === 'descriptor') {
      for (let i = 2; i < words.length; i++) {
        const value = num(words[i]);
        if (value !== undefined) {
          add('natDescriptors', value, line);
          break;
        }
      }
    }
    if (w0 === 'ip' && words[2] === 'nat' && words[3] === 'descriptor') for (const n of numbersFrom(words, 4)) add('natDescriptors', n, line);
    if (w0 === 'dns' && words.includes('pp')) add('pp', num(words[words.indexOf('pp') + 1]), line);
  }
  return used;
}

/** The lowest number ≥ `from` (and ≤ `max`) that is not in use. */
export function lowestFree(used: ReadonlyMap<number, number>, from: number, max: number, width = 1): number | undefined {
  for (let n = Math.max(1, from); n + width - 1 <= max; n++) {
    let free = true;
    for (let k = 0; k < width; k++) if (used.has(n + k)) free = false;
    if (free) return n;
  }
  return undefined;
}
