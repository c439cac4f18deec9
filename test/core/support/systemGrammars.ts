import ipaddr from 'ipaddr.js';
import { shellLineViolation, shellScriptViolations } from './shellGrammar';

/**
 * Grammars of the VPS system files, written from the tools' manuals (nft(8), iptables(8) and
 * iptables-extensions(8), iptables-restore(8), ufw(8), firewalld.richlanguage(5), ifcfg and
 * route-<nic> of the initscripts, netplan(5), interfaces(5), sh(1p)) independently of the
 * serializers in src/core/render/system. Each checker returns the lines that do not conform.
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const ipv4 = (word: string, cidr: 'maybe' | 'yes' | 'no' = 'maybe'): boolean => {
  const [address, prefix, ...rest] = word.split('/');
  if (rest.length > 0 || !IPV4.test(address!)) return false;
  if (prefix === undefined) return cidr !== 'yes';
  return cidr !== 'no' && /^(3[0-2]|[12]?\d)$/.test(prefix);
};
export const ipv6 = (word: string, cidr: 'maybe' | 'no' = 'maybe'): boolean => {
  const [address, prefix, ...rest] = word.split('/');
  if (rest.length > 0 || !ipaddr.IPv6.isValid(address!) || ipaddr.IPv6.parse(address!).toString() !== address) return false;
  return prefix === undefined || (cidr === 'maybe' && /^(12[0-8]|1[01]\d|[1-9]?\d)$/.test(prefix));
};
export const port = (word: string): boolean => /^[1-9]\d{0,4}$/.test(word) && Number(word) <= 65535;
export const ifname = (word: string): boolean => /^[A-Za-z0-9_.-]{1,15}$/.test(word);
const COMMENT = /^\s*#( [^\r\n]*)?$/;

const lines = (text: string) => text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined);

/* ---------------------------------------------------------------- nftables (nft(8)) */

/** A value or an anonymous set `{ a, b }`, each element checked. */
function nftValues(text: string, check: (word: string) => boolean): boolean {
  const set = /^\{ (.+) \}$/.exec(text);
  const items = set ? set[1]!.split(', ') : [text];
  return items.every(check);
}

const NFT_MATCHES: readonly [RegExp, (m: RegExpExecArray) => boolean][] = [
  [/^ip (saddr|daddr) (?:!= )?(\{ [^}]+ \}|\S+)/, (m) => nftValues(m[2]!, (w) => ipv4(w))],
  [/^ip6 (saddr|daddr) (?:!= )?(\{ [^}]+ \}|\S+)/, (m) => nftValues(m[2]!, (w) => ipv6(w))],
  [/^(udp|tcp) (dport|sport) (\{ [^}]+ \}|\S+)/, (m) => nftValues(m[3]!, port)],
  [/^meta l4proto (esp|udp|tcp)/, () => true],
  [/^(meta|rt) ipsec (exists|missing)/, () => true],
  [/^tcp flags & \(syn \| rst\) == syn/, () => true],
  [/^(iifname|oifname) "([^"]*)"/, (m) => ifname(m[2]!)],
];
const NFT_STATEMENTS: readonly [RegExp, (m: RegExpExecArray) => boolean][] = [
  [/^(accept|drop|masquerade)$/, () => true],
  [/^tcp option maxseg size set (\d+)$/, (m) => Number(m[1]) >= 536 && Number(m[1]) <= 65495],
  [/^tcp option maxseg size set rt mtu$/, () => true],
  [/^dnat ip to (\S+?)(?::(\d+))?$/, (m) => ipv4(m[1]!, 'no') && (m[2] === undefined || port(m[2]))],
  [/^snat ip to (\S+)$/, (m) => ipv4(m[1]!, 'no')],
];

export function nftRuleConforms(rule: string): boolean {
  let rest = rule;
  for (;;) {
    const statement = NFT_STATEMENTS.map(([re, ok]) => [re.exec(rest), ok] as const).find(([m]) => m);
    if (statement) return statement[1](statement[0]!);
    const match = NFT_MATCHES.map(([re, ok]) => [re.exec(rest), ok] as const).find(([m]) => m);
    if (!match || !match[1](match[0]!) || rest[match[0]![0].length] !== ' ') return false;
    rest = rest.slice(match[0]![0].length + 1);
  }
}

