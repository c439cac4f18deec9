import type { GeneratedFile } from '../../../src/core/bundle/types';
import { aggregateNetworks, formatNetwork, networkOf, parseIpv4Interface } from '../../../src/core/net/ipv4';
import { parseLibreswanConf, parseRtx, parseSwanctl, rtxFind, type SwanctlTree } from './parse';

/**
 * What both ends must agree on, read back from the generated text alone (not from the plan), with
 * keyword tables written independently of the generator's. Returns the violations.
 */
const RTX_ENC: Record<string, string> = { 'aes-cbc': 'aes128', 'aes256-cbc': 'aes256', '3des-cbc': '3des' };
const RTX_HASH: Record<string, string> = { sha: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const RTX_HMAC: Record<string, string> = { 'sha-hmac': 'sha1', 'sha256-hmac': 'sha256', 'sha384-hmac': 'sha384', 'sha512-hmac': 'sha512' };
const LS_HASH: Record<string, string> = { sha1: 'sha1', sha2_256: 'sha256', sha2_384: 'sha384', sha2_512: 'sha512' };
const DH: Record<string, string> = { modp1024: 'modp1024', modp1536: 'modp1536', modp2048: 'modp2048', dh2: 'modp1024', dh5: 'modp1536', dh14: 'modp2048' };

interface Side {
  ikeVersion: number;
  ike: string; // enc-hash-dh, neutral
  esp: string; // enc-hash, neutral
  pfs: boolean;
  psk: string;
  local: string;
  remote: string;
  localSubnets: string[];
  remoteSubnets: string[];
  localId?: string;
  remoteId?: string;
  ikeLifetime: number;
  childLifetime: number;
}

const seconds = (text: string | undefined) => Number(String(text).replace(/s$/, ''));

function readRtx(text: string): Side & { dpdMethod: string; routes: string[]; tunnel: number } {
  const commands = parseRtx(text);
  const ike = (...words: string[]) => rtxFind(commands, 'ipsec', 'ike', ...words);
  const one = (...words: string[]) => {
    const found = ike(...words);
    if (found.length !== 1) throw new Error(`expected one "ipsec ike ${words.join(' ')}", found ${found.length}`);
    return found[0]!.words;
  };
  const tunnel = Number(rtxFind(commands, 'tunnel', 'select')[0]!.words[2]);
  const policy = rtxFind(commands, 'ipsec', 'sa', 'policy')[0]!.words;
  const g = policy[4]!;
  const gatewayIds = new Set(
    commands.filter((c) => c.words[0] === 'ipsec' && c.words[1] === 'ike').map((c) => c.words.find((w, i) => i >= 2 && /^\d+$/.test(w))),
  );
  if (gatewayIds.size !== 1 || !gatewayIds.has(g)) throw new Error(`ipsec ike lines use gateways ${[...gatewayIds].join(',')} but the SA policy uses ${g}`);
  if (rtxFind(commands, 'ipsec', 'tunnel')[0]!.words[2] !== policy[3]) throw new Error('ipsec tunnel and ipsec sa policy ids differ');
  if (rtxFind(commands, 'tunnel', 'enable')[0]!.words[2] !== String(tunnel)) throw new Error('tunnel enable names another tunnel');
  const version = ike('version').length ? Number(one('version')[4]) : 1;
  const lans = rtxFind(commands, 'ip').filter((c) => /^(lan|onu)\d$/.test(c.words[1]!) && c.words[2] === 'address');
  const homes = aggregateNetworks(lans.map((c) => networkOf(parseIpv4Interface(c.words[3]!)!))).map(formatNetwork);
  const routes = rtxFind(commands, 'ip', 'route')
    .filter((c) => c.words[2] !== 'default' && c.words[4] === 'tunnel' && c.words[5] === String(tunnel))
    .map((c) => c.words[2]!);
  // A filter-type default route into this tunnel (forward replies, egress) carries Internet
  // addresses: the VPS side must then select 0.0.0.0/0.
  const defaults = rtxFind(commands, 'ip', 'route', 'default').map((c) => c.words.join(' '));
  const widened = defaults.some((line) => new RegExp(`gateway tunnel ${tunnel} filter`).test(line));
  const keepalive = one('keepalive', 'use');
  return {
    ikeVersion: version,
    ike: `${RTX_ENC[one('encryption')[4]!]}-${RTX_HASH[one('hash')[4]!]}-${one('group')[4]}`,
    esp: `${RTX_ENC[policy[6]!]}-${RTX_HMAC[policy[7]!]}`,
    pfs: ike('pfs').length === 1 && one('pfs')[4] === 'on',
    psk: one('pre-shared-key')[5]!,
    local: one('local', 'address')[5]!,
    remote: one('remote', 'address')[5]!,
    localSubnets: homes,
    remoteSubnets: widened ? ['0.0.0.0/0'] : routes,
    ...(version === 1
      ? { localId: one('local', 'id')[5]!, remoteId: one('remote', 'id')[5]! }
      : { localId: one('local', 'name')[5]!, remoteId: one('remote', 'name')[5]! }),
    ikeLifetime: Number(one('duration', 'isakmp-sa')[5]),
    childLifetime: Number(one('duration', 'ipsec-sa')[5]),
    dpdMethod: keepalive[6]!,
    routes,
    tunnel,
  };
}

function neutralLibreswan(proposal: string, withDh: boolean): string {
  const match = /^(aes128|aes256|3des)-(sha1|sha2_256|sha2_384|sha2_512)(?:;(\w+))?$/.exec(proposal);
  if (!match) throw new Error(`unexpected libreswan proposal ${proposal}`);
  return withDh ? `${match[1]}-${LS_HASH[match[2]!]}-${DH[match[3]!]}` : `${match[1]}-${LS_HASH[match[2]!]}`;
}

function readLibreswan(conf: string, secrets: string): Side {
  const sections = parseLibreswanConf(conf);
  const base = sections.find((section) => section.header.startsWith('conn '))!;
  const conn = base.values;
  const v = (key: string) => conn.get(key);
  // libreswan < 5: one conn per LAN segment, each `also=` the first (buildLibreswanConns).
  const perSegment = sections
    .filter((section) => section.values.get('also') === base.header.slice('conn '.length))
    .map((section) => section.values.get('rightsubnet')!);
  const ikeVersion = v('keyexchange') === 'ikev1' || v('ikev2') === 'no' ? 1 : 2;
  const esp = v('esp') ?? v('phase2alg')!;
  const secret = /^(\S+) (\S+) : PSK "([^"]*)"$/.exec(secrets.trim());
  if (!secret) throw new Error(`secrets line not understood: ${secrets}`);
  if (secret[1] !== v('left') || secret[2] !== v('right')) throw new Error('secrets indices are not left and right');
  const rightSubnets = v('rightsubnet') ? [v('rightsubnet')!] : v('rightsubnets') ? v('rightsubnets')!.replace(/[{}]/g, '').split(' ') : perSegment;
  const pfs = v('pfs') === 'yes';
  if (pfs !== esp.includes(';')) throw new Error('esp names a DH group exactly when pfs=yes');
  return {
    ikeVersion,
    ike: neutralLibreswan(v('ike')!, true),
    esp: neutralLibreswan(esp.split(';')[0]!, false),
    pfs,
    psk: secret[3]!,
    local: v('left')!,
    remote: v('right')!,
    localSubnets: [v('leftsubnet')!],
    remoteSubnets: rightSubnets,
    ...(ikeVersion === 2 ? { localId: v('leftid')!, remoteId: v('rightid')! } : { localId: v('leftsubnet')!, remoteId: rightSubnets.join(',') }),
    ikeLifetime: seconds(v('ikelifetime')),
    childLifetime: seconds(v('salifetime') ?? v('keylife')),
  };
}

