import { iptablesArgsConform, ipv4, ipv6, port } from './systemGrammars';

/**
 * A POSIX sh (sh(1p) §2.3 token recognition, §2.9 commands) reader for the lines our scripts are
 * made of: words (bare, '…', "…" with $VAR/${…}/$(…)), the operators ; && || | ( ) and
 * redirections. Every simple command must start with a program we mean to run, and the firewall
 * programs' arguments are checked against their own grammars (ufw(8), firewalld.richlanguage(5),
 * iptables(8)). A user value that escaped its quotes would show up as an unknown command, a stray
 * operator or a bad argument.
 */

interface Word {
  readonly kind: 'word';
  /** The word after quote removal, with expansions left as written. */
  readonly value: string;
}
interface Op {
  readonly kind: 'op';
  readonly op: string;
}
type Token = Word | Op;

const BARE = /[A-Za-z0-9_.:/=,+@%*[\]^-]/;
const OPS = ['2>&1', '&&', '||', '>>', '2>', ';', '|', '>', '<', '(', ')'];

class ShellLexError extends Error {}

/** `$(…)` from index `i` (at `$`): returns the index after the closing parenthesis. */
function commandSubstitution(line: string, i: number): [number, string] {
  let depth = 0;
  let j = i + 1;
  for (; j < line.length; j++) {
    const c = line[j]!;
    if (c === "'") j = line.indexOf("'", j + 1);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) break;
    if (j < 0) throw new ShellLexError('unterminated quote in $(…)');
  }
  if (j >= line.length) throw new ShellLexError('unterminated $(');
  const inner = line.slice(i + 2, j);
  const violation = shellLineViolation(inner);
  if (violation) throw new ShellLexError(`in $(…): ${violation}`);
  return [j + 1, line.slice(i, j + 1)];
}

/** `$NAME`, `$?`, `$0`, `${…}` or `$(…)` at index `i`. */
function expansion(line: string, i: number): [number, string] {
  if (line[i + 1] === '(') return commandSubstitution(line, i);
  const m = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[?0#]|\{[A-Za-z_][A-Za-z0-9_]*(?:#[^}'"`$]*)?\})/.exec(line.slice(i));
  if (!m) throw new ShellLexError(`bad expansion at ${JSON.stringify(line.slice(i, i + 8))}`);
  return [i + m[0].length, m[0]];
}

export function lexShell(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    const op = OPS.find((candidate) => line.startsWith(candidate, i));
    if (op) {
      tokens.push({ kind: 'op', op });
      i += op.length;
      continue;
    }
    let value = '';
    while (i < line.length && line[i] !== ' ' && !OPS.some((candidate) => line.startsWith(candidate, i) && !(candidate === '2>' && value !== ''))) {
      const ch = line[i]!;
      if (ch === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new ShellLexError('unterminated single quote');
        value += line.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        i++;
        for (;;) {
          if (i >= line.length) throw new ShellLexError('unterminated double quote');
          const inner = line[i]!;
          if (inner === '"') break;
          if (inner === '`') throw new ShellLexError('backquote');
          if (inner === '\\') {
            value += line.slice(i, i + 2);
            i += 2;
          } else if (inner === '$') {
            const [next, text] = expansion(line, i);
            value += text;
            i = next;
          } else {
            value += inner;
            i++;
          }
        }
        i++;
      } else if (ch === '\\' && i + 1 < line.length) {
        // A backslash quotes the next character (the '\\'' inside single-quoted words).
        value += line[i + 1];
        i += 2;
      } else if (ch === '$') {
        const [next, text] = expansion(line, i);
        value += text;
        i = next;
      } else if (BARE.test(ch) || (ch === '{' && value === '') || (ch === '}' && value === '') || (ch === '!' && value === '')) {
        value += ch;
        i++;
      } else {
        throw new ShellLexError(`unquoted ${JSON.stringify(ch)}`);
      }
    }
    tokens.push({ kind: 'word', value });
  }
  return tokens;
}

const PROGRAMS = new Set([
  ...['echo', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'install', 'grep', 'sed', 'find', 'date', 'dirname', 'cd', 'set', 'exit', 'read', 'true', 'false', 'arch', '['],
  ...['sysctl', 'ip', 'ping', 'ifup', 'ifdown', 'nmcli', 'netplan', 'systemctl', 'service', 'chkconfig'],
  ...['nft', 'iptables', 'ip6tables', 'iptables-restore', 'ip6tables-restore', 'ufw', 'firewall-cmd'],
  ...['ipsec', 'swanctl', 'apt-get', 'yum', 'dnf', 'subscription-manager', 'rpm'],
]);