export function nftGrammarViolations(text: string): string[] {
  let depth = 0;
  const bad = lines(text).filter((line) => {
    if (COMMENT.test(line)) return false;
    if (depth === 0 && /^table (inet|ip|ip6) [a-z][a-z0-9_]* \{$/.test(line)) return !(depth = 1);
    if (depth === 1 && /^ {2}chain [a-z][a-z0-9_]* \{$/.test(line)) return !(depth = 2);
    if (depth === 2 && /^ {4}type (filter|nat) hook (prerouting|input|forward|output|postrouting) priority -?\d+; policy (accept|drop);$/.test(line)) {
      return false;
    }
    if (depth === 2 && line.startsWith('    ') && !line.startsWith('     ')) return !nftRuleConforms(line.slice(4));
    if (depth === 2 && line === '  }') return !(depth = 1);
    if (depth === 1 && line === '}') return !!(depth = 0);
    return true;
  });
  return depth === 0 ? bad : [...bad, 'unclosed block'];
}

/* ---------------------------------------------------------------- iptables-restore */

const IPT_OPTIONS: Readonly<Record<string, (args: readonly string[]) => number>> = {
  '-s': (a) => (ipv4(a[0]!) || ipv6(a[0]!) ? 1 : -1),
  '-d': (a) => (ipv4(a[0]!) || ipv6(a[0]!) ? 1 : -1),
  '-i': (a) => (ifname(a[0]!) ? 1 : -1),
  '-o': (a) => (ifname(a[0]!) ? 1 : -1),
  '-p': (a) => (['udp', 'tcp', 'esp'].includes(a[0]!) ? 1 : -1),
  '-m': (a) => (['udp', 'tcp', 'policy'].includes(a[0]!) ? 1 : -1),
  '--dport': (a) => (port(a[0]!) ? 1 : -1),
  '--dir': (a) => (['in', 'out'].includes(a[0]!) ? 1 : -1),
  '--pol': (a) => (a[0] === 'ipsec' ? 1 : -1),
  '--proto': (a) => (a[0] === 'esp' ? 1 : -1),
  '--tcp-flags': (a) => (a[0] === 'SYN,RST' && a[1] === 'SYN' ? 2 : -1),
  '-j': (a) => (/^[A-Za-z][A-Za-z0-9_-]{0,28}$/.test(a[0]!) ? 1 : -1),
  '--set-mss': (a) => (/^\d+$/.test(a[0]!) && Number(a[0]) >= 536 && Number(a[0]) <= 65495 ? 1 : -1),
  '--clamp-mss-to-pmtu': () => 0,
  '--to-destination': (a) =>
    /^(\S+?)(:\d+)?$/.test(a[0]!) && ipv4(a[0]!.split(':')[0]!, 'no') && (!a[0]!.includes(':') || port(a[0]!.split(':')[1]!)) ? 1 : -1,
  '--to-source': (a) => (ipv4(a[0]!, 'no') ? 1 : -1),
};

/** The words of one rule after the chain: options with their arguments, ending with `-j TARGET …`. */
export function iptablesArgsConform(words: readonly string[]): boolean {
  let i = 0;
  let target = false;
  while (i < words.length) {
    const option = IPT_OPTIONS[words[i]!];
    if (!option) return false;
    if (words[i] === '-j') target = true;
    const used = option(words.slice(i + 1).concat(['', '']));
    if (used < 0) return false;
    i += used + 1;
  }
  return target && i === words.length;
}

export function iptablesRestoreGrammarViolations(text: string): string[] {
  let table: string | undefined;
  const chains = new Set<string>();
  const BUILTIN = new Set(['INPUT', 'FORWARD', 'OUTPUT', 'PREROUTING', 'POSTROUTING']);
  const bad = lines(text).filter((line) => {
    if (/^#( [^\r\n]*)?$/.test(line)) return false;
    if (table === undefined) {
      const open = /^\*(filter|mangle|nat)$/.exec(line);
      if (open) {
        table = open[1];
        chains.clear();
      }
      return !open;
    }
    if (line === 'COMMIT') return !!(table = undefined);
    const declare = /^:([A-Za-z][A-Za-z0-9_-]{0,28}) (-|ACCEPT|DROP) \[0:0\]$/.exec(line);
    if (declare) return !chains.add(declare[1]!);
    const rule = /^(?:-A (\S+)|-I (\S+) [1-9]\d*) (.+)$/.exec(line);
    if (!rule) return true;
    const chain = rule[1] ?? rule[2]!;
    return !((BUILTIN.has(chain) || chains.has(chain)) && iptablesArgsConform(rule[3]!.split(' ')));
  });
  return table === undefined ? bad : [...bad, 'table without COMMIT'];
}

/* ---------------------------------------------------------------- NIC files */

/** ifcfg-<nic>: KEY="value" with nothing the sourcing shell would expand. */
export function ifcfgGrammarViolations(text: string): string[] {
  return lines(text).filter((line) => !/^[A-Z][A-Z0-9_]*="[A-Za-z0-9_.:/-]*"$/.test(line));
}

/** route-<nic>: `NETWORK via ADDRESS dev NIC` per line. */
export function routeFileGrammarViolations(text: string): string[] {
  return lines(text).filter((line) => {
    const m = /^(\S+) via (\S+) dev (\S+)$/.exec(line);
    return !(m && ipv4(m[1]!, 'yes') && ipv4(m[2]!, 'no') && ifname(m[3]!));
  });
}

/** netplan: the one shape we write (network/version/ethernets/<nic>/addresses/routes). */
export function netplanGrammarViolations(text: string): string[] {
  const forms: readonly [RegExp, (m: RegExpExecArray) => boolean][] = [
    [/^network:$/, () => true],
    [/^ {2}version: 2$/, () => true],
    [/^ {2}ethernets:$/, () => true],
    [/^ {4}([A-Za-z0-9_.-]+):$/, (m) => ifname(m[1]!)],
    [/^ {6}dhcp[46]: (true|false)$/, () => true],
    [/^ {6}addresses: \[([^\]]+)\]$/, (m) => m[1]!.split(', ').every((w) => ipv4(w, 'yes'))],
    [/^ {6}routes:$/, () => true],
    [/^ {8}- to: (\S+)$/, (m) => ipv4(m[1]!, 'yes')],
    [/^ {10}via: (\S+)$/, (m) => ipv4(m[1]!, 'no')],
  ];
  return lines(text).filter((line) => !COMMENT.test(line) && !forms.some(([re, ok]) => (re.exec(line) ? ok(re.exec(line)!) : false)));
}

/** interfaces(5) stanza: auto, iface … inet static, address, up/down hooks that are checked as sh. */
export function ifupdownGrammarViolations(text: string): string[] {
  return lines(text).filter((line) => {
    if (COMMENT.test(line)) return false;
    const m = /^(?:auto (\S+)|iface (\S+) inet (static|manual))$/.exec(line);
    if (m) return !ifname(m[1] ?? m[2]!);
    const address = /^ {4}address (\S+)$/.exec(line);
    if (address) return !ipv4(address[1]!, 'yes');
    const hook = /^ {4}(up|down|pre-up|post-down) (.+)$/.exec(line);
    return !(hook && shellLineViolation(hook[2]!) === undefined);
  });
}

/* ---------------------------------------------------------------- dispatch */

/** The grammar for a generated VPS system file, by its path and language; undefined for other files. */
export function systemGrammarFor(file: { readonly path: string; readonly language: string }): ((text: string) => string[]) | undefined {
  if (file.language === 'shell') return shellScriptViolations;
  if (file.language === 'nft') return nftGrammarViolations;
  if (file.language === 'iptables') return iptablesRestoreGrammarViolations;
  if (file.language === 'yaml' && file.path.startsWith('vps/etc/netplan/')) return netplanGrammarViolations;
  if (/^vps\/etc\/sysconfig\/network-scripts\/ifcfg-/.test(file.path)) return ifcfgGrammarViolations;
  if (/^vps\/etc\/sysconfig\/network-scripts\/route-/.test(file.path)) return routeFileGrammarViolations;
  if (file.path.startsWith('vps/etc/network/interfaces.d/')) return ifupdownGrammarViolations;
  return undefined;
}