function readSwanctl(text: string): Side {
  const tree = parseSwanctl(text);
  const connections = tree.connections as SwanctlTree;
  const [name] = Object.keys(connections);
  const conn = connections[name!] as SwanctlTree;
  const child = ((conn.children as SwanctlTree)[name!] as SwanctlTree) ?? {};
  const secrets = tree.secrets as SwanctlTree;
  const secret = Object.values(secrets)[0] as SwanctlTree;
  const [enc, hash, dh] = String(conn.proposals).split('-');
  const espParts = String(child.esp_proposals).split('-');
  if (secret['id-vps'] !== conn.local_addrs || secret['id-rtx'] !== conn.remote_addrs) throw new Error('secret ids are not the two addresses');
  const remoteTs = String(child.remote_ts).split(',');
  const version = Number(conn.version);
  return {
    ikeVersion: version,
    ike: `${enc}-${hash}-${dh}`,
    esp: `${espParts[0]}-${espParts[1]}`,
    pfs: espParts.length === 3,
    psk: String(secret.secret),
    local: String(conn.local_addrs),
    remote: String(conn.remote_addrs),
    localSubnets: [String(child.local_ts)],
    remoteSubnets: remoteTs,
    ...(version === 2
      ? { localId: String((conn.local as SwanctlTree).id), remoteId: String((conn.remote as SwanctlTree).id) }
      : { localId: String(child.local_ts), remoteId: remoteTs.join(',') }),
    ikeLifetime: seconds(String(conn.rekey_time)),
    childLifetime: seconds(String(child.rekey_time)),
  };
}

