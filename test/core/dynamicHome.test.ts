import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/core/generate';
import { bundleGrammarViolations } from './support/bundleGrammar';

const libreswan = JSON.parse(readFileSync('examples/debian12-libreswan-ikev2.plan.json', 'utf8'));
const strongswan = JSON.parse(readFileSync('examples/debian12-strongswan-ikev2.plan.json', 'utf8'));

function named(base: Record<string, unknown>, dns: { kind: string; fqdn: string }, change: (plan: PlanJson) => void = () => {}) {
  const plan = structuredClone(base) as PlanJson;
  plan.home.dns = dns;
  plan.peers[0].tunnel.psk = 'Aa1!Bb2$Cc3%Dd4&Ee5(Ff6)';
  change(plan);
  return plan;
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- plan JSON edited freely, validated by generate() */
type PlanJson = Record<string, any>;

const NETVOLANTE = { kind: 'netvolante', fqdn: 'myhome.aa0.netvolante.jp' };
const file = (bundle: ReturnType<typeof generate>, end: string) => bundle.files.find((f) => f.path.endsWith(end))?.content ?? '';
const errors = (input: unknown) => generate(input).findings.filter((finding) => finding.level === 'error');

describe('a home named by NetVolante DNS, libreswan VPS', () => {
  const bundle = generate(named(libreswan, NETVOLANTE));

  it('generates, every line in its grammar', () => {
    expect(errors(named(libreswan, NETVOLANTE))).toEqual([]);
    expect(bundleGrammarViolations(bundle.files)).toEqual([]);
  });

  it('RTX: registers the WAN address, names itself by FQDN, pins no own address', () => {
    const rtx = file(bundle, 'router/rtx-config.txt');
    expect(rtx).toMatch(/^netvolante-dns use lan2 auto$/m);
    expect(rtx).toMatch(/^netvolante-dns hostname host lan2 myhome ipv6 address$/m);
    expect(rtx).toMatch(/^# Then register the name once: netvolante-dns go lan2$/m);
    expect(rtx).toMatch(/^ {2}ipsec ike local name 1 myhome\.aa0\.netvolante\.jp fqdn$/m);
    expect(rtx).not.toMatch(/ipsec ike local address/);
    expect(rtx).not.toContain(libreswan.home.wanIpv6);
    expect(rtx).toMatch(/^ipv6 filter 102000 pass 2001:db8:2::1 \* esp \* \*$/m);
  });

  it('VPS: answers any address with that ID, and its files hold no home address', () => {
    const conn = bundle.files.find((f) => f.path.endsWith('.conf') && f.language === 'libreswan')!.content;
    expect(conn).toMatch(/^ {4}right=%any$/m);
    expect(conn).toMatch(/^ {4}rightid=@myhome\.aa0\.netvolante\.jp$/m);
    expect(conn).toMatch(/^ {4}auto=add$/m);
    expect(file(bundle, '.secrets')).toBe(`2001:db8:2::1 @myhome.aa0.netvolante.jp : PSK "Aa1!Bb2$Cc3%Dd4&Ee5(Ff6)"\n`);
    for (const f of bundle.files.filter((f) => f.side === 'vps')) expect(f.content, f.path).not.toContain(libreswan.home.wanIpv6);
  });

  it('README explains the firewall trade-off, Japanese first, with the libreswan issues', () => {
    const readme = file(bundle, 'README.md');
    const section = readme.indexOf('## アドレスが変わる自宅 / A home whose address changes');
    expect(section).toBeGreaterThan(0);
    expect(readme).toContain('https://github.com/libreswan/libreswan/issues/2556');
    expect(readme.indexOf('### ファイアウォールの選択 / The firewall trade-off')).toBeGreaterThan(section);
  });

  it('the VPS files do not change when the home address does', () => {
    const moved = generate(named(libreswan, NETVOLANTE, (plan) => (plan.home.wanIpv6 = '2001:db8:99::1')));
    const vps = (b: ReturnType<typeof generate>) => b.files.filter((f) => f.side === 'vps').map((f) => [f.path, f.content]);
    expect(vps(moved)).toEqual(vps(bundle));
  });
});

describe('a home named by a DDNS name, strongSwan VPS', () => {
  const plan = named(strongswan, { kind: 'ddns', fqdn: 'home.example.jp' });
  const bundle = generate(plan);

  it('strongSwan follows the name (remote_addrs re-resolved) and identifies the RTX by it', () => {
    expect(errors(plan)).toEqual([]);
    expect(bundleGrammarViolations(bundle.files)).toEqual([]);
    const conf = bundle.files.find((f) => f.language === 'swanctl')!.content;
    expect(conf).toMatch(/remote_addrs = home\.example\.jp,::\/0$/m);
    expect(conf).toMatch(/id = home\.example\.jp$/m);
    expect(conf).toMatch(/id-rtx = home\.example\.jp$/m);
    expect(file(bundle, 'router/rtx-config.txt')).not.toMatch(/netvolante-dns/);
  });

  it('the nftables table admits IKE/ESP from any source', () => {
    const nft = bundle.files.find((f) => f.language === 'nft')?.content ?? '';
    expect(nft).not.toMatch(/saddr !=/);
  });
});

describe('bad names and combinations are refused with the field and what to change', () => {
  it.each([
    ['a single label', 'myhome', /full name/],
    ['an IPv4 address', '192.0.2.1', /not an IP address/],
    ['a label ending in a hyphen', 'home-.example.jp', /letter or digit/],
    ['empty', '', /Enter the host name/],
  ])('%s', (_what, fqdn, message) => {
    const [error] = errors(named(strongswan, { kind: 'ddns', fqdn }));
    expect(error?.path).toBe('home.dns.fqdn');
    expect(error?.message.en).toMatch(message);
  });

  it('a character that could reach a file, by the schema', () => {
    expect(errors(named(strongswan, { kind: 'ddns', fqdn: 'home.example.jp\nconn x' })).map((e) => e.path)).toEqual(['home.dns.fqdn']);
  });

  it('a NetVolante name that is not <host>.<subdomain>.netvolante.jp', () => {
    expect(errors(named(strongswan, { kind: 'netvolante', fqdn: 'home.example.jp' })).map((e) => [e.path, e.code])).toEqual([
      ['home.dns.fqdn', 'fqdn.netvolante'],
    ]);
  });

  it('NetVolante IPv6 on a model or firmware without it', () => {
    const old = named(strongswan, NETVOLANTE, (plan) => (plan.router = { model: 'RTX830', firmware: '15.02.03' }));
    expect(errors(old).map((e) => [e.path, e.code])).toEqual([['home.dns.kind', 'router.netvolanteIpv6']]);
    expect(errors(old)[0]!.message.en).toMatch(/Rev\.15\.02\.09/);
  });

  it('IKEv1, and a libreswan VPS that would initiate', () => {
    const v1 = named(strongswan, NETVOLANTE, (plan) => (plan.peers[0].tunnel.crypto.ikeVersion = 1));
    expect(errors(v1).map((e) => e.path)).toContain('peers.0.tunnel.crypto.ikeVersion');
    const vps = named(libreswan, NETVOLANTE, (plan) => (plan.peers[0].tunnel.initiator = 'vps'));
    expect(errors(vps).map((e) => [e.path, e.code])).toEqual([['peers.0.tunnel.initiator', 'fqdn.libreswanInitiator']]);
  });
});
