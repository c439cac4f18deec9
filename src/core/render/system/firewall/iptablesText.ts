import { commentText, fail, isInterfaceName, isIpv4Token, isIpv6Token, isPort } from '../tokens';

/**
 * iptables rules as data (iptables(8), iptables-extensions(8)). `iptablesArgs` turns one rule into
 * its argument words (also what firewalld's `--direct` rules take); `serializeIptablesRestore`
 * writes iptables-restore(8) input. Both refuse any token that is not one word of the grammar.
 */
export type IptMatch =
  | { readonly kind: 'src' | 'dst'; readonly net: string }
  | { readonly kind: 'iface'; readonly dir: 'in' | 'out'; readonly name: string }
  /** `-p udp`; with `module`, also `-m udp` (needed before --dport in iptables-restore input). */
  | { readonly kind: 'proto'; readonly proto: 'udp' | 'tcp' | 'esp'; readonly module?: boolean }
  | { readonly kind: 'dport'; readonly port: number }
  | { readonly kind: 'policy'; readonly dir: 'in' | 'out' }
  | { readonly kind: 'tcpSyn' }
  /** `--dport a:b` (issue 11 forwards of a port range). */
  | { readonly kind: 'dportRange'; readonly from: number; readonly to: number }
  /** `-m conntrack --ctstate …`: DNAT marks a connection whose destination was rewritten. */
  | { readonly kind: 'ctstate'; readonly states: readonly ('NEW' | 'ESTABLISHED' | 'RELATED' | 'DNAT')[] };

export type IptTarget =
  | { readonly kind: 'ACCEPT' | 'DROP' | 'RETURN' | 'MASQUERADE' }
  | { readonly kind: 'jump'; readonly chain: string }
  | { readonly kind: 'setMss'; readonly size: number }
  | { readonly kind: 'clampPmtu' }
  | { readonly kind: 'DNAT'; readonly to: string; readonly port?: number }
  | { readonly kind: 'SNAT'; readonly to: string };

export interface IptRule {
  readonly chain: string;
  /** `-I chain N` instead of `-A chain`. */
  readonly insert?: number;
  readonly matches: readonly IptMatch[];
  readonly target: IptTarget;
}

export type IptItem =
  | { readonly kind: 'comment'; readonly text: string }
  | {
      readonly kind: 'table';
      readonly table: 'filter' | 'mangle' | 'nat';
      /** `:NAME POLICY [0:0]`; user chains have the policy `-`. */
      readonly chains: readonly { readonly name: string; readonly policy: '-' | 'ACCEPT' | 'DROP' }[];
      readonly rules: readonly IptRule[];
    };

const D = 'iptables';
const CHAIN = /^[A-Za-z][A-Za-z0-9_-]{0,28}$/;

const chain = (name: string): string => (CHAIN.test(name) ? name : fail(D, 'chain', name));
const port = (value: number): string => (isPort(value) ? String(value) : fail(D, 'port', value));
const net = (value: string): string => (isIpv4Token(value) || isIpv6Token(value) ? value : fail(D, 'address', value));
const ipv4 = (value: string): string => (isIpv4Token(value) && !value.includes('/') ? value : fail(D, 'IPv4 address', value));

function matchArgs(match: IptMatch): string[] {
  switch (match.kind) {
    case 'src':
      return ['-s', net(match.net)];
    case 'dst':
      return ['-d', net(match.net)];
    case 'iface':
      if (!isInterfaceName(match.name)) fail(D, 'interface', match.name);
      return [match.dir === 'in' ? '-i' : '-o', match.name];
    case 'proto':
      return match.module ? ['-p', match.proto, '-m', match.proto] : ['-p', match.proto];
    case 'dport':
      return ['--dport', port(match.port)];
    case 'policy':
      return ['-m', 'policy', '--dir', match.dir, '--pol', 'ipsec', '--proto', 'esp'];
    case 'tcpSyn':
      return ['--tcp-flags', 'SYN,RST', 'SYN'];
    case 'dportRange':
      if (!(match.from < match.to)) fail(D, 'port range', `${match.from}:${match.to}`);
      return ['--dport', `${port(match.from)}:${port(match.to)}`];
    case 'ctstate':
      if (match.states.length === 0) fail(D, 'ctstate', match.states);
      return ['-m', 'conntrack', '--ctstate', match.states.join(',')];
  }
}

function targetArgs(target: IptTarget): string[] {
  switch (target.kind) {
    case 'jump':
      return ['-j', chain(target.chain)];
    case 'setMss':
      if (!Number.isInteger(target.size) || target.size < 536 || target.size > 65495) fail(D, 'MSS', target.size);
      return ['-j', 'TCPMSS', '--set-mss', String(target.size)];
    case 'clampPmtu':
      return ['-j', 'TCPMSS', '--clamp-mss-to-pmtu'];
    case 'DNAT':
      return ['-j', 'DNAT', '--to-destination', `${ipv4(target.to)}${target.port === undefined ? '' : `:${port(target.port)}`}`];
    case 'SNAT':
      return ['-j', 'SNAT', '--to-source', ipv4(target.to)];
    default:
      return ['-j', target.kind];
  }
}

/** The words after `-A chain` / `-I chain N`: matches in the given order, then the target. */
export function iptablesArgs(matches: readonly IptMatch[], target: IptTarget): string[] {
  return [...matches.flatMap(matchArgs), ...targetArgs(target)];
}

export function iptablesRuleText(rule: IptRule): string {
  const head = rule.insert === undefined ? ['-A', chain(rule.chain)] : ['-I', chain(rule.chain), String(rule.insert)];
  if (rule.insert !== undefined && !(Number.isInteger(rule.insert) && rule.insert >= 1)) fail(D, 'position', rule.insert);
  return [...head, ...iptablesArgs(rule.matches, rule.target)].join(' ');
}

export function serializeIptablesRestore(items: readonly IptItem[]): string {
  const lines = items.flatMap((item) => {
    if (item.kind === 'comment') return [`# ${commentText(D, item.text)}`];
    return [`*${item.table}`, ...item.chains.map((c) => `:${chain(c.name)} ${c.policy} [0:0]`), ...item.rules.map(iptablesRuleText), 'COMMIT'];
  });
  return `${lines.join('\n')}\n`;
}