export function crossSideViolations(files: readonly GeneratedFile[]): string[] {
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const rtxText = byPath.get('router/rtx-config.txt');
  if (!rtxText) return ['no router/rtx-config.txt'];
  const problems: string[] = [];
  try {
    const rtx = readRtx(rtxText);
    const conf = files.find((file) => /^vps\/etc\/ipsec\.d\/[^/]+\.conf$/.test(file.path));
    const secrets = files.find((file) => /^vps\/etc\/ipsec\.d\/[^/]+\.secrets$/.test(file.path));
    const swanctl = files.find((file) => /swanctl\/conf\.d\/[^/]+\.conf$/.test(file.path));
    const vps = conf && secrets ? readLibreswan(conf.content, secrets.content) : swanctl ? readSwanctl(swanctl.content) : undefined;
    if (!vps) return ['no VPS IPsec file'];
    const expect = (what: string, a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${what}: RTX ${JSON.stringify(a)} vs VPS ${JSON.stringify(b)}`);
    };
    expect('IKE version', rtx.ikeVersion, vps.ikeVersion);
    expect('IKE proposal', rtx.ike, vps.ike);
    expect('ESP proposal', rtx.esp, vps.esp);
    expect('PFS', rtx.pfs, vps.pfs);
    expect('PSK', rtx.psk, vps.psk);
    expect('RTX address', rtx.local, vps.remote);
    expect('VPS address', rtx.remote, vps.local);
    expect('home subnets', rtx.localSubnets, vps.remoteSubnets);
    expect('VPS subnet', rtx.remoteSubnets, vps.localSubnets);
    expect('RTX identity', rtx.localId, rtx.ikeVersion === 1 ? vps.remoteId : vps.remoteId);
    expect('VPS identity', rtx.remoteId, vps.localId);
    expect('IKE lifetime', rtx.ikeLifetime, vps.ikeLifetime);
    expect('child lifetime', rtx.childLifetime, vps.childLifetime);
    expect('keepalive method', rtx.dpdMethod, rtx.ikeVersion === 1 ? 'dpd' : 'rfc4306');
    const commands = parseRtx(rtxText);
    const secureIn = commands.find((c) => c.words[0] === 'ipv6' && c.words[2] === 'secure' && c.words[4] === 'in');
    const admitting = rtxFind(commands, 'ipv6', 'filter').filter((c) => c.words[4] === rtx.remote && c.words[3] === 'pass');
    // With no secure filter list on the WAN everything passes and no list may be created.
    if (secureIn ? !admitting.every((c) => secureIn.words.includes(c.words[2]!)) || admitting.length === 0 : admitting.length > 0) {
      problems.push('the IPv6 filter admitting the VPS is missing from the WAN secure filter list, or a list was created where none was');
    }
  } catch (error) {
    problems.push(`unreadable output: ${(error as Error).message}`);
  }
  return problems;
}
