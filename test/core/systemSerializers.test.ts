import { describe, expect, it } from 'vitest';
import { richRuleText } from '../../src/core/render/system/firewall/firewalldText';
import { iptablesArgs, serializeIptablesRestore } from '../../src/core/render/system/firewall/iptablesText';
import { serializeNft, type NftTable } from '../../src/core/render/system/firewall/nftText';
import { ufwArgs } from '../../src/core/render/system/firewall/ufwText';
import { serializeLibreswanSecrets } from '../../src/core/render/system/libreswanSecrets';
import { serializeIfcfg, serializeRouteFile, serializeYaml } from '../../src/core/render/system/nic/nicText';
import { ShellCode, cmd, quoted, sh } from '../../src/core/render/system/sh/shellCode';

const BAD = ['10.0.0.1; flush ruleset', '10.0.0.1\n', 'eth0 "x"', '2400::1 }', "a'b", '$(reboot)'];

describe('system serializers refuse a token outside their dialect', () => {
  const nft = (value: string): NftTable => ({
    family: 'inet',
    name: 't',
    chains: [
      {
        name: 'input',
        type: 'filter',
        hook: 'input',
        priority: 0,
        policy: 'accept',
        rules: [{ matches: [{ kind: 'addr', family: 'ip', field: 'saddr', values: [value] }], statement: { kind: 'verdict', verdict: 'drop' } }],
      },
    ],
  });

  it.each(BAD)('%j', (bad) => {
    expect(() => serializeNft(nft(bad), [])).toThrow();
    expect(() =>
      serializeIptablesRestore([
        { kind: 'table', table: 'filter', chains: [], rules: [{ chain: 'INPUT', matches: [{ kind: 'src', net: bad }], target: { kind: 'ACCEPT' } }] },
      ]),
    ).toThrow();
    expect(() => iptablesArgs([{ kind: 'iface', dir: 'in', name: bad }], { kind: 'ACCEPT' })).toThrow();
    expect(() => ufwArgs({ action: 'allow', from: bad, to: 'any' })).toThrow();
    expect(() => richRuleText({ family: 'ipv6', source: bad, element: { kind: 'service', name: 'ipsec' }, action: 'accept' })).toThrow();
    expect(() => serializeIfcfg([['DEVICE', bad]])).toThrow();
    expect(() => serializeRouteFile([{ to: bad, via: '10.0.0.1', dev: 'eth1' }])).toThrow();
    expect(() => serializeYaml({ network: { x: [bad] } }, [])).toThrow();
    expect(() => serializeLibreswanSecrets([{ local: bad, remote: '2400::2', psk: 'k' }])).toThrow();
  });

  it('accepts the good forms', () => {
    expect(serializeNft(nft('10.0.0.0/24'), ['c'])).toBe(
      '# c\ntable inet t {\n  chain input {\n    type filter hook input priority 0; policy accept;\n    ip saddr 10.0.0.0/24 drop\n  }\n}\n',
    );
    expect(ufwArgs({ route: true, action: 'allow', in: 'eth0', proto: 'tcp', from: 'any', to: '10.0.0.5', ports: [80] })).toEqual(
      'route allow in on eth0 proto tcp from any to 10.0.0.5 port 80'.split(' '),
    );
    expect(
      iptablesArgs(
        [
          { kind: 'iface', dir: 'in', name: 'eth0' },
          { kind: 'proto', proto: 'tcp', module: true },
          { kind: 'dport', port: 80 },
        ],
        { kind: 'DNAT', to: '10.0.0.5', port: 8080 },
      ),
    ).toEqual('-i eth0 -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.0.0.5:8080'.split(' '));
    expect(serializeLibreswanSecrets([{ local: '2400::1', remote: '2400::2', psk: 'a b!' }])).toBe('2400::1 2400::2 : PSK "a b!"\n');
    expect(() => serializeLibreswanSecrets([{ local: '2400::1', remote: '2400::2', psk: 'a"b' }])).toThrow();
  });
});

describe('shell code', () => {
  it('quotes every interpolated value as one word and keeps code as code', () => {
    const name = "x'; reboot; '";
    expect(sh`grep -q ${name} /etc/f`.text).toBe(`grep -q 'x'\\''; reboot; '\\''' /etc/f`);
    expect(sh`${cmd('ifdown', 'eth1')} 2>/dev/null; ${cmd('ifup', 'eth1')}`.text).toBe('ifdown eth1 2>/dev/null; ifup eth1');
    expect(sh`for f in ${['/a b', '/c']}; do`.text).toBe(`for f in '/a b' /c; do`);
    expect(quoted('/etc/x').text).toBe(`'/etc/x'`);
  });

  it('refuses line breaks and cannot be made from a plain string', () => {
    expect(() => sh`echo ${'a\nb'}`).toThrow();
    expect(() => cmd('a\u2028b')).toThrow();
    expect(() => new ShellCode(Symbol('ShellCode') as never, 'reboot')).toThrow();
  });
});
