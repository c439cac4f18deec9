import ipaddr from 'ipaddr.js';
import { parseIpv4Interface } from '../../../src/core/net/ipv4';

/**
 * Grammars of every line we emit, written from the reference (rtx-commands.md §1–§4 for argument
 * types and ranges; linux-ipsec.md for libreswan/swanctl keys), independently of the builders.
 * Each checker returns the lines that do not conform.
 */

type TokenCheck = (word: string) => boolean;

const int =
  (min: number, max: number): TokenCheck =>
  (word) =>
    /^\d+$/.test(word) && Number(word) >= min && Number(word) <= max;
const oneOf =
  (...values: string[]): TokenCheck =>
  (word) =>
    values.includes(word);
const ipv6: TokenCheck = (word) => ipaddr.IPv6.isValid(word) && ipaddr.IPv6.parse(word).toString() === word;
const ipv4Host: TokenCheck = (word) => parseIpv4Interface(word) !== undefined;
const ipv4Net: TokenCheck = (word) => {
  const parsed = parseIpv4Interface(word);
  if (!parsed) return false;
  const mask = parsed.prefix === 0 ? 0 : (0xffffffff << (32 - parsed.prefix)) >>> 0;
  return (parsed.address & mask) >>> 0 === parsed.address;
};
/** `ip filter` address: a host or a network (rtx-commands.md §1.2). */
const ipv4HostOrNet: TokenCheck = (word) => ipv4Net(word.includes('/') ? word : `${word}/32`);
/** `ip filter` port: a number or a range `a-b` (§1.2). */
const portOrRange: TokenCheck = (word) => {
  const match = /^(\d+)(?:-(\d+))?$/.exec(word);
  return !!match && int(1, 65535)(match[1]!) && (match[2] === undefined || (int(1, 65535)(match[2]) && Number(match[2]) > Number(match[1])));
};
const optionalHide = (...parts: (string | TokenCheck | { repeat: TokenCheck; min: number })[]) => [F(...parts), F(...parts, 'hide')];
const lanIf: TokenCheck = (word) => /^(lan|onu)[1-9]$/.test(word);
const filter = int(1, 21474836);
const gw = int(1, 3000);
/** An FQDN as the plan allows it (RFC 1123 labels, ≥ 2 labels, non-numeric TLD). */
const fqdn: TokenCheck = (word) =>
  word.length <= 253 && /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(word) && !/\.\d+$/.test(word);