/** ufw(8): [route] allow|deny [in on IF] [out on IF] [proto P] from A to B [port N[,N]]. */
export function ufwArgsConform(args: readonly string[]): boolean {
  const text = (args[0] === 'delete' ? args.slice(1) : args).join(' ');
  const m = /^(?:route )?(?:allow|deny)(?: in on \S+)?(?: out on \S+)?(?: proto (?:udp|tcp|esp))? from (\S+) to (\S+)(?: port ((?:\d+,)*\d+))?$/.exec(text);
  if (m) return [m[1]!, m[2]!].every((a) => a === 'any' || ipv4(a) || ipv6(a)) && (m[3] === undefined || m[3].split(',').every(port));
  return ['reload', 'status verbose'].includes(text);
}

/** firewalld.richlanguage(5), the forms we use. */
function richRuleConforms(rule: string): boolean {
  const m =
    /^rule family="(ipv4|ipv6)"(?: source address="([^"]+)")?(?: destination address="([^"]+)")? (?:service name="(?:ipsec|ssh)" (?:accept|drop)|port port="(\d+)" protocol="(?:tcp|udp)" (?:accept|drop)|forward-port port="(\d+)" protocol="(?:tcp|udp)" to-port="(\d+)" to-addr="([^"]+)"|masquerade)$/.exec(
      rule,
    );
  if (!m) return false;
  const address = m[1] === 'ipv4' ? (a: string) => ipv4(a) : (a: string) => ipv6(a);
  return [m[2], m[3], m[7]].every((a) => a === undefined || address(a)) && [m[4], m[5], m[6]].every((p) => p === undefined || port(p));
}

export function firewallCmdArgsConform(args: readonly string[]): boolean {
  const rest = args[0] === '--permanent' ? args.slice(1) : args;
  if (rest.length === 1 && /^--(reload|list-rich-rules)$/.test(rest[0]!)) return true;
  const one = /^--(add|remove)-(rich-rule|source)=(.*)$/.exec(rest[rest.length - 1]!);
  if (one && (rest.length === 1 || (rest.length === 2 && rest[0] === '--zone=trusted'))) {
    return one[2] === 'rich-rule' ? richRuleConforms(one[3]!) : ipv4(one[3]!, 'yes');
  }
  if (rest.join(' ') === '--zone=trusted --list-sources') return true;
  if (rest[0] === '--direct' && /^--(add|remove)-rule$/.test(rest[1]!)) {
    return (
      /^ipv[46]$/.test(rest[2]!) &&
      /^(filter|mangle|nat)$/.test(rest[3]!) &&
      /^[A-Z]+$/.test(rest[4]!) &&
      /^\d+$/.test(rest[5]!) &&
      iptablesArgsConform(rest.slice(6))
    );
  }
  return false;
}

const RESERVED_PREFIX = new Set(['do', 'then', 'else', 'elif', 'if', 'while', '!', '{']);

/** Returns why one simple command is wrong, or undefined. */
function simpleCommandViolation(tokens: readonly Token[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'op') {
      if (token.op === '2>&1') continue;
      const target = tokens[++i];
      if (!target || target.kind !== 'word') return `redirection without a file`;
      continue;
    }
    words.push(token.value);
  }
  while (words.length > 0 && RESERVED_PREFIX.has(words[0]!)) words.shift();
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words.shift();
  if (words.length === 0 || (words.length === 1 && ['done', 'fi', '}'].includes(words[0]!))) return undefined;
  if (words[0] === 'for') return /^[A-Za-z_]\w*$/.test(words[1] ?? '') && words[2] === 'in' ? undefined : 'bad for';
  if (words[0] === 'timeout')
    return /^\d+$/.test(words[1] ?? '') ? simpleCommandViolation(words.slice(2).map((value) => ({ kind: 'word', value }))) : 'bad timeout';
  if (!PROGRAMS.has(words[0]!)) return `unknown command ${JSON.stringify(words[0])}`;
  if (words[0] === 'ufw' && !ufwArgsConform(words.slice(1))) return `bad ufw arguments ${JSON.stringify(words.slice(1))}`;
  if (words[0] === 'firewall-cmd' && !firewallCmdArgsConform(words.slice(1))) return `bad firewall-cmd arguments ${JSON.stringify(words.slice(1))}`;
  return undefined;
}

export function shellLineViolation(line: string): string | undefined {
  let tokens: Token[];
  try {
    tokens = lexShell(line);
  } catch (error) {
    return (error as Error).message;
  }
  const commands: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'op' && [';', '&&', '||', '|', '(', ')'].includes(token.op)) commands.push([]);
    else commands[commands.length - 1]!.push(token);
  }
  for (const command of commands) {
    const violation = simpleCommandViolation(command);
    if (violation) return violation;
  }
  return undefined;
}

/** Every line of a generated script: the shebang, comments, blank lines, or commands that conform. */
export function shellScriptViolations(text: string): string[] {
  const all = text.split('\n');
  if (all[0] !== '#!/bin/sh') return ['no #!/bin/sh'];
  return all.slice(1).flatMap((line) => {
    if (line === '' || /^# [^\r\n]*$/.test(line)) return [];
    const violation = shellLineViolation(line);
    return violation ? [`${violation}: ${line}`] : [];
  });
}
