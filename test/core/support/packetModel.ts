import ipaddr from 'ipaddr.js';
import { lexShell } from './shellGrammar';

/**
 * A small packet model of the generated firewall, read back from the generated TEXT (the nft
 * file, the iptables-restore files, the ufw and firewall-cmd commands in apply.sh), independently
 * of the builders. `verdict` says what OUR rules do with a packet: 'accept', 'drop', or 'pass'
 * (our rules do not decide; the host's own policy does).
 */
export interface Packet {
  readonly hook: 'input' | 'forward';
  readonly family: 4 | 6;
  readonly src: string;
  readonly dst: string;
  readonly proto: 'udp' | 'tcp' | 'esp';
  readonly dport?: number;
  /** Arrived through an IPsec SA (decrypted). */
  readonly ipsecIn?: boolean;
  /** Leaves through an IPsec SA (will be encrypted). */
  readonly ipsecOut?: boolean;
}

export type Verdict = 'accept' | 'drop' | 'pass';
export type Firewall = (packet: Packet) => Verdict;

function inNet(address: string, net: string): boolean {
  const parsed = ipaddr.parse(address);
  const [base, bits] = net.includes('/') ? ipaddr.parseCIDR(net) : [ipaddr.parse(net), parsed.kind() === 'ipv4' ? 32 : 128];
  return parsed.kind() === base.kind() && parsed.match(base, bits);
}

/* ----------------------------------------------------------------------------- nft */

type Test = (packet: Packet) => boolean;

const setOf = (text: string) => (text.startsWith('{') ? text.slice(2, -2).split(', ') : [text]);

const NFT_EXPRESSIONS: readonly [RegExp, (m: RegExpExecArray) => Test][] = [
  [
    /^(ip6?) (saddr|daddr) (?:(!=|==) )?(\{ [^}]+ \}|\S+)/,
    (m) => (p) => {
      if (p.family !== (m[1] === 'ip' ? 4 : 6)) return false;
      const hit = setOf(m[4]!).some((net) => inNet(m[2] === 'saddr' ? p.src : p.dst, net));
      return m[3] === '!=' ? !hit : hit;
    },
  ],
  [
    /^(udp|tcp) dport (\{ [^}]+ \}|\S+)/,
    (m) => (p) =>
      p.proto === m[1] &&
      setOf(m[2]!)
        .map(Number)
        .includes(p.dport ?? -1),
  ],
  [/^meta l4proto (\S+)/, (m) => (p) => p.proto === m[1]],
  [/^meta ipsec (exists|missing)/, (m) => (p) => Boolean(p.ipsecIn) === (m[1] === 'exists')],
  [/^rt ipsec (exists|missing)/, (m) => (p) => Boolean(p.ipsecOut) === (m[1] === 'exists')],
  [/^tcp flags & \(syn \| rst\) == syn/, () => (p) => p.proto === 'tcp'],
];

function nftRule(text: string): { test: Test; verdict: Verdict | undefined } {
  const tests: Test[] = [];
  let rest = text;
  for (;;) {
    if (/^(accept|drop)$/.test(rest)) return { test: (p) => tests.every((t) => t(p)), verdict: rest as Verdict };
    if (/^tcp option maxseg size set /.test(rest)) return { test: () => false, verdict: undefined };
    const hit = NFT_EXPRESSIONS.map(([re, make]) => [re.exec(rest), make] as const).find(([m]) => m);
    if (!hit) throw new Error(`packet model: unknown nft expression in ${JSON.stringify(text)}`);
    tests.push(hit[1](hit[0]!));
    rest = rest.slice(hit[0]![0].length).trimStart();
  }
}

/** Every base chain of the hook must let the packet through; our chains' policies decide when no rule does. */
export function nftFirewall(text: string): Firewall {
  const chains: { hook: string; policy: Verdict; rules: ReturnType<typeof nftRule>[] }[] = [];
  for (const line of text.split('\n')) {
    const head = /^ {4}type filter hook (\w+) priority -?\d+; policy (accept|drop);$/.exec(line);
    if (head) chains.push({ hook: head[1]!, policy: head[2] as Verdict, rules: [] });
    else if (/^ {4}\S/.test(line)) chains[chains.length - 1]!.rules.push(nftRule(line.trim()));
  }
  return (p) => {
    const mine = chains.filter((chain) => chain.hook === p.hook);
    if (mine.length === 0) return 'pass';
    for (const chain of mine) {
      const rule = chain.rules.find((r) => r.verdict && r.test(p));
      if ((rule ? rule.verdict : chain.policy) === 'drop') return 'drop';
    }
    return 'accept';
  };
}

/* -------------------------------------------------------------- iptables-restore */