/** NetVolante host label (CR §34.6: letters, digits, hyphen, ≤ 63). */
const netvolanteHost: TokenCheck = (word) => /^[a-z0-9-]{1,63}$/.test(word);
const psk: TokenCheck = (word) => /^[\x21-\x7e]{1,128}$/.test(word) && !/[?#|>\\'"]/.test(word);
const description: TokenCheck = (word) => /^[\x20-\x7e]{1,64}$/.test(word) && !/[?#|>\\'"]/.test(word);
const enc = oneOf('3des-cbc', 'des-cbc', 'aes-cbc', 'aes256-cbc');
const hmac = oneOf('md5-hmac', 'sha-hmac', 'sha256-hmac', 'sha384-hmac', 'sha512-hmac');
const lit =
  (text: string): TokenCheck =>
  (word) =>
    word === text;

type Form = readonly (TokenCheck | { readonly repeat: TokenCheck; readonly min: number })[];

const F = (...parts: (string | TokenCheck | { repeat: TokenCheck; min: number })[]): Form => parts.map((part) => (typeof part === 'string' ? lit(part) : part));

const RTX_FORMS: readonly Form[] = [
  F('ip', 'route', 'default', 'gateway', 'tunnel', gw, 'gateway', 'pp', int(1, 150), 'filter', filter, filter, filter, filter),
  F('ip', 'route', ipv4Net, 'gateway', 'tunnel', gw),
  // Failover (issue 12, §1.1 / CR §8.1.7): the primary while its tunnel is up, backups on standby.
  F('ip', 'route', ipv4Net, 'gateway', 'tunnel', gw, 'hide', {
    repeat: (word: string) => word === 'gateway' || word === 'tunnel' || word === 'weight' || gw(word) || word === '0',
    min: 5,
  }),
  // NetVolante DNS on the WAN interface (CR §34.1, §34.6) and its rollback.
  F('netvolante-dns', 'use', lanIf, 'auto'),
  F('netvolante-dns', 'hostname', 'host', lanIf, netvolanteHost, 'ipv6', 'address'),
  F('no', 'netvolante-dns', 'hostname', 'host', lanIf),
  F('ipsec', 'ike', 'local', 'name', gw, fqdn, 'fqdn'),
  F('ipv6', 'filter', filter, 'pass', ipv6, '*', 'esp', '*', '*'),
  F('ipv6', 'filter', filter, 'pass', ipv6, '*', 'udp', '*', int(1, 65535)),
  // Filter-type routes into the IPsec tunnel (issue 11: forwards' replies, egress), §1.1.
  ...optionalHide('ip', 'route', 'default', 'gateway', oneOf('tunnel', 'pp'), gw, 'gateway', 'tunnel', gw, 'filter', { repeat: filter, min: 1 }),
  ...optionalHide(
    'ip',
    'route',
    'default',
    'gateway',
    'tunnel',
    gw,
    'gateway',
    'pp',
    int(1, 150),
    'filter',
    filter,
    filter,
    filter,
    filter,
    'gateway',
    'tunnel',
    gw,
    'filter',
    {
      repeat: filter,
      min: 1,
    },
  ),
  F('ip', 'route', 'default', 'gateway', 'tunnel', gw, 'filter', { repeat: filter, min: 1 }),
  F('ip', 'filter', filter, 'pass', ipv4HostOrNet, '*', oneOf('tcp', 'udp'), portOrRange, '*'),
  F('ip', 'filter', filter, 'pass', ipv4HostOrNet, '*'),
  F('ip', 'route', 'default', 'gateway', oneOf('tunnel', 'pp'), gw),
  F('no', 'ip', 'route', 'default'),
  F('no', 'ip', 'filter', filter),
  F('ip', lanIf, 'address', ipv4Host),
  F('ipv6', lanIf, 'secure', 'filter', 'in', { repeat: filter, min: 1 }),
  F('ipv6', lanIf, 'secure', 'filter', 'out', { repeat: filter, min: 1 }),
  F('ipv6', lanIf, 'secure', 'filter', 'out', { repeat: filter, min: 0 }, 'dynamic', { repeat: filter, min: 1 }),
  F('tunnel', 'select', gw),
  F('tunnel', 'select', 'none'),
  F('description', 'tunnel', description),
  F('ipsec', 'tunnel', int(1, 2147483647)),
  F('ipsec', 'sa', 'policy', int(1, 2147483647), gw, 'esp', enc, hmac),
  F('ipsec', 'ike', 'version', gw, oneOf('1', '2')),
  F('ipsec', 'ike', 'duration', oneOf('ipsec-sa', 'isakmp-sa', 'child-sa', 'ike-sa'), gw, int(300, 691200)),
  F('ipsec', 'ike', 'encryption', gw, enc),
  F('ipsec', 'ike', 'group', gw, oneOf('modp768', 'modp1024', 'modp1536', 'modp2048')),
  F('ipsec', 'ike', 'hash', gw, oneOf('md5', 'sha', 'sha256', 'sha384', 'sha512')),
  F('ipsec', 'ike', 'keepalive', 'log', gw, oneOf('on', 'off')),
  F('ipsec', 'ike', 'keepalive', 'use', gw, oneOf('on', 'off', 'auto'), oneOf('dpd', 'rfc4306'), int(1, 600), int(1, 50)),
  F('ipsec', 'ike', 'local', 'address', gw, ipv6),
  F('ipsec', 'ike', 'local', 'name', gw, ipv6, 'ipv6-addr'),
  F('ipsec', 'ike', 'local', 'id', gw, ipv4Net),
  F('ipsec', 'ike', 'message-id-control', gw, oneOf('on', 'off')),
  F('ipsec', 'ike', 'child-exchange', 'type', gw, oneOf('1', '2')),
  F('ipsec', 'ike', 'pfs', gw, oneOf('on', 'off')),
  F('ipsec', 'ike', 'proposal-limitation', gw, oneOf('on', 'off')),
  F('ipsec', 'ike', 'pre-shared-key', gw, 'text', psk),
  F('ipsec', 'ike', 'remote', 'address', gw, ipv6),
  F('ipsec', 'ike', 'remote', 'name', gw, ipv6, 'ipv6-addr'),
  F('ipsec', 'ike', 'remote', 'id', gw, ipv4Net),
  F('ip', 'tunnel', 'tcp', 'mss', 'limit', oneOf('auto', 'off')),
  F('tunnel', 'enable', gw),
  F('tunnel', 'disable', gw),
  F('ip', 'filter', filter, 'pass', '*', '*', 'udp', int(1, 65535), '*'),
  F('ip', 'filter', filter, 'pass', '*', '*', 'esp'),
  F('ipv6', 'filter', filter, 'pass', ipv6, '*', '*', '*', '*'),
  F('ipv6', 'filter', filter, 'pass', ipv6, ipv6, 'esp', '*', '*'),
  F('ipv6', 'filter', filter, 'pass', ipv6, ipv6, 'udp', '*', int(1, 65535)),
  F('ipsec', 'auto', 'refresh', 'on'),
  F('ipsec', 'auto', 'refresh', gw, 'off'),
  // rollback forms
  F('no', 'ipsec', 'tunnel'),
  F('no', 'description'),
  F('no', 'ip', 'tunnel', 'tcp', 'mss', 'limit'),
  F('no', 'ipsec', 'sa', 'policy', int(1, 2147483647)),
  F('no', 'ip', 'route', ipv4Net),
  F('no', 'ipv6', 'filter', filter),
  F(
    'no',
    'ipsec',
    'ike',
    {
      repeat: oneOf(
        'version',
        'duration',
        'ipsec-sa',
        'isakmp-sa',
        'encryption',
        'group',
        'hash',
        'keepalive',
        'log',
        'use',
        'local',
        'remote',
        'address',
        'name',
        'id',
        'message-id-control',
        'child-exchange',
        'type',
        'pfs',
        'proposal-limitation',
        'pre-shared-key',
      ),
      min: 1,
    },
    gw,
  ),
];

function matchForm(form: Form, words: readonly string[]): boolean {
  const go = (fi: number, wi: number): boolean => {
    if (fi === form.length) return wi === words.length;
    const part = form[fi]!;
    if (typeof part === 'function') return wi < words.length && part(words[wi]!) && go(fi + 1, wi + 1);
    let count = 0;
    for (let i = wi; ; i++) {
      if (count >= part.min && go(fi + 1, i)) return true;
      if (i >= words.length || !part.repeat(words[i]!)) return false;
      count++;
    }
  };
  return go(0, 0);
}

/** Splits like the RTX shell: `"a b"` is one word. */
function rtxWords(line: string): string[] {
  return [...line.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

export function rtxGrammarViolations(text: string): string[] {
  return text.split('\n').filter((line) => {
    if (line === '' || /^ {0,2}# [\x20-\x7e]*$/.test(line)) return false;
    if (/^ {0,2}#$/.test(line)) return false;
    if (!/^( {0,2})\S/.test(line) || /[^\x20-\x7e]/.test(line) || line.length > 4095) return true;
    const words = rtxWords(line);
    return !RTX_FORMS.some((form) => matchForm(form, words));
  });
}

const LIBRESWAN_KEYS = new Set([
  'auto',
  'type',
  'keyexchange',
  'ikev2',
  'authby',
  'aggrmode',
  'aggressive',
  'ike',
  'phase2',
  'phase2alg',
  'esp',
  'pfs',
  'ikelifetime',
  'keylife',
  'salifetime',
  'compress',
  'dpddelay',
  'dpdtimeout',
  'dpdaction',
  'left',
  'leftid',
  'leftsubnet',
  'right',
  'rightid',
  'rightsubnet',
  'rightsubnets',
  'narrowing',
  'ikev1-policy',
  'also',
]);

/** libreswan ipsec.conf: sections at column 0, indented key=value with known keys, no stray text. */
export function libreswanGrammarViolations(text: string): string[] {
  let inSection = false;
  return text.split('\n').filter((line) => {
    if (line === '' || /^\s*# [^\r]*$/.test(line) || /^\s*#$/.test(line)) return false;
    if (/^(config setup|conn [a-z][a-z0-9-]*)$/.test(line)) return !(inSection = true);
    if (/^include \/etc\/ipsec\.d\/\*\.conf$/.test(line)) return !!(inSection = false);
    const match = /^ {4}([a-z0-9-]+)=(\S+|\{[^{}#"\s]+(?: [^{}#"\s]+)*\})$/.exec(line);
    return !(inSection && match && LIBRESWAN_KEYS.has(match[1]!) && !match[2]!.includes('#') && !match[2]!.includes('"'));
  });
}

/** libreswan secrets: exactly `<ipv6> <ipv6 | @fqdn> : PSK "<no quote>"`. */
export function secretsGrammarViolations(text: string): string[] {
  return text
    .split('\n')
    .filter(
      (line) =>
        line !== '' &&
        !(
          /^(\S+) (\S+) : PSK "[^"\r\n]*"$/.test(line) &&
          ipv6(line.split(' ')[0]!) &&
          (ipv6(line.split(' ')[1]!) || (line.split(' ')[1]!.startsWith('@') && fqdn(line.split(' ')[1]!.slice(1))))
        ),
    );
}

/** swanctl.conf: balanced `name {` / `}`, `key = value` with a bare or escaped quoted value. */
export function swanctlGrammarViolations(text: string): string[] {
  let depth = 0;
  const bad = text.split('\n').filter((line) => {
    const trimmed = line.trim();
    if (trimmed === '' || /^# [^\r]*$/.test(trimmed) || trimmed === '#') return false;
    if (/^[A-Za-z0-9_-]+ \{$/.test(trimmed)) return depth++ < 0;
    if (trimmed === '}') return --depth < 0;
    return !(depth > 0 && /^[A-Za-z0-9_-]+ = (?:[A-Za-z0-9_.:/,|+-]+|"(?:[^"\\\r\n]|\\.)*")$/.test(trimmed));
  });
  return depth === 0 ? bad : [...bad, 'unbalanced braces'];
}

/** sysctl: `key = value` lines and comments. */
export function sysctlGrammarViolations(text: string): string[] {
  return text
    .split('\n')
    .filter(
      (line) =>
        line !== '' &&
        !/^# [^\r]*$/.test(line) &&
        !/^net\.ipv4\.(ip_forward|conf\.[A-Za-z0-9_-]+\.(send_redirects|accept_redirects|rp_filter)) = [01]$/.test(line),
    );
}
