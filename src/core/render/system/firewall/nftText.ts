import { commentText, fail, isInterfaceName, isIpv4Token, isIpv6Token, isPort } from '../tokens';

/**
 * nftables as data (nft(8)): a table of chains of rules, each rule a list of typed matches and one
 * statement. `serializeNft` is the only writer; it refuses an address, port, interface or name
 * that is not one token of the nft grammar.
 */
export type NftMatch =
  | { readonly kind: 'addr'; readonly family: 'ip' | 'ip6'; readonly field: 'saddr' | 'daddr'; readonly negate?: boolean; readonly values: readonly string[] }
  | { readonly kind: 'port'; readonly proto: 'udp' | 'tcp'; readonly field: 'sport' | 'dport'; readonly values: readonly number[] }
  | { readonly kind: 'l4proto'; readonly proto: 'esp' | 'udp' | 'tcp' }
  /** `meta ipsec` (arrived through an SA) or `rt ipsec` (will leave through one). */
  | { readonly kind: 'ipsec'; readonly where: 'meta' | 'rt'; readonly present: boolean }
  | { readonly kind: 'tcpSyn' }
  | { readonly kind: 'iface'; readonly field: 'iifname' | 'oifname'; readonly name: string }
  /** `tcp dport a-b` (issue 11 forwards of a port range). */
  | { readonly kind: 'portRange'; readonly proto: 'udp' | 'tcp'; readonly field: 'sport' | 'dport'; readonly from: number; readonly to: number }
  /** `ct state …` / `ct status dnat`. */
  | { readonly kind: 'ct'; readonly key: 'state'; readonly values: readonly ('new' | 'established' | 'related')[] }
  | { readonly kind: 'ct'; readonly key: 'status'; readonly values: readonly 'dnat'[] }
  /** `meta nfproto ipv4`: IPv4 only, in an inet table. */
  | { readonly kind: 'nfproto'; readonly family: 'ipv4' };

export type NftStatement =
  | { readonly kind: 'verdict'; readonly verdict: 'accept' | 'drop' }
  | { readonly kind: 'setMss'; readonly size: number }
  /** `tcp option maxseg size set rt mtu`: clamp to the route's MTU. */
  | { readonly kind: 'clampPmtu' }
  | { readonly kind: 'dnat'; readonly family: 'ip'; readonly to: string; readonly port?: number }
  | { readonly kind: 'snat'; readonly family: 'ip'; readonly to: string }
  | { readonly kind: 'masquerade' };

export interface NftRule {
  readonly matches: readonly NftMatch[];
  readonly statement: NftStatement;
}

export interface NftChain {
  readonly name: string;
  readonly type: 'filter' | 'nat';
  readonly hook: 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
  readonly priority: number;
  readonly policy: 'accept' | 'drop';
  readonly rules: readonly NftRule[];
}

export interface NftTable {
  readonly family: 'inet' | 'ip' | 'ip6';
  readonly name: string;
  readonly chains: readonly NftChain[];
}

const D = 'nft';
const NAME = /^[a-z][a-z0-9_]{0,63}$/;

function address(family: 'ip' | 'ip6', value: string): string {
  if (!(family === 'ip' ? isIpv4Token(value) : isIpv6Token(value))) fail(D, `${family} address`, value);
  return value;
}

const set = (items: readonly string[]): string => {
  if (items.length === 0) fail(D, 'empty set', items);
  return items.length === 1 ? items[0]! : `{ ${items.join(', ')} }`;
};

const port = (value: number): string => (isPort(value) ? String(value) : fail(D, 'port', value));

function matchText(match: NftMatch): string {
  switch (match.kind) {
    case 'addr':
      return `${match.family} ${match.field} ${match.negate ? '!= ' : ''}${set(match.values.map((value) => address(match.family, value)))}`;
    case 'port':
      return `${match.proto} ${match.field} ${set(match.values.map(port))}`;
    case 'l4proto':
      return `meta l4proto ${match.proto}`;
    case 'ipsec':
      return `${match.where} ipsec ${match.present ? 'exists' : 'missing'}`;
    case 'tcpSyn':
      return 'tcp flags & (syn | rst) == syn';
    case 'iface':
      if (!isInterfaceName(match.name)) fail(D, 'interface', match.name);
      return `${match.field} "${match.name}"`;
    case 'portRange':
      if (!(match.from < match.to)) fail(D, 'port range', `${match.from}-${match.to}`);
      return `${match.proto} ${match.field} ${port(match.from)}-${port(match.to)}`;
    case 'ct':
      if (match.values.length === 0) fail(D, 'ct values', match.values);
      return `ct ${match.key} ${match.values.join(',')}`;
    case 'nfproto':
      return `meta nfproto ${match.family}`;
  }
}

function statementText(statement: NftStatement): string {
  switch (statement.kind) {
    case 'verdict':
      return statement.verdict;
    case 'setMss':
      if (!Number.isInteger(statement.size) || statement.size < 536 || statement.size > 65495) fail(D, 'MSS', statement.size);
      return `tcp option maxseg size set ${statement.size}`;
    case 'clampPmtu':
      return 'tcp option maxseg size set rt mtu';
    case 'dnat':
      return `dnat ${statement.family} to ${address('ip', statement.to)}${statement.port === undefined ? '' : `:${port(statement.port)}`}`;
    case 'snat':
      return `snat ${statement.family} to ${address('ip', statement.to)}`;
    case 'masquerade':
      return 'masquerade';
  }
}

/** One rule as nft writes it; also used for the hints in comments. */
export function nftRuleText(rule: NftRule): string {
  return [...rule.matches.map(matchText), statementText(rule.statement)].join(' ');
}

export function serializeNft(table: NftTable, preamble: readonly string[]): string {
  if (!NAME.test(table.name)) fail(D, 'table name', table.name);
  const lines = preamble.map((text) => `# ${commentText(D, text)}`.trimEnd());
  lines.push(`table ${table.family} ${table.name} {`);
  for (const chain of table.chains) {
    if (!NAME.test(chain.name)) fail(D, 'chain name', chain.name);
    if (!Number.isInteger(chain.priority) || Math.abs(chain.priority) > 1000) fail(D, 'priority', chain.priority);
    lines.push(`  chain ${chain.name} {`, `    type ${chain.type} hook ${chain.hook} priority ${chain.priority}; policy ${chain.policy};`);
    lines.push(...chain.rules.map((rule) => `    ${nftRuleText(rule)}`));
    lines.push('  }');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