function iptRule(words: readonly string[]): { test: Test; target: string } {
  const tests: Test[] = [];
  let target = '';
  for (let i = 0; i < words.length; i++) {
    const [option, value] = [words[i]!, words[i + 1]!];
    if (option === '-s') tests.push((p) => inNet(p.src, value));
    else if (option === '-d') tests.push((p) => inNet(p.dst, value));
    else if (option === '-p') tests.push((p) => p.proto === value);
    else if (option === '--dport') tests.push((p) => p.dport === Number(value));
    else if (option === '--dir') tests.push(value === 'in' ? (p) => Boolean(p.ipsecIn) : (p) => Boolean(p.ipsecOut));
    else if (option === '-j') target = value;
    else continue;
    i++;
  }
  return { test: (p) => tests.every((t) => t(p)), target };
}

/** The filter tables of iptables-restore texts (one per family); a base chain's end is 'pass'. */
export function iptablesFirewall(texts: { readonly [family in 4 | 6]?: string }): Firewall {
  const tables = new Map<4 | 6, Map<string, ReturnType<typeof iptRule>[]>>();
  for (const family of [4, 6] as const) {
    const chains = new Map<string, ReturnType<typeof iptRule>[]>();
    let table = '';
    for (const line of (texts[family] ?? '').split('\n')) {
      if (line.startsWith('*')) table = line.slice(1);
      const rule = /^-([AI]) (\S+)(?: \d+)?(?: (.*))?$/.exec(line);
      if (!rule || table !== 'filter') continue;
      const list = chains.get(rule[2]!) ?? [];
      const parsed = iptRule((rule[3] ?? '').split(' '));
      // `-I CHAIN 1` in file order: each later insert goes in front of the earlier ones.
      if (rule[1] === 'I') list.unshift(parsed);
      else list.push(parsed);
      chains.set(rule[2]!, list);
    }
    tables.set(family, chains);
  }
  const walk = (chains: Map<string, ReturnType<typeof iptRule>[]>, chain: string, p: Packet, depth: number): Verdict => {
    for (const rule of chains.get(chain) ?? []) {
      if (!rule.test(p)) continue;
      if (rule.target === 'ACCEPT' || rule.target === 'DROP') return rule.target === 'ACCEPT' ? 'accept' : 'drop';
      if (depth < 8 && chains.has(rule.target)) {
        const verdict = walk(chains, rule.target, p, depth + 1);
        if (verdict !== 'pass') return verdict;
      }
    }
    return 'pass';
  };
  return (p) => walk(tables.get(p.family)!, p.hook === 'input' ? 'INPUT' : 'FORWARD', p, 0);
}

/* ------------------------------------------------------------------- ufw, firewalld */

const words = (line: string) => lexShell(line).flatMap((token) => (token.kind === 'word' ? [token.value] : []));

/** `ufw [route] allow [proto P] from A to B [port N,M]` commands of apply.sh (not the `delete` ones). */
export function ufwFirewall(applyScript: string): Firewall {
  const rules = applyScript
    .split('\n')
    .filter((line) => line.startsWith('ufw ') && !line.startsWith('ufw delete') && line !== 'ufw reload')
    .map((line) => {
      const w = words(line).slice(1);
      const route = w[0] === 'route';
      const field = (name: string) => (w.includes(name) ? w[w.indexOf(name) + 1] : undefined);
      const [proto, from, to, ports] = [field('proto'), field('from')!, field('to')!, field('port')];
      const action = w[route ? 1 : 0];
      return {
        verdict: (action === 'allow' ? 'accept' : 'drop') as Verdict,
        test: (p: Packet) =>
          (route ? p.hook === 'forward' : p.hook === 'input') &&
          (proto === undefined || p.proto === proto) &&
          (from === 'any' || inNet(p.src, from)) &&
          (to === 'any' || inNet(p.dst, to)) &&
          (ports === undefined ||
            ports
              .split(',')
              .map(Number)
              .includes(p.dport ?? -1)),
      };
    });
  return (p) => rules.find((rule) => rule.test(p))?.verdict ?? 'pass';
}

/** firewalld.service `ipsec`: esp, ah, udp/500, udp/4500 (firewalld's services/ipsec.xml). */
const IPSEC_SERVICE: Test = (p) => p.proto === 'esp' || (p.proto === 'udp' && (p.dport === 500 || p.dport === 4500));

/** Rich rules and trusted-zone sources added by apply.sh's firewall-cmd commands. */
export function firewalldFirewall(applyScript: string): Firewall {
  const rules: Test[] = [];
  for (const line of applyScript.split('\n').filter((l) => l.startsWith('firewall-cmd '))) {
    for (const word of words(line)) {
      const rich = /^--add-rich-rule=rule family="ipv([46])" source address="([^"]+)" destination address="([^"]+)" service name="ipsec" accept$/.exec(word);
      if (rich) rules.push((p) => p.family === Number(rich[1]) && inNet(p.src, rich[2]!) && inNet(p.dst, rich[3]!) && IPSEC_SERVICE(p));
      const source = /^--add-source=(\S+)$/.exec(word);
      // A source in the trusted zone (target ACCEPT): everything from it is accepted, input and forward.
      if (source) rules.push((p) => p.family === 4 && inNet(p.src, source[1]!));
    }
  }
  return (p) => (rules.some((test) => test(p)) ? 'accept' : 'pass');
}
